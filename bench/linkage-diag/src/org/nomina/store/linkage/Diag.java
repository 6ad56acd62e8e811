package org.nomina.store.linkage;

import org.nomina.engine.linkage.FieldContribution;
import org.nomina.engine.linkage.LinkRecord;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.LinkageResult;
import org.nomina.engine.linkage.Linker;
import org.nomina.engine.linkage.ScoredPair;
import org.nomina.store.Database;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * Relinks an imported register in memory with the engine's classes (what {@code link} does, without writing) and
 * prints pairwise precision, recall and F1 against a truth file (source,record_id,person_id), the lost true pairs and
 * the false pairs counted by class, and for the pairs no blocking rule proposed which key parts the two records share.
 * Arguments: JDBC_URL TRUTH_CSV [OUT_FILE [CONFIG_YAML]]; OUT_FILE lists every lost and false pair with its records and
 * field levels. {@code -Ddiag.o2o=true} links a second time without one_to_one to tell the pairs it lowered.
 */
public class Diag {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path truthFile = Path.of(args[1]);
        String out = args.length > 2 ? args[2] : null;
        boolean compareO2O = Boolean.getBoolean("diag.o2o");
        Database db = Database.open(url);
        RecordSet set;
        Map<Long, String> label = new HashMap<>();
        try (var h = db.jdbi().open()) {
            set = h.inTransaction(RecordSet::load);
            h.createQuery("SELECT r.id, s.name, r.record_id FROM source_record r JOIN source s ON s.id = r.source_id")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2) + "\u0001" + rs.getString(3)))
                    .forEach(e -> label.put(e.getKey(), e.getValue()));
        }
        Map<String, String> truthByLabel = new HashMap<>();
        for (String line : Files.readAllLines(truthFile).subList(1, Files.readAllLines(truthFile).size())) {
            int last = line.lastIndexOf(',');
            int mid = line.lastIndexOf(',', last - 1);
            String src = line.substring(0, mid);
            if (src.startsWith("\"")) src = src.substring(1, src.length() - 1);
            truthByLabel.put(src + "\u0001" + line.substring(mid + 1, last), line.substring(last + 1));
        }
        List<LinkRecord> records = set.records();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) index.put(records.get(i).key(), i);
        String[] person = new String[records.size()];
        for (int i = 0; i < records.size(); i++) person[i] = truthByLabel.get(label.get(records.get(i).key()));
        LinkageConfig config = LinkageConfig.defaults();
        if (args.length > 3) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readValue(Path.of(args[3]).toFile(), Map.class);
            config = LinkageConfig.fromMap(map == null ? Map.of() : map);
        }
        long t0 = System.nanoTime();
        LinkageResult result = Linker.link(records, config, List.of(), (s, d, tot) -> { });
        System.err.printf("link %.1f s, %d candidate pairs%n", (System.nanoTime() - t0) / 1e9, result.candidatePairs());
        Map<Long, ScoredPair> scored = new HashMap<>();
        for (ScoredPair p : result.pairs()) scored.put(p.keyA() << 32 ^ p.keyB(), p);
        Map<Long, ScoredPair> scoredOff = new HashMap<>();
        if (compareO2O) {
            for (ScoredPair p : Linker.link(records, config.withOneToOne(false), List.of(), (s, d, tot) -> { }).pairs()) {
                scoredOff.put(p.keyA() << 32 ^ p.keyB(), p);
            }
        }
        for (ScoredPair q : scoredOff.values()) {
            OFF_BY_KEY.computeIfAbsent(q.keyA(), k -> new ArrayList<>()).add(q);
            OFF_BY_KEY.computeIfAbsent(q.keyB(), k -> new ArrayList<>()).add(q);
        }
        long[] candidates = org.nomina.engine.linkage.DiagBlock.candidates(records, config);
        java.util.Arrays.sort(candidates);
        CANDIDATES = candidates;
        long[] cluster = new long[records.size()];
        for (int i = 0; i < records.size(); i++) cluster[i] = result.clusterByKey().get(records.get(i).key());
        // pairwise counts
        Map<String, List<Integer>> byPerson = new HashMap<>();
        Map<Long, List<Integer>> byCluster = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (person[i] != null) byPerson.computeIfAbsent(person[i], k -> new ArrayList<>()).add(i);
            byCluster.computeIfAbsent(cluster[i], k -> new ArrayList<>()).add(i);
        }
        long truePairs = 0, linked = 0, correct = 0;
        Map<String, Integer> lostClass = new TreeMap<>();
        Map<String, Integer> falseClass = new TreeMap<>();
        PrintWriter w = out == null ? null : new PrintWriter(Files.newBufferedWriter(Path.of(out)));
        for (List<Integer> members : byPerson.values()) {
            for (int a = 0; a < members.size(); a++) for (int b = a + 1; b < members.size(); b++) {
                truePairs++;
                int x = members.get(a), y = members.get(b);
                if (cluster[x] == cluster[y]) continue;
                String c = lostClass(records, x, y, scored, scoredOff, compareO2O, cluster, byCluster, person);
                lostClass.merge(c, 1, Integer::sum);
                if (w != null) w.println("LOST " + c + " | " + describe(records, set, x, y, scored, label));
                if (w != null && c.startsWith("o2o-lowered")) {
                    for (int[] side : new int[][] {{x, y}, {y, x}}) {
                        int me = side[0], other = side[1];
                        ScoredPair best = null;
                        for (ScoredPair q : OFF_BY_KEY.getOrDefault(records.get(me).key(), List.of())) {
                            long ok = q.keyA() == records.get(me).key() ? q.keyB() : q.keyA();
                            if (records.get(index.get(ok)).sourceIndex() != records.get(other).sourceIndex()) continue;
                            if (best == null || q.matchWeight() > best.matchWeight()) best = q;
                        }
                        if (best == null) continue;
                        long ok = best.keyA() == records.get(me).key() ? best.keyB() : best.keyA();
                        int oi = index.get(ok);
                        w.printf("    best of %s: w=%.1f [%s] %s%s%n", records.get(me).key(), best.matchWeight(), person[oi],
                                rec(records.get(oi), set, oi), Objects.equals(person[oi], person[me]) ? " (TRUE)" : "");
                    }
                }
                if (w != null && c.startsWith("apart:other")) {
                    for (long cl : new long[] {cluster[x], cluster[y]}) {
                        w.print("    cluster:");
                        for (int m : byCluster.get(cl)) w.print(" [" + person[m] + "] " + rec(records.get(m), set, m) + " ;");
                        w.println();
                    }
                }
            }
        }
        for (List<Integer> members : byCluster.values()) {
            for (int a = 0; a < members.size(); a++) for (int b = a + 1; b < members.size(); b++) {
                linked++;
                int x = members.get(a), y = members.get(b);
                if (person[x] != null && person[x].equals(person[y])) { correct++; continue; }
                String c = falseClass(records, x, y, scored);
                falseClass.merge(c, 1, Integer::sum);
                if (w != null) w.println("FALSE " + c + " | " + describe(records, set, x, y, scored, label));
            }
        }
        double p = correct / (double) linked, r = correct / (double) truePairs;
        System.out.printf("records %d linked %d true %d correct %d  P %.4f R %.4f F1 %.4f%n", records.size(), linked, truePairs, correct,
                p, r, 2 * p * r / (p + r));
        System.out.println("lost by class: " + lostClass);
        System.out.println("false by class: " + falseClass);
        System.out.println("not proposed, shared parts (sfam scons smeta gfam gmeta ginit pfam names year place yearOrPlace):");
        SIGNATURES.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.println("  " + e.getKey() + " " + e.getValue()));
        if (w != null) w.close();
        System.exit(0);
    }

    static long[] CANDIDATES;
    static Map<Long, List<ScoredPair>> OFF_BY_KEY = new HashMap<>();
    static Map<String, Integer> SIGNATURES = new HashMap<>();

    static boolean sparse(LinkRecord r) {
        return r.birthYear() == 0 && r.age() < 0;
    }

    static String level(ScoredPair p, String field) {
        for (FieldContribution c : p.contributions()) if (c.field().equals(field)) return c.level();
        return "?";
    }

    static String lostClass(List<LinkRecord> records, int x, int y, Map<Long, ScoredPair> scored, Map<Long, ScoredPair> off,
                            boolean compare, long[] cluster, Map<Long, List<Integer>> byCluster, String[] person) {
        long kx = records.get(x).key(), ky = records.get(y).key();
        long pk = Math.min(kx, ky) << 32 ^ Math.max(kx, ky);
        ScoredPair p = scored.get(pk);
        if (p == null) {
            if (compare && off.containsKey(pk) && off.get(pk).probability() >= 0.95) return "o2o-lowered-below-review";
            long packed = (long) Math.min(x, y) << 32 | Math.max(x, y);
            if (java.util.Arrays.binarySearch(CANDIDATES, packed) >= 0) return "proposed-below-review-or-unreported";
            try {
                SIGNATURES.merge(org.nomina.engine.linkage.DiagBlock.shared(x, y), 1, Integer::sum);
            } catch (Exception e) { throw new RuntimeException(e); }
            return "not-proposed";
        }
        if (p.probability() < 0.95) {
            if (compare && off.containsKey(pk) && off.get(pk).probability() >= 0.95) return "o2o-lowered";
            return "scored-review";
        }
        // kept apart by clustering: why?
        StringBuilder why = new StringBuilder("apart:");
        if (records.get(x).sourceIndex() == records.get(y).sourceIndex()) why.append("same-list;");
        String place = level(p, "place");
        if (place.equals("different")) why.append("place;");
        String given = level(p, "given_name");
        if (given.startsWith("jaro_winkler>=0.70") || given.equals("different")) why.append("given;");
        String sur = level(p, "surname");
        if (sur.startsWith("jaro_winkler>=0.70") || sur.equals("different")) why.append("surname;");
        String pat = level(p, "patronymic");
        if (pat.startsWith("jaro_winkler>=0.70") || pat.equals("different")) why.append("patronymic;");
        String bd = level(p, "birth_date");
        if (bd.equals("different") || bd.equals("full_dates_differ")) why.append("birth;");
        // a namesake of the other's list in either cluster
        boolean namesake = false;
        for (int m : byCluster.get(cluster[x])) if (records.get(m).sourceIndex() == records.get(y).sourceIndex() && !Objects.equals(person[m], person[y])) namesake = true;
        for (int m : byCluster.get(cluster[y])) if (records.get(m).sourceIndex() == records.get(x).sourceIndex() && !Objects.equals(person[m], person[x])) namesake = true;
        if (namesake) why.append("namesake-first;");
        if (why.length() > 6) return why.toString();
        // Nothing of the pair's own objects: what of the other pairs across the two clusters does.
        StringBuilder across = new StringBuilder("apart:other");
        Set<String> reasons = new TreeSet<>();
        int unscored = 0;
        double sum = 0;
        int n = 0;
        for (int m : byCluster.get(cluster[x])) for (int o : byCluster.get(cluster[y])) {
            if (records.get(m).sourceIndex() == records.get(o).sourceIndex()) reasons.add("same-list");
            long km = records.get(m).key(), ko = records.get(o).key();
            ScoredPair q = scored.get(Math.min(km, ko) << 32 ^ Math.max(km, ko));
            if (q == null) {
                ScoredPair without = off.get(Math.min(km, ko) << 32 ^ Math.max(km, ko));
                if (compare && without != null && without.probability() >= 0.95) reasons.add("o2o-lowered-across");
                // Proposed but not reported: scored below the review probability, and counted in the clusterer's mean.
                else if (java.util.Arrays.binarySearch(CANDIDATES, (long) Math.min(m, o) << 32 | Math.max(m, o)) >= 0) reasons.add("low");
                else unscored++;
                continue;
            }
            sum += q.probability(); n++;
            if (level(q, "place").equals("different")) reasons.add("place");
            String bq = level(q, "birth_date");
            if (bq.equals("different") || bq.equals("full_dates_differ")) reasons.add("birth");
            for (String f : List.of("given_name", "surname", "patronymic")) {
                String l = level(q, f);
                if (l.startsWith("jaro_winkler>=0.70") || l.equals("different")) reasons.add(f);
            }
        }
        if (reasons.isEmpty()) reasons.add(unscored > 0 ? "unscored" : n > 0 && sum / n < 0.95 ? "mean" : "?");
        across.append(':').append(String.join(",", reasons));
        return across.toString();
    }

    static String falseClass(List<LinkRecord> records, int x, int y, Map<Long, ScoredPair> scored) {
        LinkRecord a = records.get(x), b = records.get(y);
        long pk = Math.min(a.key(), b.key()) << 32 ^ Math.max(a.key(), b.key());
        ScoredPair p = scored.get(pk);
        StringBuilder c = new StringBuilder(p == null ? "indirect" : p.probability() >= 0.95 ? "direct" : "review-direct");
        if (a.sourceIndex() == b.sourceIndex()) c.append(":same-list");
        if (sparse(a) || sparse(b)) c.append(":no-year");
        if (a.patronymic().isBlank() || b.patronymic().isBlank()) c.append(":no-father");
        return c.toString();
    }

    static String describe(List<LinkRecord> records, RecordSet set, int x, int y, Map<Long, ScoredPair> scored, Map<Long, String> label) {
        LinkRecord a = records.get(x), b = records.get(y);
        long pk = Math.min(a.key(), b.key()) << 32 ^ Math.max(a.key(), b.key());
        ScoredPair p = scored.get(pk);
        StringBuilder s = new StringBuilder();
        s.append(p == null ? "-" : String.format("p=%.4f w=%.1f", p.probability(), p.matchWeight()));
        s.append(" | ").append(rec(a, set, x)).append(" | ").append(rec(b, set, y));
        if (p != null) {
            s.append(" |");
            for (FieldContribution c : p.contributions()) s.append(' ').append(c.field()).append('=').append(c.level());
        }
        return s.toString();
    }

    static String rec(LinkRecord r, RecordSet set, int i) {
        return set.sourceNames().get(r.sourceIndex()) + "#" + r.key() + " " + r.surname() + " / " + r.givenName() + " / " + r.patronymic()
                + " / " + (r.birthYear() > 0 ? r.birthYear() + "-" + r.birthMonth() + "-" + r.birthDay() : r.age() >= 0 ? "age " + r.age() + "@" + r.incidentYear() : "")
                + " / " + r.place() + " / " + r.status().map(Object::toString).orElse("");
    }
}
