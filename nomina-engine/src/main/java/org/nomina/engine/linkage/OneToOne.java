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
    /** Rivals checked for being each other's duplicate: the strongest this many of a record on one list. */
    private static final int DUPLICATE_CHECKS = 16;

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
        int[] start = new int[n + 1];
        for (int i = 0; i < pairs.length; i++) {
            if (weight[i] >= FLOOR_BITS) {
                start[(int) (pairs[i] >>> 32) + 1]++;
                start[(int) pairs[i] + 1]++;
            }
        }
        for (int r = 0; r < n; r++) {
            start[r + 1] += start[r];
        }
        int[] incident = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < pairs.length; i++) {
            if (weight[i] >= FLOOR_BITS) {
                incident[fill[(int) (pairs[i] >>> 32)]++] = i;
                incident[fill[(int) pairs[i]]++] = i;
            }
        }
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
        double total = 0;
        for (int k = from; k < to; k++) {
            total += Math.pow(2, weight[order[k]]);
        }
        int checked = Math.min(to, from + DUPLICATE_CHECKS);
        for (int k = from; k < to; k++) {
            int pair = order[k];
            int candidate = other(pairs[pair], r);
            double rivals = total - Math.pow(2, weight[pair]);
            if (k < checked && duplicates.any(candidate)) {
                for (int j = from; j < checked; j++) {
                    if (j != k && duplicates.of(candidate, other(pairs[order[j]], r))) {
                        rivals -= Math.pow(2, weight[order[j]]);
                    }
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
     * The pairs scored at or above the same-source probability (a record and its duplicate on one list), as a hash
     * set of packed pairs, with which records have any. Looked up instead of binary-searching all candidate pairs
     * for each pair of rivals: on the hard million (26 million pairs) those searches were a fifth of the whole run's
     * CPU time, and a sorted list per record still a tenth (a village of namesakes gives a record thousands).
     */
    private static final class Duplicates {
        private static final long EMPTY = -1L;
        private final boolean[] any;
        private final long[] slots;
        private final int mask;
        private final int shift;

        private Duplicates(boolean[] any, long[] slots) {
            this.any = any;
            this.slots = slots;
            this.mask = slots.length - 1;
            this.shift = 64 - Integer.numberOfTrailingZeros(slots.length);
        }

        static Duplicates of(int n, long[] pairs, float[] probability, double sameSource) {
            int count = 0;
            for (float p : probability) {
                if (p >= sameSource) {
                    count++;
                }
            }
            // A third to two thirds full (a power of two at least 1.5 times the pairs): linear probing stays short, and
            // the set takes 12 to 24 bytes a pair (a million duplicates on the hard million).
            long[] slots = new long[Integer.highestOneBit(Math.max(2, count + count / 2 - 1)) << 1];
            Arrays.fill(slots, EMPTY);
            Duplicates duplicates = new Duplicates(new boolean[n], slots);
            for (int i = 0; i < pairs.length; i++) {
                if (probability[i] >= sameSource) {
                    duplicates.add(pairs[i]);
                }
            }
            return duplicates;
        }

        private void add(long pair) {
            any[(int) (pair >>> 32)] = true;
            any[(int) pair] = true;
            int slot = slot(pair);
            while (slots[slot] != EMPTY && slots[slot] != pair) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = pair;
        }

        boolean any(int x) {
            return any[x];
        }

        /** Whether x and y were scored as one person at or above the same-source probability. */
        boolean of(int x, int y) {
            long pair = (long) Math.min(x, y) << 32 | Math.max(x, y);
            for (int slot = slot(pair); slots[slot] != EMPTY; slot = (slot + 1) & mask) {
                if (slots[slot] == pair) {
                    return true;
                }
            }
            return false;
        }

        private int slot(long pair) {
            return (int) ((pair * 0x9E3779B97F4A7C15L) >>> shift);
        }
    }

    private static int other(long pair, int r) {
        int a = (int) (pair >>> 32);
        return a == r ? (int) pair : a;
    }
}
