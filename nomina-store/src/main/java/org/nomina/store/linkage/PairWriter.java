package org.nomina.store.linkage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.KthSelector;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.linkage.Decision;
import org.nomina.engine.linkage.FieldContribution;
import org.nomina.engine.linkage.ScoredPair;
import org.nomina.store.CanonicalJson;

/** Writes a run's review pairs and the pairs people decided (match_pair), only the rows that changed. */
final class PairWriter {

    /**
     * @param matches automatic and human matches among the run's pairs
     * @param review  pairs the run left for review (all of them, stored or not)
     * @param written match_pair rows inserted or updated
     * @param deleted match_pair rows of earlier runs no longer reported
     */
    record PairCounts(int matches, int review, int written, int deleted) {
    }

    private PairWriter() {
    }

    /** A stored match_pair row's values, to tell whether a pair changed since the last run. */
    private record StoredPair(double matchWeight, double probability, String decision, String contributions) {
    }

    private record PairKey(long a, long b) {
    }

    /**
     * Brings match_pair to this run's pairs left for review or decided by people, writing only rows that
     * changed.
     */
    static PairCounts writePairs(Handle handle, List<ScoredPair> pairs) throws SQLException {
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
            // A review queue is read by people: beyond RegisterLinker.MAX_REVIEW_STORED pairs only the most probable are
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
                    if (p.probability() < reviewFloor || reviewStored >= RegisterLinker.MAX_REVIEW_STORED) {
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
            // In key order too: in the hash map's order each delete looked its row up somewhere else in the primary
            // key, and a relink deletes every stored pair its run no longer reports.
            List<PairKey> gone = new ArrayList<>(stored.keySet());
            gone.sort(Comparator.comparingLong(PairKey::a).thenComparingLong(PairKey::b));
            for (PairKey pair : gone) {
                delete.statement().setLong(1, pair.a());
                delete.statement().setLong(2, pair.b());
                delete.add();
            }
        }
        return new PairCounts(matches, review, written, stored.size());
    }

    /** The lowest probability among the MAX_REVIEW_STORED most probable review pairs (0 when fewer). */
    private static double reviewFloor(List<ScoredPair> pairs) {
        long review = pairs.stream().filter(p -> p.decision() == Decision.REVIEW).count();
        if (review <= RegisterLinker.MAX_REVIEW_STORED) {
            return 0;
        }
        double[] probabilities = pairs.stream().filter(p -> p.decision() == Decision.REVIEW)
                .mapToDouble(ScoredPair::probability).toArray();
        return largest(probabilities, RegisterLinker.MAX_REVIEW_STORED);
    }

    /**
     * The k-th largest value (k ≥ 1), as {@code sorted[length - k]} would give, by commons-math3's
     * quickselect (median-of-three pivots): sorting all review probabilities to find one cost ~1 s per ten
     * million pairs. Reorders {@code values}.
     */
    static double largest(double[] values, int k) {
        return new KthSelector().select(values, null, values.length - k);
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
}
