package org.nomina.engine.linkage;

import java.util.Arrays;
import org.nomina.engine.work.Workers;

/**
 * Rivals on one list: a record is at most one person of another list, so two candidates there who are not
 * each other's duplicate compete for it. Fellegi–Sunter scores each pair on its own; a testimony that gives
 * only "Məmmədova Aynur, Nomkənd" scores the same 12.5 bits against each of the three Məmmədova Aynurs of
 * Nomkənd a list holds, and clustering joined it to whichever came first. With the pair's odds o and the
 * odds o′ of the rivals on the same list, the probability that this one is the match is o / (1 + o + Σ o′)
 * (each record matches at most one record of a list: the one-to-one assumption of Jaro's assignment and
 * Sadinle's bipartite linkage). The pair's weight is lowered by log2(1 + Σ o′), from whichever of its two
 * records has the stronger rivals, except that a record's strongest candidate on a list keeps its odds from that
 * record's side: only the weaker candidates are lowered, by it and by each other. Clustering already joins a record
 * to its strongest candidate first; what the rivals change is that the second-best can no longer stand in when
 * the best cannot join (a namesake of the same village, the same year), and that links to the weaker count as
 * weak in the clusters' average and against the vetoes' overrides.
 *
 * <p>Lowering the strongest candidate too (o / (1 + o + Σ o′) for every pair) refused the right link whenever a
 * namesake came within 4.3 bits of it: F1 fell 0.002–0.014 at 3,000 people. Sparing it, on the hard generator with
 * households of siblings at 3,000 people (in-memory relink of the imported registers, seeds 11 / 12 / 13):
 * F1 0.9354 → 0.9406, 0.9182 → 0.9225, 0.9447 → 0.9513; held-out lists seed 1 0.8972 → 0.9043; FEBRL4 and
 * FEBRL3 unchanged (0.9957, 0.9927). Candidates that tie with the strongest are spared as well ({@link #TIE_BITS}):
 * F1 0.9401, 0.9217, 0.9495 on those seeds (the first of tied namesakes sorted first, by chance, a little more often
 * right than the clusters' evidence) and the town of 20,000 residents, seed 2, 29 of 29 figures (28 before).
 * On by default ({@code one_to_one: false} turns it off).
 *
 * <p>Rivals that are each other's duplicate (their own pair at or above the same-source probability) are one
 * candidate, not two. Only lists among others are treated so: a single list is deduplicated, and there all
 * candidates of a record are on its own list (FEBRL3 holds up to nine copies of a person).
 */
final class OneToOne {

    /** Pairs below this weight are neither rivals nor rivalled: odds under 1 change little, and skipping them keeps the index small. */
    static final float FLOOR_BITS = 0f;
    /**
     * A second candidate within this many bits of a record's strongest on a list ties with it and is not lowered from
     * the record's side, unless a third ties too. Sparing only the first of tied candidates (20,000 residents, seed 2) split a hostage record
     * from the sister it named when her namesake sister sorted first, and gave a killed record without a birth year
     * to the namesake who had her own killed record: the missing children came to 114 against a truth of 111.
     */
    static final float TIE_BITS = 0.01f;
    /** Rivals checked for being each other's duplicate: the strongest this many of a record on one list (at most 32: one bit each). */
    static final int DUPLICATE_CHECKS = 16;

    private OneToOne() {
    }

    /**
     * Lowers the weight and probability of every pair that is not the strongest candidate of one of its records on
     * the other's list, in place.
     *
     * @param sameSource a rival whose pair with the candidate reaches this probability is its duplicate
     */
    static void apply(RecordTable table, long[] pairs, float[] weight, float[] probability, double sameSource) {
        if (table.sourceCount <= 1 || pairs.length == 0) {
            return;
        }
        int n = table.size;
        int[][] rows = rows(n, pairs, i -> weight[i] >= FLOOR_BITS, false);
        int[] start = rows[0];
        int[] incident = rows[1];
        Duplicates duplicates = Duplicates.of(n, pairs, probability, sameSource);
        // Penalty in bits from each side of a pair: the first record's rivals, the second's.
        float[] fromFirst = new float[pairs.length];
        float[] fromSecond = new float[pairs.length];
        Workers.LINKAGE.forEach(0, n, r -> penalise(table, pairs, weight, duplicates, r,
                Arrays.copyOfRange(incident, start[r], start[r + 1]), fromFirst, fromSecond));
        for (int i = 0; i < pairs.length; i++) {
            float penalty = Math.max(fromFirst[i], fromSecond[i]);
            if (penalty > 0) {
                weight[i] -= penalty;
                probability[i] = (float) (1.0 / (1.0 + Math.pow(2, -weight[i])));
            }
        }
    }

    /** The penalties of record r's pairs, one list of the other ends at a time. */
    private static void penalise(RecordTable table, long[] pairs, float[] weight, Duplicates duplicates, int r,
                                 int[] mine, float[] fromFirst, float[] fromSecond) {
        if (mine.length < 2) {
            return;
        }
        // By the other end's list, strongest first.
        int[] order = bySourceStrongestFirst(table.sources, pairs, weight, r, mine);
        int from = 0;
        while (from < order.length) {
            int source = table.sources[other(pairs[order[from]], r)];
            int to = from + 1;
            while (to < order.length && table.sources[other(pairs[order[to]], r)] == source) {
                to++;
            }
            if (to - from >= 2) {
                penaliseGroup(pairs, weight, duplicates, r, order, from, to, fromFirst, fromSecond);
            }
            from = to;
        }
    }

    /**
     * Record r's pairs {@code mine} (ascending) ordered by the other end's list, then strongest first, equal weights
     * in the order of {@code mine}: the order a stable sort of boxed indexes by (list, weight descending) gives, by
     * two sorts of packed longs (sorting Integers through a comparator was a tenth of the run on the hard million).
     */
    static int[] bySourceStrongestFirst(int[] sources, long[] pairs, float[] weight, int r, int[] mine) {
        int n = mine.length;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = (long) sources[other(pairs[mine[k]], r)] << 32 | k;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int from = 0; from < n; ) {
            int source = (int) (keys[from] >>> 32);
            int to = from + 1;
            while (to < n && (int) (keys[to] >>> 32) == source) {
                to++;
            }
            for (int k = from; k < to; k++) {
                int position = (int) keys[k];
                // Float.compare's order as signed ints (as Clusterer sorts weights), inverted for strongest first.
                int bits = Float.floatToIntBits(weight[mine[position]]);
                int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff;
                keys[k] = (long) ~sortable << 32 | position;
            }
            Arrays.sort(keys, from, to);
            for (int k = from; k < to; k++) {
                order[k] = mine[(int) keys[k]];
            }
            from = to;
        }
        return order;
    }

    /** Whether the strongest two candidates tie and no third ties with them: two namesakes, not a crowd. */
    private static boolean tiedPair(float[] weight, int[] order, int from, int to) {
        float best = weight[order[from]];
        return weight[order[from + 1]] >= best - TIE_BITS && (from + 2 >= to || weight[order[from + 2]] < best - TIE_BITS);
    }

    private static void penaliseGroup(long[] pairs, float[] weight, Duplicates duplicates, int r,
                                      int[] order, int from, int to, float[] fromFirst, float[] fromSecond) {
        // Each candidate's odds once (they were computed again for every rival that subtracted them).
        double[] odds = new double[to - from];
        double total = 0;
        for (int k = from; k < to; k++) {
            odds[k - from] = Math.pow(2, weight[order[k]]);
            total += odds[k - from];
        }
        int checked = Math.min(to, from + DUPLICATE_CHECKS);
        int[] twins = duplicates.among(pairs, r, order, from, checked);
        for (int k = from; k < to; k++) {
            int pair = order[k];
            double rivals = total - odds[k - from];
            if (k < checked) {
                // The checked rivals that are this candidate's duplicate, in order (as the pairwise loop subtracted them).
                for (int bits = twins[k - from]; bits != 0; bits &= bits - 1) {
                    rivals -= odds[Integer.numberOfTrailingZeros(bits)];
                }
            }
            // The strongest candidate keeps its odds from this side: the others are lowered by it. A second that ties
            // with it (two namesakes that agree with the record on the same fields) keeps its odds too: which came
            // first in the order is no evidence, and the clusters' other records decide between the two. Three or
            // more tied (a crowd of namesakes in a big town) are lowered as before: sparing every tie cost the hard
            // million F1 0.8510 -> 0.8450 (precision 0.8412 -> 0.8268); sparing a tied pair only, 0.8490.
            if (rivals <= 0 || k == from || (k == from + 1 && tiedPair(weight, order, from, to))) {
                continue;
            }
            float penalty = (float) (Math.log1p(rivals) / Math.log(2));
            if ((int) (pairs[pair] >>> 32) == r) {
                fromFirst[pair] = penalty;
            } else {
                fromSecond[pair] = penalty;
            }
        }
    }

    /**
     * The pairs scored at or above the same-source probability (a record and its duplicate on one list): each record's
     * duplicates as a sorted run of one array (compressed rows). Looked up instead of binary-searching all candidate
     * pairs for each pair of rivals: on the hard million (26 million pairs) those searches were a fifth of the whole
     * run's CPU time, and a sorted list of all pairs per record still a tenth (a village of namesakes gives a record
     * thousands). A hash set of the pairs after that still took half of this class's samples, each of the 16 × 15
     * lookups per group of rivals a miss in a 16 MB table; a record's own run is one short stretch of memory, and the
     * 16 × 16 matrix is symmetric, so each pair of rivals is looked up once ({@link #among}).
     */
    static final class Duplicates {
        private static final int[] NONE = new int[DUPLICATE_CHECKS];
        /** Record x's duplicates are {@code partners[start[x]] … partners[start[x + 1] - 1]}, ascending. */
        private final int[] start;
        private final int[] partners;

        private Duplicates(int[] start, int[] partners) {
            this.start = start;
            this.partners = partners;
        }

        static Duplicates of(int n, long[] pairs, float[] probability, double sameSource) {
            int[][] rows = rows(n, pairs, i -> probability[i] >= sameSource, true);
            int[] start = rows[0];
            int[] partners = rows[1];
            // Pairs in ascending order fill each run in order already; sorted anyway, so that lookups never depend on it.
            for (int x = 0; x < n; x++) {
                if (start[x + 1] - start[x] > 1) {
                    Arrays.sort(partners, start[x], start[x + 1]);
                }
            }
            return new Duplicates(start, partners);
        }

        boolean any(int x) {
            return start[x + 1] > start[x];
        }

        /** Whether x and y were scored as one person at or above the same-source probability. */
        boolean of(int x, int y) {
            // The shorter run is searched: both hold the pair.
            int lengthX = start[x + 1] - start[x];
            int lengthY = start[y + 1] - start[y];
            if (lengthX == 0 || lengthY == 0) {
                return false;
            }
            return lengthX <= lengthY
                    ? Arrays.binarySearch(partners, start[x], start[x + 1], y) >= 0
                    : Arrays.binarySearch(partners, start[y], start[y + 1], x) >= 0;
        }

        /**
         * For record r's candidates {@code order[from…checked)} (at most {@value #DUPLICATE_CHECKS}): bit j of
         * element k says that candidates k and j are each other's duplicate. Shared, all zero, when none has any.
         */
        int[] among(long[] pairs, int r, int[] order, int from, int checked) {
            int m = checked - from;
            // Each candidate, and where its run of duplicates starts and ends: read once, not for every pair of rivals.
            int[] candidates = new int[m];
            int[] low = new int[m];
            int[] high = new int[m];
            boolean anyDuplicate = false;
            for (int k = 0; k < m; k++) {
                candidates[k] = other(pairs[order[from + k]], r);
                low[k] = start[candidates[k]];
                high[k] = start[candidates[k] + 1];
                anyDuplicate |= high[k] > low[k];
            }
            if (!anyDuplicate) {
                return NONE;
            }
            int[] twins = new int[m];
            for (int k = 0; k < m; k++) {
                if (high[k] == low[k]) {
                    continue;
                }
                for (int j = k + 1; j < m; j++) {
                    // Either run holds the pair: the shorter is searched, as in of().
                    if (high[j] > low[j] && (high[k] - low[k] <= high[j] - low[j]
                            ? Arrays.binarySearch(partners, low[k], high[k], candidates[j])
                            : Arrays.binarySearch(partners, low[j], high[j], candidates[k])) >= 0) {
                        twins[k] |= 1 << j;
                        twins[j] |= 1 << k;
                    }
                }
            }
            return twins;
        }
    }

    /**
     * The pairs {@code kept} by each record, as compressed rows: record r's are {@code [1][[0][r]] … [1][[0][r + 1] - 1]},
     * in the order of the pairs; each the pair's index, or with {@code partners} the other record.
     */
    private static int[][] rows(int n, long[] pairs, java.util.function.IntPredicate kept, boolean partners) {
        int[] start = new int[n + 1];
        for (int i = 0; i < pairs.length; i++) {
            if (kept.test(i)) {
                start[(int) (pairs[i] >>> 32) + 1]++;
                start[(int) pairs[i] + 1]++;
            }
        }
        for (int r = 0; r < n; r++) {
            start[r + 1] += start[r];
        }
        int[] entries = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < pairs.length; i++) {
            if (kept.test(i)) {
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                entries[fill[a]++] = partners ? b : i;
                entries[fill[b]++] = partners ? a : i;
            }
        }
        return new int[][] {start, entries};
    }

    private static int other(long pair, int r) {
        int a = (int) (pair >>> 32);
        return a == r ? (int) pair : a;
    }
}
