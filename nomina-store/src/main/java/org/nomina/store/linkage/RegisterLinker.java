package org.nomina.store.linkage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.linkage.FieldContribution;
import org.nomina.engine.linkage.HumanDecision;
import org.nomina.engine.linkage.LinkRecord;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.LinkageResult;
import org.nomina.engine.linkage.Linker;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.engine.linkage.ScoredPair;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.StoreException;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.Ledger;

/**
 * Links every source record in the register into persons and writes the result back in one
 * transaction: persons with consensus values, which record belongs to whom, the scored pairs (the
 * review queue), the run, and a ledger entry. Incremental in the sense that matters: human decisions
 * live in their own table and every run honours them; person ids are kept for clusters that still hold
 * most of a person's records, and persons left without records are retired, not deleted.
 */
public final class RegisterLinker {

    /** What a run did, with the engine's full result for reports. */
    public record Outcome(LinkageResult result, long runId, int records, int persons, int newPersons, int retiredPersons,
                          int matches, int reviewPairs, int humanDecisions, double seconds, Map<String, Long> storeMillis) {
    }

    private static final String[] SEVERITY = {"killed", "missing", "hostage", "injured", "displaced", ""};
    private static final int BATCH = 5000;
    /** Most review pairs stored per run; see {@code write}. */
    public static final int MAX_REVIEW_STORED = 100_000;

    private RegisterLinker() {
    }

    public static Outcome link(Database db, LinkageConfig config, String actor, ProgressListener progress) {
        long started = System.nanoTime();
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        RecordSet set = db.jdbi().inTransaction(RecordSet::load);
        List<HumanDecision> decisions = db.jdbi().withHandle(RegisterLinker::humanDecisions);
        millis.put("load", (System.nanoTime() - t) / 1_000_000);
        LinkageResult result = Linker.link(set.records(), config, decisions, progress);
        t = System.nanoTime();
        try {
            Outcome outcome = db.jdbi().inTransaction(handle -> write(handle, set, result, config, decisions, actor, started, millis));
            millis.put("write", (System.nanoTime() - t) / 1_000_000);
            return outcome;
        } catch (SQLException e) {
            throw new StoreException("cannot store the linkage result: " + e.getMessage(), e);
        }
    }

    static List<HumanDecision> humanDecisions(Handle h) {
        Map<Long, Map<Long, String>> latest = new HashMap<>();
        h.createQuery("SELECT record_a, record_b, verdict FROM match_decision ORDER BY id")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> latest.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((Long) row[1], (String) row[2]));
        List<HumanDecision> out = new ArrayList<>();
        latest.forEach((a, m) -> m.forEach((b, v) -> out.add(new HumanDecision(a, b, HumanDecision.Verdict.valueOf(v)))));
        return out;
    }

    private static Outcome write(Handle handle, RecordSet set, LinkageResult result, LinkageConfig config, List<HumanDecision> decisions,
                                 String actor, long started, Map<String, Long> millis) throws SQLException {
        // Group records by cluster, in record order.
        Map<Long, List<Integer>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < set.size(); i++) {
            long cluster = result.clusterByKey().getOrDefault(set.key(i), set.key(i));
            clusters.computeIfAbsent(cluster, k -> new ArrayList<>()).add(i);
        }
        // Keep a person's id for the cluster holding most of its records; largest clusters choose first.
        Map<Long, Long> oldPerson = new HashMap<>();
        handle.createQuery("SELECT source_record_id, person_id FROM person_record").setFetchSize(10_000)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).forEach(p -> oldPerson.put(p[0], p[1]));
        List<List<Integer>> ordered = new ArrayList<>(clusters.values());
        ordered.sort((a, b) -> Integer.compare(b.size(), a.size()));
        Map<Long, Boolean> claimed = new HashMap<>();
        long nextId = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM person").mapTo(Long.class).one();
        long[] personOfCluster = new long[ordered.size()];
        boolean[] reused = new boolean[ordered.size()];
        int newPersons = 0;
        for (int c = 0; c < ordered.size(); c++) {
            Map<Long, Integer> votes = new HashMap<>();
            for (int i : ordered.get(c)) {
                Long p = oldPerson.get(set.key(i));
                if (p != null) {
                    votes.merge(p, 1, Integer::sum);
                }
            }
            long chosen = votes.entrySet().stream().filter(e -> !claimed.containsKey(e.getKey()))
                    .sorted((x, y) -> x.getValue().equals(y.getValue()) ? Long.compare(x.getKey(), y.getKey()) : y.getValue() - x.getValue())
                    .map(Map.Entry::getKey).findFirst().orElse(-1L);
            if (chosen < 0) {
                chosen = nextId++;
                newPersons++;
            } else {
                reused[c] = true;
            }
            claimed.put(chosen, true);
            personOfCluster[c] = chosen;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Connection conn = handle.getConnection();
        handle.execute("DELETE FROM person_record");
        handle.execute("DELETE FROM match_pair");
        try (PreparedStatement insert = conn.prepareStatement("""
                     INSERT INTO person (id, display_name, sex, birth_year, created_at, surname, given_name, patronymic, place, status,
                         record_count, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement update = conn.prepareStatement("""
                     UPDATE person SET display_name = ?, sex = ?, birth_year = ?, surname = ?, given_name = ?, patronymic = ?,
                         place = ?, status = ?, record_count = ?, source_count = ?, retired_at = NULL, retired_reason = '' WHERE id = ?""");
             PreparedStatement member = conn.prepareStatement("INSERT INTO person_record (person_id, source_record_id) VALUES (?, ?)")) {
            int pendingInsert = 0;
            int pendingUpdate = 0;
            int pendingMember = 0;
            for (int c = 0; c < ordered.size(); c++) {
                Consensus v = Consensus.of(set, ordered.get(c));
                long id = personOfCluster[c];
                if (reused[c]) {
                    int i = 1;
                    update.setString(i++, v.displayName());
                    update.setString(i++, v.sex());
                    setInt(update, i++, v.birthYear());
                    update.setString(i++, v.surname());
                    update.setString(i++, v.givenName());
                    update.setString(i++, v.patronymic());
                    update.setString(i++, v.place());
                    update.setString(i++, v.status());
                    update.setInt(i++, v.records());
                    update.setInt(i++, v.sources());
                    update.setLong(i, id);
                    update.addBatch();
                    if (++pendingUpdate >= BATCH) {
                        update.executeBatch();
                        pendingUpdate = 0;
                    }
                } else {
                    int i = 1;
                    insert.setLong(i++, id);
                    insert.setString(i++, v.displayName());
                    insert.setString(i++, v.sex());
                    setInt(insert, i++, v.birthYear());
                    insert.setObject(i++, now);
                    insert.setString(i++, v.surname());
                    insert.setString(i++, v.givenName());
                    insert.setString(i++, v.patronymic());
                    insert.setString(i++, v.place());
                    insert.setString(i++, v.status());
                    insert.setInt(i++, v.records());
                    insert.setInt(i, v.sources());
                    insert.addBatch();
                    if (++pendingInsert >= BATCH) {
                        insert.executeBatch();
                        pendingInsert = 0;
                    }
                }
                for (int r : ordered.get(c)) {
                    member.setLong(1, id);
                    member.setLong(2, set.key(r));
                    member.addBatch();
                    if (++pendingMember >= BATCH) {
                        // Persons first: person_record refers to them.
                        insert.executeBatch();
                        pendingInsert = 0;
                        member.executeBatch();
                        pendingMember = 0;
                    }
                }
            }
            insert.executeBatch();
            update.executeBatch();
            member.executeBatch();
        }
        int retired = handle.createUpdate("""
                UPDATE person SET retired_at = :at, retired_reason = 'its records now belong to other persons after relinking',
                    record_count = 0, source_count = 0
                WHERE retired_at IS NULL AND id NOT IN (SELECT person_id FROM person_record)""")
                .bind("at", now).execute();

        int matches = 0;
        int review = 0;
        try (PreparedStatement pair = conn.prepareStatement("""
                INSERT INTO match_pair (record_a, record_b, match_weight, probability, decision, contributions) VALUES (?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            // A review queue is read by people: beyond MAX_REVIEW_STORED pairs only the most probable are
            // kept (all are counted). On badly separated data the model can leave millions in the band, and
            // writing them all cost minutes per run.
            double reviewFloor = reviewFloor(result.pairs());
            int reviewStored = 0;
            for (ScoredPair p : result.pairs()) {
                switch (p.decision()) {
                    case AUTO_MATCH, HUMAN_SAME -> matches++;
                    case REVIEW -> review++;
                    case HUMAN_DIFFERENT, HUMAN_UNSURE -> { }
                }
                // Automatic matches are counted, not stored: at a million records they run to millions of
                // rows, and their explanation can be recomputed from the model when a page asks for it.
                if (p.decision() == org.nomina.engine.linkage.Decision.AUTO_MATCH) {
                    continue;
                }
                if (p.decision() == org.nomina.engine.linkage.Decision.REVIEW) {
                    if (p.probability() < reviewFloor || reviewStored >= MAX_REVIEW_STORED) {
                        continue;
                    }
                    reviewStored++;
                }
                pair.setLong(1, p.keyA());
                pair.setLong(2, p.keyB());
                pair.setDouble(3, p.matchWeight());
                pair.setDouble(4, p.probability());
                pair.setString(5, p.decision().name());
                pair.setString(6, contributions(p.contributions()));
                pair.addBatch();
                if (++pending >= BATCH) {
                    pair.executeBatch();
                    pending = 0;
                }
            }
            pair.executeBatch();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String modelJson = CanonicalJson.write(CanonicalJson.mapper().convertValue(result.model(), Map.class));
        long runId = handle.createUpdate("""
                INSERT INTO linkage_run (started_at, seconds, records, candidate_pairs, matches, review_pairs, persons, config_json,
                    model_json, actor) VALUES (:at, :s, :records, :pairs, :matches, :review, :persons, :config, :model, :actor)""")
                .bind("at", now).bind("s", seconds).bind("records", set.size()).bind("pairs", result.candidatePairs())
                .bind("matches", matches).bind("review", review).bind("persons", ordered.size())
                .bind("config", String.valueOf(config)).bind("model", modelJson).bind("actor", actor)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run_id", runId);
        payload.put("records", set.size());
        payload.put("persons", ordered.size());
        payload.put("new_persons", newPersons);
        payload.put("retired_persons", retired);
        payload.put("matches", matches);
        payload.put("review_pairs", review);
        payload.put("human_decisions", decisions.size());
        payload.put("membership_sha256", membershipDigest(handle));
        Ledger.append(handle, actor, "link", payload);
        return new Outcome(result, runId, set.size(), ordered.size(), newPersons, retired, matches, review, decisions.size(), seconds, millis);
    }

    /** The lowest probability among the MAX_REVIEW_STORED most probable review pairs (0 when fewer). */
    private static double reviewFloor(List<ScoredPair> pairs) {
        long review = pairs.stream().filter(p -> p.decision() == org.nomina.engine.linkage.Decision.REVIEW).count();
        if (review <= MAX_REVIEW_STORED) {
            return 0;
        }
        double[] probabilities = pairs.stream().filter(p -> p.decision() == org.nomina.engine.linkage.Decision.REVIEW)
                .mapToDouble(ScoredPair::probability).toArray();
        Arrays.sort(probabilities);
        return probabilities[probabilities.length - MAX_REVIEW_STORED];
    }

    /** SHA-256 over (source record, person) in record order; the ledger keeps it so verify can check membership. */
    public static String membershipDigest(Handle handle) {
        var digest = Hashes.sha256();
        byte[] line = new byte[16];
        handle.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id").setFetchSize(10_000)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(p -> {
                    java.nio.ByteBuffer.wrap(line).putLong(p[0]).putLong(p[1]);
                    digest.update(line);
                });
        return Hashes.hex(digest.digest());
    }

    private static String contributions(List<FieldContribution> list) {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (FieldContribution f : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", f.field());
            m.put("level", f.level());
            m.put("weight", Math.round(f.weight() * 100) / 100.0);
            out.add(m);
        }
        String json = CanonicalJson.write(out);
        return json.length() <= 10_000 ? json : json.substring(0, 10_000);
    }

    private static void setInt(PreparedStatement p, int index, int value) throws SQLException {
        if (value <= 0) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }

    /** Consensus values of one person: the most frequent non-empty value, ties to the more severe status or earlier record. */
    record Consensus(String displayName, String surname, String givenName, String patronymic, String sex, int birthYear, String place,
                     String status, int records, int sources) {
        static Consensus of(RecordSet set, List<Integer> members) {
            String surname = mode(members, i -> set.linkRecord(i).surname());
            String given = mode(members, i -> set.linkRecord(i).givenName());
            String patronymic = mode(members, i -> set.linkRecord(i).patronymic());
            String sex = mode(members, i -> set.linkRecord(i).sex().equals("unknown") ? "" : set.linkRecord(i).sex());
            String year = mode(members, i -> set.linkRecord(i).birthYear() > 0 ? String.valueOf(set.linkRecord(i).birthYear()) : "");
            String place = mode(members, i -> set.linkRecord(i).place());
            Map<String, Integer> statusVotes = new HashMap<>();
            for (int i : members) {
                statusVotes.merge(set.status(i), 1, Integer::sum);
            }
            // Most often stated status; a tie goes to the graver one (SEVERITY's order).
            String status = "";
            int best = 0;
            for (String s : SEVERITY) {
                int votes = statusVotes.getOrDefault(s, 0);
                if (!s.isEmpty() && votes > best) {
                    best = votes;
                    status = s;
                }
            }
            long sources = members.stream().mapToInt(i -> set.linkRecord(i).sourceIndex()).distinct().count();
            String display = String.join(" ", Arrays.stream(new String[] {surname, given, patronymic}).filter(s -> !s.isEmpty()).toList());
            if (display.isEmpty()) {
                display = set.fullName(members.get(0));
            }
            return new Consensus(display, surname, given, patronymic, sex.isEmpty() ? "unknown" : sex,
                    year.isEmpty() ? 0 : Integer.parseInt(year), place, status, members.size(), (int) sources);
        }

        private static String mode(List<Integer> members, java.util.function.IntFunction<String> value) {
            if (members.size() == 1) {
                return value.apply(members.get(0));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i : members) {
                String v = value.apply(i);
                if (!v.isEmpty()) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
            return counts.entrySet().stream().max((a, b) -> a.getValue() - b.getValue()).map(Map.Entry::getKey).orElse("");
        }
    }
}
