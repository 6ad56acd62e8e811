package org.nomina.store.linkage;

import org.nomina.store.StagedImports;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.linkage.HumanDecision.Verdict;
import org.nomina.store.BadInputException;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.ledger.Ledger;

/**
 * The pairs the model could not decide, and the decisions people make on them. A decision is a new row
 * (never an update), recorded in the ledger with the reviewer, and honoured by every later link run.
 */
public final class ReviewQueue {

    /** One side of a pair as a reviewer sees it; JSON names sex and status by their words ("" for no status). */
    public record RecordView(long key, String source, String recordId, String fullName, @JsonSerialize(converter = SexWord.class) Sex sex,
                             String birth, String age, String place, @JsonSerialize(converter = StatusWord.class) Optional<Status> status) {

        /** The status's word, "" when the source states none. */
        public String statusWord() {
            return status.map(Status::word).orElse("");
        }
    }

    /** A pair awaiting review, with each field's weight. */
    public record Pending(RecordView a, RecordView b, double probability, double matchWeight, List<Object> contributions) {
    }

    /** A decision as recorded; JSON names the verdict in lower case ("same"), as reviewers type it. */
    public record Decided(long recordA, long recordB, @JsonSerialize(converter = VerdictWord.class) Verdict verdict, String reviewer,
                          String note, Optional<Double> probability) {
    }

    /** JSON writes a sex as its word. */
    public static final class SexWord extends StdConverter<Sex, String> {
        @Override
        public String convert(Sex sex) {
            return sex.word();
        }
    }

    /** JSON writes a status as its word, "" for none. */
    public static final class StatusWord extends StdConverter<Optional<Status>, String> {
        @Override
        public String convert(Optional<Status> status) {
            return status.map(Status::word).orElse("");
        }
    }

    /** JSON writes a verdict in lower case. */
    public static final class VerdictWord extends StdConverter<Verdict, String> {
        @Override
        public String convert(Verdict verdict) {
            return verdict.word();
        }
    }

    private ReviewQueue() {
    }

    /** Pairs in the review band of the latest run that no person has decided, most probable first. */
    public static List<Pending> pending(Database db, int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT p.record_a, p.record_b, p.probability, p.match_weight, p.contributions FROM match_pair p
                WHERE p.decision = 'REVIEW'
                  AND NOT EXISTS (SELECT 1 FROM match_decision d WHERE d.record_a = p.record_a AND d.record_b = p.record_b)
                ORDER BY p.probability DESC, p.record_a, p.record_b""")
                .setMaxRows(limit)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)})
                .list()
                .stream()
                .map(row -> new Pending(view(h, (Long) row[0]), view(h, (Long) row[1]), (Double) row[2], (Double) row[3],
                        castList(CanonicalJson.read((String) row[4]))))
                .toList());
    }

    public static int pendingCount(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM match_pair p WHERE p.decision = 'REVIEW'
                  AND NOT EXISTS (SELECT 1 FROM match_decision d WHERE d.record_a = p.record_a AND d.record_b = p.record_b)""")
                .mapTo(Integer.class).one());
    }

    private static List<Object> castList(Object o) {
        return o instanceof List<?> l ? List.copyOf(l) : List.of();
    }

    static RecordView view(Handle h, long key) {
        return h.createQuery("""
                SELECT r.id, s.name, r.record_id, r.full_name, r.sex, r.birth_year, r.birth_month, r.birth_day, r.birth_approx, r.age,
                       r.place, r.status
                FROM source_record r JOIN source s ON s.id = r.source_id WHERE r.id = :id""")
                .bind("id", key)
                .map((rs, ctx) -> {
                    String birth = "";
                    if (rs.getObject("birth_year") != null) {
                        birth = (rs.getBoolean("birth_approx") ? "~" : "") + rs.getInt("birth_year")
                                + (rs.getObject("birth_month") != null ? String.format("-%02d", rs.getInt("birth_month")) : "")
                                + (rs.getObject("birth_day") != null ? String.format("-%02d", rs.getInt("birth_day")) : "");
                    }
                    return new RecordView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), RecordSet.sex(rs.getString(5)),
                            birth, rs.getObject("age") == null ? "" : String.valueOf(rs.getInt("age")), rs.getString("place"),
                            RecordSet.status(rs.getString("status")));
                })
                .one();
    }

    /**
     * Finds a record by reference: its key (a number, as review lists show it) or {@code SOURCE:RECORD_ID}.
     *
     * @throws BadInputException naming the reference when no record or several match
     */
    public static long resolve(Handle h, String reference) {
        String ref = reference.strip();
        if (ref.matches("\\d+")) {
            return h.createQuery("SELECT id FROM source_record WHERE id = :id" + StagedImports.andVisible(h, "")).bind("id", Long.parseLong(ref)).mapTo(Long.class)
                    .findFirst().orElseThrow(() -> new BadInputException("no source record has the key " + ref));
        }
        int colon = ref.indexOf(':');
        while (colon > 0) {
            String source = ref.substring(0, colon);
            String recordId = ref.substring(colon + 1);
            List<Long> ids = h.createQuery("""
                    SELECT r.id FROM source_record r JOIN source s ON s.id = r.source_id
                    WHERE s.name = :s AND r.record_id = :r""" + StagedImports.andVisible(h, "r") + " ORDER BY r.id DESC")
                    .bind("s", source).bind("r", recordId).mapTo(Long.class).list();
            if (!ids.isEmpty()) {
                // Several versions of a source can hold the same id: the newest version's record is meant.
                return ids.get(0);
            }
            colon = ref.indexOf(':', colon + 1);
        }
        throw new BadInputException("no source record '" + ref + "': give its key (a number from nomina review list) or SOURCE:RECORD_ID");
    }

    /**
     * A verdict as a reviewer types it (same, different or unsure, in any case).
     *
     * @throws BadInputException naming the words when it is none of them
     */
    public static Verdict verdict(String word) {
        String v = word.strip().toLowerCase(Locale.ROOT);
        for (Verdict verdict : Verdict.values()) {
            if (verdict.word().equals(v)) {
                return verdict;
            }
        }
        throw new BadInputException("the decision must be same, different or unsure, not '" + word + "'");
    }

    /** Records a reviewer's decision on two records, in the ledger too. */
    public static Decided decide(Database db, String refA, String refB, Verdict verdict, String reviewer, String note) {
        return db.jdbi().inTransaction(h -> {
            long a = resolve(h, refA);
            long b = resolve(h, refB);
            if (a == b) {
                throw new BadInputException(refA + " and " + refB + " are the same record");
            }
            long low = Math.min(a, b);
            long high = Math.max(a, b);
            Optional<Double> probability = h.createQuery("SELECT probability FROM match_pair WHERE record_a = :a AND record_b = :b")
                    .bind("a", low).bind("b", high).mapTo(Double.class).findFirst();
            h.createUpdate("""
                    INSERT INTO match_decision (record_a, record_b, verdict, probability, reviewer, note, decided_at)
                    VALUES (:a, :b, :v, :p, :who, :note, :at)""")
                    .bind("a", low).bind("b", high).bind("v", verdict.name()).bind("p", probability.orElse(null)).bind("who", reviewer)
                    .bind("note", note).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("record_a", low);
            payload.put("record_b", high);
            payload.put("verdict", verdict.word());
            payload.put("reviewer", reviewer);
            payload.put("note", note);
            probability.ifPresent(p -> payload.put("model_probability", p));
            Ledger.append(h, reviewer, "review", payload);
            return new Decided(low, high, verdict, reviewer, note, probability);
        });
    }
}
