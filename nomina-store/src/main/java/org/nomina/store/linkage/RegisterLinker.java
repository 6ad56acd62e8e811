package org.nomina.store.linkage;

import org.nomina.store.LazyReads;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.linkage.HumanDecision;
import org.nomina.engine.linkage.LinkRecord;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.LinkageResult;
import org.nomina.engine.linkage.Linker;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.StoreException;
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
        PersonAssignment persons = PersonAssignment.assign(handle, set, result);
        Map<Long, Consensus> active = LazyReads.read(handle, PersonWriter::activePersons);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Connection conn = handle.getConnection();
        long[] newPerson = new long[set.size()];
        PersonWriter.PersonWrites personWrites = PersonWriter.writePersons(conn, set, persons, active, now, newPerson);
        PersonWriter.MembershipWrites memberships = PersonWriter.writeMembership(conn, set, persons.oldPerson(), newPerson);
        int retired = PersonWriter.retire(conn, active, persons.claimed(), now);
        // Editors' corrections of consensus values outlive the recomputation (issue 11).
        org.nomina.store.persons.PersonCorrections.reapply(handle);
        PairWriter.PairCounts pairs = PairWriter.writePairs(handle, result.pairs());
        Writes writes = new Writes(personWrites.inserted(), personWrites.updated(), retired, memberships.inserted(), memberships.moved(),
                pairs.written(), pairs.deleted());
        int matches = pairs.matches();
        // The engine keeps only the most probable review pairs (Linker.MAX_REVIEW_PAIRS) and counts them all.
        int review = (int) Math.min(Integer.MAX_VALUE, Math.max(pairs.review(), result.reviewPairsTotal()));
        int newPersons = persons.newPersons();
        List<int[]> clusters = persons.clusters();
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
        payload.put("membership_sha256", MembershipDigest.of(set, newPerson));
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

    /** SHA-256 over (source record, person) in record order; the ledger keeps it so verify can check membership. */
    public static String membershipDigest(Handle handle) {
        return MembershipDigest.of(handle);
    }

}
