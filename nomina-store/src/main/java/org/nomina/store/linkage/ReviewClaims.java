package org.nomina.store.linkage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.linkage.HumanDecision.Verdict;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.ledger.Ledger;

/**
 * The review queue shared by several reviewers at once: a reviewer who is shown a pair holds it for
 * {@link #HOLD}; no other reviewer is given a pair someone holds. A reviewer may take back their latest
 * decision (the review page's undo): the decision moves to {@code match_decision_withdrawn} and the
 * ledger records the withdrawal, so the pair is pending again and nothing is lost.
 */
public final class ReviewClaims {

    /** How long a pair shown to a reviewer stays theirs. */
    public static final Duration HOLD = Duration.ofMinutes(10);

    /** A pair held by a reviewer, as the review page shows it; {@code position} counts from 0 among the pairs open to them. */
    public record Held(ReviewQueue.Pending pair, int position, int open, List<Candidate> otherCandidates) {
    }

    /** Another pair of the model's that involves one of the two records. */
    public record Candidate(long recordA, long recordB, double probability, String decision) {
    }

    /** A decision taken back. */
    public record Withdrawn(long recordA, long recordB, @JsonSerialize(converter = ReviewQueue.VerdictWord.class) Verdict verdict,
                            String reviewer) {
    }

    private ReviewClaims() {
    }

    /**
     * The pair at {@code position} among the pending pairs that no other reviewer holds, most probable first,
     * now held by {@code reviewer} (who lets go of any other pair they held). Empty when there is none there.
     */
    public static Optional<Held> claim(Database db, String reviewer, int position) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return db.jdbi().inTransaction(h -> {
            h.createUpdate("DELETE FROM review_claim WHERE claimed_until < :now OR reviewer = :who").bind("now", now).bind("who", reviewer)
                    .execute();
            String open = """
                    FROM match_pair p WHERE p.decision = 'REVIEW'
                      AND NOT EXISTS (SELECT 1 FROM match_decision d WHERE d.record_a = p.record_a AND d.record_b = p.record_b)
                      AND NOT EXISTS (SELECT 1 FROM review_claim c WHERE c.record_a = p.record_a AND c.record_b = p.record_b)""";
            int count = h.createQuery("SELECT COUNT(*) " + open).mapTo(Integer.class).one();
            if (count == 0) {
                return Optional.<Held>empty();
            }
            int at = Math.max(0, Math.min(position, count - 1));
            List<Object[]> rows = h.createQuery("SELECT p.record_a, p.record_b, p.probability, p.match_weight, p.contributions " + open
                            + " ORDER BY p.probability DESC, p.record_a, p.record_b OFFSET :at ROWS FETCH NEXT 1 ROWS ONLY")
                    .bind("at", at)
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)})
                    .list();
            if (rows.isEmpty()) {
                return Optional.<Held>empty();
            }
            Object[] row = rows.get(0);
            long a = (Long) row[0];
            long b = (Long) row[1];
            // The primary key makes two reviewers racing for the same pair fail rather than share it.
            h.createUpdate("INSERT INTO review_claim (record_a, record_b, reviewer, claimed_until) VALUES (:a, :b, :who, :until)")
                    .bind("a", a).bind("b", b).bind("who", reviewer).bind("until", now.plus(HOLD)).execute();
            Object contributions = CanonicalJson.read((String) row[4]);
            ReviewQueue.Pending pending = new ReviewQueue.Pending(ReviewQueue.view(h, a), ReviewQueue.view(h, b), (Double) row[2],
                    (Double) row[3], contributions instanceof List<?> l ? List.copyOf(l) : List.of());
            return Optional.of(new Held(pending, at, count, candidates(h, a, b)));
        });
    }

    private static List<Candidate> candidates(Handle h, long a, long b) {
        return h.createQuery("""
                        SELECT record_a, record_b, probability, decision FROM match_pair
                        WHERE (record_a IN (:a, :b) OR record_b IN (:a, :b)) AND NOT (record_a = :a AND record_b = :b)
                        ORDER BY probability DESC""")
                .bind("a", a).bind("b", b).setMaxRows(10)
                .map((rs, ctx) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4).toLowerCase(java.util.Locale.ROOT)))
                .list();
    }

    /** Lets go of the pairs a reviewer holds. */
    public static void release(Database db, String reviewer) {
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM review_claim WHERE reviewer = :who").bind("who", reviewer).execute());
    }

    /** Takes back the reviewer's latest decision, if any. */
    public static Optional<Withdrawn> undoLatest(Database db, String reviewer) {
        return db.jdbi().inTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT MAX(id) FROM match_decision WHERE reviewer = :who").bind("who", reviewer)
                    .mapTo(Long.class).findFirst();
            if (id.isEmpty() || id.get() == null) {
                return Optional.<Withdrawn>empty();
            }
            Object[] row = h.createQuery("SELECT record_a, record_b, verdict FROM match_decision WHERE id = :id").bind("id", id.get())
                    .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), Verdict.valueOf(rs.getString(3))}).one();
            h.createUpdate("""
                    INSERT INTO match_decision_withdrawn (id, record_a, record_b, verdict, probability, reviewer, note, decided_at,
                                                          withdrawn_at, withdrawn_by)
                    SELECT id, record_a, record_b, verdict, probability, reviewer, note, decided_at, :now, :who
                    FROM match_decision WHERE id = :id""")
                    .bind("id", id.get()).bind("now", OffsetDateTime.now(ZoneOffset.UTC)).bind("who", reviewer).execute();
            h.createUpdate("DELETE FROM match_decision WHERE id = :id").bind("id", id.get()).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("record_a", row[0]);
            payload.put("record_b", row[1]);
            payload.put("verdict_withdrawn", ((Verdict) row[2]).word());
            payload.put("decision_id", id.get());
            Ledger.append(h, reviewer, "review-undo", payload);
            return Optional.of(new Withdrawn((Long) row[0], (Long) row[1], (Verdict) row[2], reviewer));
        });
    }
}
