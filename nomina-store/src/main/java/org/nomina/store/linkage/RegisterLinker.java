package org.nomina.store.linkage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.commons.math3.util.KthSelector;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Status;
import org.nomina.engine.linkage.Decision;
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
                          int matches, int reviewPairs, int humanDecisions, double seconds, Map<String, Long> storeMillis, Writes writes) {
    }

    /**
     * Rows the run changed: a relink writes only differences, so linking unchanged data again writes none
     * of these (besides its run row and ledger entry).
     */
    public record Writes(int personsInserted, int personsUpdated, int personsRetired, int membershipsInserted, int membershipsMoved,
                         int pairsWritten, int pairsDeleted) {
    }

    private static final int BATCH = 5000;
    /** Most review pairs stored per run; see {@code write}. */
    public static final int MAX_REVIEW_STORED = org.nomina.engine.linkage.Linker.MAX_REVIEW_PAIRS;

    private RegisterLinker() {
    }

    public static Outcome link(Database db, LinkageConfig config, String actor, ProgressListener progress) {
        return link(db, config, actor, (records, decisions) -> Linker.link(records, config, decisions, progress));
    }

    /** {@link #link} with another engine run in the middle; for measuring the store's stages on their own. */
    static Outcome link(Database db, LinkageConfig config, String actor,
                        BiFunction<List<LinkRecord>, List<HumanDecision>, LinkageResult> engine) {
        long started = System.nanoTime();
        Map<String, Long> millis = new LinkedHashMap<>();
        // One connection for the whole run: an embedded H2 file opened without DB_CLOSE_DELAY closes (and
        // compacts) when its last connection does, and reopening it between stages cost ~0.3 s on FEBRL4.
        try (Handle handle = db.jdbi().open()) {
            long t = System.nanoTime();
            RecordSet set = handle.inTransaction(RecordSet::load);
            List<HumanDecision> decisions = humanDecisions(handle);
            millis.put("load", (System.nanoTime() - t) / 1_000_000);
            LinkageResult result = engine.apply(set.records(), decisions);
            t = System.nanoTime();
            Outcome outcome = handle.inTransaction(h -> write(h, set, result, config, decisions, actor, started, millis));
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
        lockLedgerHead(handle);
        List<int[]> clusters = clustersLargestFirst(set, result);
        long[] oldPerson = oldMembership(handle, set);
        Map<Long, Consensus> active = activePersons(handle);
        // Keep a person's id for the cluster holding most of its records; largest clusters choose first.
        long nextId = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM person").mapTo(Long.class).one();
        long[] personOfCluster = new long[clusters.size()];
        boolean[] reused = new boolean[clusters.size()];
        Set<Long> claimed = new HashSet<>(clusters.size() * 2);
        int newPersons = 0;
        for (int c = 0; c < clusters.size(); c++) {
            long chosen = mostVoted(clusters.get(c), oldPerson, claimed);
            if (chosen == 0) {
                chosen = nextId++;
                newPersons++;
            } else {
                reused[c] = true;
            }
            claimed.add(chosen);
            personOfCluster[c] = chosen;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Connection conn = handle.getConnection();
        long[] newPerson = new long[set.size()];
        int[] persons = writePersons(conn, set, clusters, personOfCluster, reused, active, now, newPerson);
        int[] memberships = writeMembership(conn, set, oldPerson, newPerson);
        int retired = retire(conn, active, claimed, now);
        // Editors' corrections of consensus values outlive the recomputation (issue 11).
        org.nomina.store.persons.PersonCorrections.reapply(handle);
        int[] counted = writePairs(handle, result.pairs());
        Writes writes = new Writes(persons[0], persons[1], retired, memberships[0], memberships[1], counted[2], counted[3]);
        int matches = counted[0];
        // The engine keeps only the most probable review pairs (Linker.MAX_REVIEW_PAIRS) and counts them all.
        int review = (int) Math.min(Integer.MAX_VALUE, Math.max(counted[1], result.reviewPairsTotal()));
        double seconds = (System.nanoTime() - started) / 1e9;
        String modelJson = CanonicalJson.write(CanonicalJson.mapper().convertValue(result.model(), Map.class));
        String configJson = CanonicalJson.write(CanonicalJson.mapper().convertValue(config, Map.class));
        long runId = handle.createUpdate("""
                INSERT INTO linkage_run (started_at, seconds, records, candidate_pairs, matches, review_pairs, persons, config_json,
                    model_json, actor) VALUES (:at, :s, :records, :pairs, :matches, :review, :persons, :config, :model, :actor)""")
                .bind("at", now).bind("s", seconds).bind("records", set.size()).bind("pairs", result.candidatePairs())
                .bind("matches", matches).bind("review", review).bind("persons", clusters.size())
                .bind("config", configJson).bind("model", modelJson).bind("actor", actor)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run_id", runId);
        payload.put("records", set.size());
        payload.put("persons", clusters.size());
        payload.put("new_persons", newPersons);
        payload.put("retired_persons", retired);
        payload.put("matches", matches);
        payload.put("review_pairs", review);
        payload.put("human_decisions", decisions.size());
        payload.put("membership_sha256", membershipDigest(set, newPerson));
        Ledger.append(handle, actor, "link", payload);
        return new Outcome(result, runId, set.size(), clusters.size(), newPersons, retired, matches, review, decisions.size(), seconds, millis, writes);
    }

    /**
     * Locks the ledger's head entry until this transaction ends, so that a second link started meanwhile
     * waits and then writes its difference against this one's committed result, not against the same
     * old state (which would interleave two runs' memberships).
     */
    private static void lockLedgerHead(Handle handle) {
        handle.createQuery("SELECT seq FROM ledger_entry WHERE seq = (SELECT MAX(seq) FROM ledger_entry) FOR UPDATE")
                .mapTo(Long.class).findFirst();
    }

    /** Record indexes grouped by cluster, each in record order; largest clusters first, ties in order of first record. */
    private static List<int[]> clustersLargestFirst(RecordSet set, LinkageResult result) {
        int[] sizes = new int[set.size()];
        Map<Long, Integer> slot = new HashMap<>(set.size() * 2);
        int[] slotOf = new int[set.size()];
        int slots = 0;
        for (int i = 0; i < set.size(); i++) {
            long cluster = result.clusterByKey().getOrDefault(set.key(i), set.key(i));
            Integer s = slot.get(cluster);
            if (s == null) {
                s = slots++;
                slot.put(cluster, s);
            }
            slotOf[i] = s;
            sizes[s]++;
        }
        int[][] members = new int[slots][];
        for (int s = 0; s < slots; s++) {
            members[s] = new int[sizes[s]];
            sizes[s] = 0;
        }
        for (int i = 0; i < set.size(); i++) {
            int s = slotOf[i];
            members[s][sizes[s]++] = i;
        }
        List<int[]> ordered = new ArrayList<>(Arrays.asList(members));
        ordered.sort((a, b) -> Integer.compare(b.length, a.length));
        return ordered;
    }

    /**
     * Each record's person before this run (0 for none), read in key order beside the set's own key order.
     * Every stored membership names a record of the set: records are never deleted (the foreign key would
     * refuse it), and the set holds all of them.
     */
    private static long[] oldMembership(Handle handle, RecordSet set) {
        long[] oldPerson = new long[set.size()];
        int[] cursor = {0};
        handle.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long key = rs.getLong(1);
                    long person = rs.getLong(2);
                    int i = cursor[0];
                    while (i < set.size() && set.key(i) < key) {
                        i++;
                    }
                    if (i < set.size() && set.key(i) == key) {
                        oldPerson[i] = person;
                    }
                    cursor[0] = i;
                    return 0;
                })
                .forEach(x -> { });
        return oldPerson;
    }

    /** Persons not retired, with the values stored on them. */
    private static Map<Long, Consensus> activePersons(Handle handle) {
        Map<Long, Consensus> active = new HashMap<>();
        handle.createQuery("""
                SELECT id, display_name, surname, given_name, patronymic, sex, birth_year, place, status, record_count, source_count
                FROM person WHERE retired_at IS NULL""").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    active.put(rs.getLong(1), new Consensus(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            RecordSet.sex(rs.getString(6)), rs.getInt(7), rs.getString(8), RecordSet.status(rs.getString(9)), rs.getInt(10),
                            rs.getInt(11)));
                    return 0;
                })
                .forEach(x -> { });
        return active;
    }

    /** The unclaimed old person holding most of the cluster's records (ties to the smaller id), or 0 when none. */
    private static long mostVoted(int[] members, long[] oldPerson, Set<Long> claimed) {
        long[] votes = new long[members.length];
        int n = 0;
        for (int i : members) {
            if (oldPerson[i] != 0) {
                votes[n++] = oldPerson[i];
            }
        }
        Arrays.sort(votes, 0, n);
        long best = 0;
        int bestCount = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && votes[end] == votes[start]) {
                end++;
            }
            if (end - start > bestCount && !claimed.contains(votes[start])) {
                best = votes[start];
                bestCount = end - start;
            }
            start = end;
        }
        return best;
    }

    /**
     * Inserts new persons and updates reused ones whose consensus changed (or that were retired); fills
     * {@code newPerson} with each record's person. A relink of unchanged data writes no person row.
     * Returns {inserted, updated}.
     */
    private static int[] writePersons(Connection conn, RecordSet set, List<int[]> clusters, long[] personOfCluster, boolean[] reused,
                                     Map<Long, Consensus> active, OffsetDateTime now, long[] newPerson) throws SQLException {
        try (Batch insert = new Batch(conn, """
                     INSERT INTO person (id, display_name, sex, birth_year, created_at, surname, given_name, patronymic, place, status,
                         record_count, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             Batch update = new Batch(conn, """
                     UPDATE person SET display_name = ?, sex = ?, birth_year = ?, surname = ?, given_name = ?, patronymic = ?,
                         place = ?, status = ?, record_count = ?, source_count = ?, retired_at = NULL, retired_reason = '' WHERE id = ?""")) {
            int inserted = 0;
            int updated = 0;
            for (int c = 0; c < clusters.size(); c++) {
                long id = personOfCluster[c];
                for (int r : clusters.get(c)) {
                    newPerson[r] = id;
                }
                Consensus v = Consensus.of(set, clusters.get(c));
                Consensus stored = active.get(id);
                if (stored != null && stored.equals(v)) {
                    continue;
                }
                boolean old = reused[c];
                PreparedStatement p = old ? update.statement() : insert.statement();
                int i = 1;
                if (!old) {
                    p.setLong(i++, id);
                }
                p.setString(i++, v.displayName());
                p.setString(i++, v.sex().word());
                setInt(p, i++, v.birthYear());
                if (!old) {
                    p.setObject(i++, now);
                }
                p.setString(i++, v.surname());
                p.setString(i++, v.givenName());
                p.setString(i++, v.patronymic());
                p.setString(i++, v.place());
                p.setString(i++, v.status().map(Status::word).orElse(""));
                p.setInt(i++, v.records());
                p.setInt(i++, v.sources());
                if (old) {
                    p.setLong(i, id);
                }
                (old ? update : insert).add();
                if (old) {
                    updated++;
                } else {
                    inserted++;
                }
            }
            return new int[] {inserted, updated};
        }
    }

    /**
     * Brings person_record to {@code newPerson}: inserts memberships of records new to the register and
     * moves records whose person changed. Rows are never rewritten when unchanged, so a relink of the same
     * data writes none (rewriting every membership took most of a 100,000-record link's write stage).
     * Returns {inserted, moved}.
     */
    private static int[] writeMembership(Connection conn, RecordSet set, long[] oldPerson, long[] newPerson) throws SQLException {
        int inserted = 0;
        int moved = 0;
        try (Batch insert = new Batch(conn, "INSERT INTO person_record (person_id, source_record_id) VALUES (?, ?)");
             Batch move = new Batch(conn, "UPDATE person_record SET person_id = ? WHERE source_record_id = ?")) {
            for (int i = 0; i < set.size(); i++) {
                if (oldPerson[i] == newPerson[i]) {
                    continue;
                }
                Batch batch = oldPerson[i] == 0 ? insert : move;
                if (oldPerson[i] == 0) {
                    inserted++;
                } else {
                    moved++;
                }
                batch.statement().setLong(1, newPerson[i]);
                batch.statement().setLong(2, set.key(i));
                batch.add();
            }
        }
        return new int[] {inserted, moved};
    }

    /** Retires active persons left without records, with the reason; returns how many. */
    private static int retire(Connection conn, Map<Long, Consensus> active, Set<Long> kept, OffsetDateTime now) throws SQLException {
        int retired = 0;
        try (Batch update = new Batch(conn, """
                UPDATE person SET retired_at = ?, retired_reason = 'its records now belong to other persons after relinking',
                    record_count = 0, source_count = 0
                WHERE id = ? AND retired_at IS NULL""")) {
            for (long id : active.keySet()) {
                if (!kept.contains(id)) {
                    update.statement().setObject(1, now);
                    update.statement().setLong(2, id);
                    update.add();
                    retired++;
                }
            }
        }
        return retired;
    }

    /** A stored match_pair row's values, to tell whether a pair changed since the last run. */
    private record StoredPair(double matchWeight, double probability, String decision, String contributions) {
    }

    private record PairKey(long a, long b) {
    }

    /**
     * Brings match_pair to this run's pairs left for review or decided by people, writing only rows that
     * changed; returns {matches, review pairs} over all pairs and {written, deleted} rows.
     */
    private static int[] writePairs(Handle handle, List<ScoredPair> pairs) throws SQLException {
        Map<PairKey, StoredPair> stored = new HashMap<>();
        handle.createQuery("SELECT record_a, record_b, match_weight, probability, decision, contributions FROM match_pair").setFetchSize(10_000)
                .map((rs, ctx) -> stored.put(new PairKey(rs.getLong(1), rs.getLong(2)),
                        new StoredPair(rs.getDouble(3), rs.getDouble(4), rs.getString(5), rs.getString(6))))
                .forEach(x -> { });
        int matches = 0;
        int review = 0;
        int written = 0;
        Connection conn = handle.getConnection();
        try (Batch insert = new Batch(conn, """
                INSERT INTO match_pair (match_weight, probability, decision, contributions, record_a, record_b) VALUES (?, ?, ?, ?, ?, ?)""");
             Batch update = new Batch(conn, """
                UPDATE match_pair SET match_weight = ?, probability = ?, decision = ?, contributions = ? WHERE record_a = ? AND record_b = ?""");
             Batch delete = new Batch(conn, "DELETE FROM match_pair WHERE record_a = ? AND record_b = ?")) {
            // A review queue is read by people: beyond MAX_REVIEW_STORED pairs only the most probable are
            // kept (all are counted). On badly separated data the model can leave millions in the band, and
            // writing them all cost minutes per run.
            double reviewFloor = reviewFloor(pairs);
            int reviewStored = 0;
            List<ScoredPair> kept = new ArrayList<>();
            for (ScoredPair p : pairs) {
                switch (p.decision()) {
                    case AUTO_MATCH, HUMAN_SAME -> matches++;
                    case REVIEW -> review++;
                    case HUMAN_DIFFERENT, HUMAN_UNSURE -> { }
                }
                // Automatic matches are counted, not stored: at a million records they run to millions of
                // rows, and their explanation can be recomputed from the model when a page asks for it.
                if (p.decision() == Decision.AUTO_MATCH) {
                    continue;
                }
                if (p.decision() == Decision.REVIEW) {
                    if (p.probability() < reviewFloor || reviewStored >= MAX_REVIEW_STORED) {
                        continue;
                    }
                    reviewStored++;
                }
                kept.add(p);
            }
            // In key order, the foreign-key checks and the primary key walk source_record and match_pair
            // forwards instead of jumping about; in the engine's order, 100,000 new pairs took ~8 s on H2.
            kept.sort(Comparator.comparingLong(ScoredPair::keyA).thenComparingLong(ScoredPair::keyB));
            for (ScoredPair p : kept) {
                String contributions = contributions(p.contributions());
                StoredPair now = new StoredPair(p.matchWeight(), p.probability(), p.decision().name(), contributions);
                StoredPair before = stored.remove(new PairKey(p.keyA(), p.keyB()));
                if (now.equals(before)) {
                    continue;
                }
                written++;
                Batch batch = before == null ? insert : update;
                PreparedStatement s = batch.statement();
                s.setDouble(1, now.matchWeight());
                s.setDouble(2, now.probability());
                s.setString(3, now.decision());
                s.setString(4, now.contributions());
                s.setLong(5, p.keyA());
                s.setLong(6, p.keyB());
                batch.add();
            }
            for (PairKey gone : stored.keySet()) {
                delete.statement().setLong(1, gone.a());
                delete.statement().setLong(2, gone.b());
                delete.add();
            }
        }
        return new int[] {matches, review, written, stored.size()};
    }

    /** The lowest probability among the MAX_REVIEW_STORED most probable review pairs (0 when fewer). */
    private static double reviewFloor(List<ScoredPair> pairs) {
        long review = pairs.stream().filter(p -> p.decision() == Decision.REVIEW).count();
        if (review <= MAX_REVIEW_STORED) {
            return 0;
        }
        double[] probabilities = pairs.stream().filter(p -> p.decision() == Decision.REVIEW)
                .mapToDouble(ScoredPair::probability).toArray();
        return largest(probabilities, MAX_REVIEW_STORED);
    }

    /**
     * The k-th largest value (k ≥ 1), as {@code sorted[length - k]} would give, by commons-math3's
     * quickselect (median-of-three pivots): sorting all review probabilities to find one cost ~1 s per ten
     * million pairs. Reorders {@code values}.
     */
    static double largest(double[] values, int k) {
        return new KthSelector().select(values, null, values.length - k);
    }

    /** SHA-256 over (source record, person) in record order; the ledger keeps it so verify can check membership. */
    public static String membershipDigest(Handle handle) {
        MembershipDigest digest = new MembershipDigest();
        handle.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    digest.add(rs.getLong(1), rs.getLong(2));
                    return 0;
                })
                .forEach(x -> { });
        return digest.finish();
    }

    /**
     * The same digest computed from what this run wrote: records in key order (the set's order) with their
     * new persons, which is exactly person_record after the write. Saves reading a million rows back.
     */
    private static String membershipDigest(RecordSet set, long[] newPerson) {
        MembershipDigest digest = new MembershipDigest();
        for (int i = 0; i < set.size(); i++) {
            digest.add(set.key(i), newPerson[i]);
        }
        return digest.finish();
    }

    private static final class MembershipDigest {
        private final MessageDigest digest = Hashes.sha256();
        private final ByteBuffer line = ByteBuffer.allocate(16);

        void add(long record, long person) {
            line.clear();
            line.putLong(record).putLong(person);
            digest.update(line.array());
        }

        String finish() {
            return Hashes.hex(digest.digest());
        }
    }

    /**
     * Each field's level and weight as canonical JSON ({@code [{"field":…,"level":…,"weight":…}]}, weights
     * to two decimals), whole: it always parses. Written by hand because it runs for up to
     * MAX_REVIEW_STORED pairs per link, where going through Jackson's maps cost about a second; text that
     * would need escaping goes through {@link CanonicalJson} to stay byte-identical with it.
     */
    static String contributions(List<FieldContribution> list) {
        StringBuilder json = new StringBuilder(list.size() * 48).append('[');
        for (FieldContribution f : list) {
            if (needsEscaping(f.field()) || needsEscaping(f.level())) {
                return CanonicalJson.write(contributionMaps(list));
            }
            json.append(json.length() == 1 ? "" : ",").append("{\"field\":\"").append(f.field()).append("\",\"level\":\"").append(f.level())
                    .append("\",\"weight\":").append(Math.round(f.weight() * 100) / 100.0).append('}');
        }
        return json.append(']').toString();
    }

    static List<Map<String, Object>> contributionMaps(List<FieldContribution> list) {
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (FieldContribution f : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", f.field());
            m.put("level", f.level());
            m.put("weight", Math.round(f.weight() * 100) / 100.0);
            out.add(m);
        }
        return out;
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static void setInt(PreparedStatement p, int index, int value) throws SQLException {
        if (value <= 0) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setInt(index, value);
        }
    }

    /** A prepared statement run in batches of BATCH rows; closing runs what is left. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection conn, String sql) throws SQLException {
            this.statement = conn.prepareStatement(sql);
        }

        PreparedStatement statement() {
            return statement;
        }

        void add() throws SQLException {
            statement.addBatch();
            if (++pending >= BATCH) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }
}
