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
    /**
     * The most candidate pairs for which {@link #secondLook} runs. It raised F1 on every held-out register (3,000 and
     * 10,000 people: +0.0004 to +0.0028) but on the hard million (25.8 million pairs) only by 0.0002, for 73.3 → 90.0 s
     * of in-memory link at the launcher's 3 GB heap (a twelfth pass of its own, 12 s of it inside the second look, the
     * rest the kept penalties and crowd marks pressing on a full heap). At 100,000 people (1.7 million pairs) it
     * costs about 1 s of 12. Between the two, the hard case of 350,000 people (9.07 million pairs) gave F1 0.8822
     * without it and 0.8820 with it (in-memory link 32.7 and 33.2 s).
     */
    static final int SECOND_LOOK_PAIRS = 5_000_000;
    /** Rivals checked for being each other's duplicate: the strongest this many of a record on one list (at most 32: one bit each). */
    static final int DUPLICATE_CHECKS = 16;
    /**
     * When rivals are weighed again with some left out ({@link #secondLook}), the strongest of those
     * left is spared only if it leads the next by this many bits: ties among namesakes are a guess. Held-out seed 2, before
     * the other two checks of {@link #secondLook} were added: a lead of 0.01 bit F1 0.9189 (P 0.9419), 1 bit 0.9189
     * (P 0.9427), 2 bits 0.9179, 4 bits 0.9170.
     */
    static final float CLEAR_BITS = 1f;

    private OneToOne() {
    }

    /**
     * Lowers the weight and probability of every pair that is not the strongest candidate of one of its records on
     * the other's list, in place.
     *
     * @param sameSource a rival whose pair with the candidate reaches this probability is its duplicate
     */
    static void apply(RecordTable table, long[] pairs, float[] weight, float[] probability, double sameSource) {
        apply(table, pairs, weight, probability, sameSource, false);
    }

    /**
     * {@link #apply(RecordTable, long[], float[], float[], double)}, and with {@code keep} what was lowered, for
     * {@link #secondLook}; else {@link Lowered#NOTHING}.
     */
    static Lowered apply(RecordTable table, long[] pairs, float[] weight, float[] probability, double sameSource,
                         boolean keep) {
        if (table.sourceCount <= 1 || pairs.length == 0) {
            return Lowered.NOTHING;
        }
        Duplicates duplicates = Duplicates.of(table.size, pairs, probability, sameSource);
        Crowds crowds = keep ? Crowds.of(table.size, pairs.length) : null;
        float[] penalty = penalties(table, pairs, weight, duplicates, (i, r, other) -> weight[i] >= FLOOR_BITS, crowds);
        for (int i = 0; i < pairs.length; i++) {
            if (penalty[i] != 0) {
                weight[i] -= Math.abs(penalty[i]);
                probability[i] = probability(weight[i]);
            }
        }
        return keep ? new Lowered(penalty, duplicates, crowds.lists()) : Lowered.NOTHING;
    }

    /**
     * What {@link #apply} lowered, kept for {@link #secondLook}: each pair's penalty in bits, negative when a side that
     * lowered it had more than {@value #DUPLICATE_CHECKS} candidates on the other's list (a crowd, which the second
     * look does not weigh again, so that the pair is never restored), and the rivals' duplicates. The penalties are the
     * array {@link #penalties} returned, kept rather than a copy of the weights before. On the hard million (14.9 of
     * 25.8 million pairs lowered, 7.3 million from above the match bar to below it) a sparse list of the lowered pairs
     * was larger than a copy, and the second look over every record of such a pair took 38.7 s; with crowds skipped
     * and only the lists holding a restorable pair weighed, 19.0 s (docs/linkage.md, twelfth pass).
     */
    static final class Lowered {
        static final Lowered NOTHING = new Lowered(null, null, null);
        private final float[] penalty;
        private final Duplicates duplicates;
        /** {@link Crowds#lists}: the sides on which a restorable pair is spared as it was. */
        private final long[] crowdLists;

        private Lowered(float[] penalty, Duplicates duplicates, long[] crowdLists) {
            this.penalty = penalty;
            this.duplicates = duplicates;
            this.crowdLists = crowdLists;
        }

        /** Whether record r has more than {@value #DUPLICATE_CHECKS} candidates on list s (known for lists below 64). */
        boolean crowded(int r, int s) {
            return s < Long.SIZE && (crowdLists[r] & 1L << s) != 0;
        }

        /** The weight of pair i before {@link #apply}, from its weight after. */
        float unlowered(float[] weight, int i) {
            return weight[i] + Math.abs(penalty[i]);
        }

        /** Whether pair i was lowered, and only by sides the second look weighs again. */
        boolean restorable(int i) {
            return penalty[i] > 0;
        }
    }

    /**
     * One_to_one's rivals weighed again once the clusters stand (docs/linkage.md, eleventh and twelfth passes). A rival
     * that joined another record of this record's list, and prefers it to this record by {@link Clusterer#PREFERS_BITS},
     * is that record's match and not this one's: the younger of two brothers named alike, with his own record on the
     * elder's list, no longer holds down the elder's link to his other record. A pair that one_to_one lowered below the
     * match bar is then restored to its own weight when, without such rivals, it is the clearly strongest candidate of
     * each of its records on the other's list ({@link OneToOne#CLEAR_BITS}) and no veto objects to it, and merged with
     * every check of the first pass. Only the lists on which a record has such a pair (lowered from above the bar,
     * left apart, and not by a crowd) are weighed again. Runs only on links of at most {@link #SECOND_LOOK_PAIRS}
     * pairs (the linker asks {@link #apply} to keep what it lowered only then).
     *
     * <p>{@code weight} and {@code probability} are the lowered ones the clusterer holds. Returns the roots after the
     * merges. Groups of more than {@value #DUPLICATE_CHECKS} candidates on a list (crowds of namesakes) are not weighed
     * again: weighing every group took the hard million's in-memory link from 81.9 to 110.5 s for F1 0.8689 → 0.8690;
     * with the limit 88.8 s and 0.8691, the figures below unchanged.
     *
     * <p>Measured on main's registers relinked in memory (twelfth pass, as built here): held-out lists of 3,000 people,
     * seeds 1–6, F1 +0.0004 to +0.0028 (0.9234 → 0.9246, 0.9160 → 0.9182, 0.9355 → 0.9361, 0.9177 → 0.9204,
     * 0.9174 → 0.9178, 0.9184 → 0.9212), 10,000 people 0.8892 → 0.8912; the hard case at 3,000 people, seeds 11–15,
     * −0.0005 to +0.0007; at 100,000 people 0.8912 → 0.8907. Counting every rival the record's person could not merge with as gone (vetoes, the average)
     * restored namesakes: held-out seed 2 precision 0.9453 → 0.9277.
     */
    static int[] secondLook(RecordTable table, LinkageConfig config, Clusterer clusterer, int[] root, long[] pairs,
                            float[] weight, float[] probability, Lowered lowered) {
        if (lowered.penalty == null) {
            return root;
        }
        double bar = config.matchProbability();
        int[] sources = table.sources;
        boolean wide = table.sourceCount > Long.SIZE;
        // For each record, the lists on which it has a pair lowered from above the bar to below it and left apart: its
        // candidates there are weighed again, and nothing else is.
        long[] lists = new long[table.size];
        int considered = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (crossed(pairs, weight, probability, lowered, root, bar, i)) {
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                // A crowded side spared the pair (else it would not be restorable) and is not weighed again.
                if (!lowered.crowded(a, sources[b])) {
                    lists[a] |= wide ? -1L : 1L << sources[b];
                }
                if (!lowered.crowded(b, sources[a])) {
                    lists[b] |= wide ? -1L : 1L << sources[a];
                }
                considered++;
            }
        }
        if (considered == 0) {
            return root;
        }
        int[] mine = new int[64];
        int count = 0;
        for (int i = 0; i < pairs.length; i++) {
            int a = (int) (pairs[i] >>> 32);
            int b = (int) pairs[i];
            if (weighedAgain(lists, sources, wide, a, b) || weighedAgain(lists, sources, wide, b, a)) {
                if (count == mine.length) {
                    mine = Arrays.copyOf(mine, count * 2);
                }
                mine[count++] = i;
            }
        }
        long[] subPairs = new long[count];
        float[] subWeight = new float[count];
        for (int k = 0; k < count; k++) {
            subPairs[k] = pairs[mine[k]];
            subWeight[k] = lowered.unlowered(weight, mine[k]);
        }
        // Whether each pair is spared from its first record's side, and from its second's, once the rivals that went to
        // another record of that record's list are left out.
        boolean[] firstSpared = new boolean[count];
        boolean[] secondSpared = new boolean[count];
        boolean[] target = new boolean[count];
        for (int k = 0; k < count; k++) {
            target[k] = crossed(pairs, weight, probability, lowered, root, bar, mine[k]);
        }
        int[][] rows = rows(table.size, subPairs,
                (k, r, other) -> subWeight[k] >= FLOOR_BITS && weighedAgain(lists, sources, wide, r, other), false);
        final int[] roots = root;
        java.util.function.IntToDoubleFunction unlowered = i -> lowered.unlowered(weight, i);
        Workers.LINKAGE.forEach(0, table.size, r -> {
            int from = rows[0][r];
            int to = rows[0][r + 1];
            if (to > from) {
                spare(table, subPairs, subWeight, target, r, Arrays.copyOfRange(rows[1], from, to), lowered.duplicates,
                        (x, c, own) -> clusterer.taken(roots, x, c, own, unlowered), firstSpared, secondSpared);
            }
        });
        int[] restored = new int[considered];
        int restoredCount = 0;
        for (int k = 0; k < count; k++) {
            int i = mine[k];
            int a = (int) (pairs[i] >>> 32);
            int b = (int) pairs[i];
            if (target[k] && (firstSpared[k] || lowered.crowded(a, sources[b])) && (secondSpared[k] || lowered.crowded(b, sources[a]))
                    && !clusterer.contradict(a, b)) {
                weight[i] = subWeight[k];
                probability[i] = probability(subWeight[k]);
                restored[restoredCount++] = i;
            }
        }
        return restoredCount == 0 ? root : clusterer.mergeAlso(Arrays.copyOf(restored, restoredCount));
    }

    /** Whether pair i was lowered from above the match bar to below it, by sides weighed again, and left apart. */
    private static boolean crossed(long[] pairs, float[] weight, float[] probability, Lowered lowered, int[] root,
                                   double bar, int i) {
        return lowered.restorable(i) && probability[i] < bar && probability(lowered.unlowered(weight, i)) >= bar
                && root[(int) (pairs[i] >>> 32)] != root[(int) pairs[i]];
    }

    /**
     * Marks each target pair of record r's row {@code mine} that r's side spares once the candidates {@code taken}
     * names are left out: no longer a rival, and not this record's match. A pair is spared when it is itself taken,
     * or when the strongest left leads the next by {@link #CLEAR_BITS} (or is alone) and the pair is that strongest
     * or every other left is its duplicate: then {@link #penaliseGroup} over those left would not lower it from this
     * side, and without a clear lead the second look lowers every one. A list with more than {@value #DUPLICATE_CHECKS} candidates (a crowd) is
     * not weighed again: its pairs are spared as they were, and a pair it lowered is not a target
     * ({@link Lowered#restorable}). Deciding this directly, rather than computing every penalty again, took the hard
     * million's weighing of rivals from 16.0 to 9.2 s. A pair refused from one side is no longer a target
     * ({@code target} cleared), so that its other side, if not weighed yet, is not.
     */
    private static void spare(RecordTable table, long[] pairs, float[] weight, boolean[] target, int r, int[] mine,
                              Duplicates duplicates, Taken taken, boolean[] firstSpared, boolean[] secondSpared) {
        boolean any = false;
        for (int pair : mine) {
            any |= target[pair];
        }
        if (!any) {
            return;
        }
        int[] order = bySourceStrongestFirst(table.sources, pairs, weight, r, mine);
        int from = 0;
        while (from < order.length) {
            int to = listEnd(table.sources, pairs, order, r, from);
            boolean crowd = to - from > DUPLICATE_CHECKS;
            // Whether each candidate of the list is taken: 0 not asked yet, 1 taken, 2 not.
            byte[] known = crowd ? null : new byte[to - from];
            for (int k = from; k < to; k++) {
                int pair = order[k];
                if (!target[pair]) {
                    continue;
                }
                boolean spared = crowd || spared(pairs, weight, duplicates, taken, r, order, from, to, k, known);
                if (!spared) {
                    // Refused from this side: the other side need not be weighed. Another thread may read the old
                    // value and weigh it anyway; the pair stays refused either way.
                    target[pair] = false;
                } else if ((int) (pairs[pair] >>> 32) == r) {
                    firstSpared[pair] = true;
                } else {
                    secondSpared[pair] = true;
                }
            }
            from = to;
        }
    }

    private static boolean spared(long[] pairs, float[] weight, Duplicates duplicates, Taken taken, int r,
                                  int[] order, int from, int to, int k, byte[] known) {
        if (isTaken(pairs, weight, taken, r, order, from, k, known)) {
            return true;
        }
        // The strongest two left: without a clear lead, every one left is lowered.
        int first = -1;
        for (int j = from; j < to; j++) {
            if (!isTaken(pairs, weight, taken, r, order, from, j, known)) {
                if (first < 0) {
                    first = j;
                } else {
                    if (weight[order[j]] > weight[order[first]] - CLEAR_BITS) {
                        return false;
                    }
                    break;
                }
            }
        }
        if (first == k) {
            return true;
        }
        // A weaker candidate is spared only when every other one left is its duplicate (no rival's odds remain).
        int candidate = other(pairs[order[k]], r);
        for (int j = from; j < to; j++) {
            if (j != k && !duplicates.of(candidate, other(pairs[order[j]], r))
                    && !isTaken(pairs, weight, taken, r, order, from, j, known)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTaken(long[] pairs, float[] weight, Taken taken, int r, int[] order, int from, int j, byte[] known) {
        if (known[j - from] == 0) {
            known[j - from] = taken.test(r, other(pairs[order[j]], r), weight[order[j]]) ? (byte) 1 : (byte) 2;
        }
        return known[j - from] == 1;
    }

    /** Whether record r's candidates on {@code other}'s list are weighed again. */
    private static boolean weighedAgain(long[] lists, int[] sources, boolean wide, int r, int other) {
        return wide ? lists[r] != 0 : (lists[r] & 1L << sources[other]) != 0;
    }

    private static float probability(float weight) {
        return (float) (1.0 / (1.0 + Math.pow(2, -weight)));
    }

    /** Whether a candidate of a record is another record's match ({@link Clusterer#taken}), and so not its rival. */
    @FunctionalInterface
    interface Taken {
        boolean test(int record, int candidate, double weight);
    }

    /**
     * The penalty in bits of each pair (0: not lowered), without changing the weights: the larger of its two records'
     * rivals, from the rows {@code kept} selects (a pair left out of a record's row gives 0 from that side). With {@code crowd}, a
     * pair lowered from a side with more than {@value #DUPLICATE_CHECKS} candidates on the other's list gets its
     * penalty negated, and each record's lists with that many candidates are marked.
     */
    static float[] penalties(RecordTable table, long[] pairs, float[] weight, Duplicates duplicates,
                             Side kept, Crowds crowd) {
        int n = table.size;
        int[][] rows = rows(n, pairs, kept, false);
        int[] start = rows[0];
        int[] incident = rows[1];
        // Penalty in bits from each side of a pair: the first record's rivals, the second's.
        float[] fromFirst = new float[pairs.length];
        float[] fromSecond = new float[pairs.length];
        Workers.LINKAGE.forEach(0, n, r -> {
            if (start[r + 1] - start[r] >= 2) {
                penalise(table, pairs, weight, duplicates, r, Arrays.copyOfRange(incident, start[r], start[r + 1]),
                        fromFirst, fromSecond, crowd);
            }
        });
        // The larger of the two sides, in the first side's array (a million records' pairs: 100 MB each).
        for (int i = 0; i < pairs.length; i++) {
            fromFirst[i] = Math.max(fromFirst[i], fromSecond[i]);
            if (crowd != null && crowd.lowered[i]) {
                fromFirst[i] = -fromFirst[i];
            }
        }
        return fromFirst;
    }

    /** The end of the run of {@code order} (by list, from {@link #bySourceStrongestFirst}) that starts at {@code from}. */
    private static int listEnd(int[] sources, long[] pairs, int[] order, int r, int from) {
        int source = sources[other(pairs[order[from]], r)];
        int to = from + 1;
        while (to < order.length && sources[other(pairs[order[to]], r)] == source) {
            to++;
        }
        return to;
    }

    /** The penalties of record r's pairs, one list of the other ends at a time. */
    private static void penalise(RecordTable table, long[] pairs, float[] weight, Duplicates duplicates, int r,
                                 int[] mine, float[] fromFirst, float[] fromSecond, Crowds crowd) {
        if (mine.length < 2) {
            return;
        }
        // By the other end's list, strongest first.
        int[] order = bySourceStrongestFirst(table.sources, pairs, weight, r, mine);
        int from = 0;
        while (from < order.length) {
            int source = table.sources[other(pairs[order[from]], r)];
            int to = listEnd(table.sources, pairs, order, r, from);
            if (to - from >= 2) {
                penaliseGroup(pairs, weight, duplicates, r, order, from, to, fromFirst, fromSecond);
                if (crowd != null && to - from > DUPLICATE_CHECKS) {
                    if (source < Long.SIZE) {
                        crowd.lists[r] |= 1L << source;
                    }
                    for (int k = from; k < to; k++) {
                        int pair = order[k];
                        if (((int) (pairs[pair] >>> 32) == r ? fromFirst[pair] : fromSecond[pair]) > 0) {
                            crowd.lowered[pair] = true;
                        }
                    }
                }
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

    /**
     * ln 2. Odds and penalties go through Math.exp and Math.log, which HotSpot compiles to intrinsics: Math.pow took
     * 25 ns a call here and Math.log1p 35 ns (a port of fdlibm), exp 10.5 and log 11.7 (JDK 25, this machine), and
     * penaliseGroup makes one of each per candidate of every record's list, about 50 million on the hard million. The
     * penalty is rounded to a float, where log(1 + x) and log1p(x) agree but for rivals of less than 2^-30 odds.
     */
    private static final double LN2 = Math.log(2);

    private static void penaliseGroup(long[] pairs, float[] weight, Duplicates duplicates, int r,
                                      int[] order, int from, int to, float[] fromFirst, float[] fromSecond) {
        // Each candidate's odds once (they were computed again for every rival that subtracted them).
        double[] odds = new double[to - from];
        double total = 0;
        for (int k = from; k < to; k++) {
            odds[k - from] = Math.exp(weight[order[k]] * LN2);
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
            float penalty = (float) (Math.log(1 + rivals) / LN2);
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
            int[][] rows = rows(n, pairs, (i, x, y) -> probability[i] >= sameSource, true);
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
     * Where {@link #apply} met crowds, lists on which a record has more than {@value #DUPLICATE_CHECKS} candidates:
     * the pairs lowered from such a side, and each record's crowded lists (bit s for list s, lists below 64 only).
     * Each record's bits are written by the thread that weighs that record; distinct elements of one boolean array
     * may be written from several threads (no word tearing, JLS 17.6).
     */
    record Crowds(boolean[] lowered, long[] lists) {
        static Crowds of(int records, int pairs) {
            return new Crowds(new boolean[pairs], new long[records]);
        }
    }

    /** Whether pair i belongs in record r's row (its other record {@code other}). */
    @FunctionalInterface
    interface Side {
        boolean kept(int i, int r, int other);
    }

    /**
     * The pairs {@code kept} by each record, as compressed rows: record r's are {@code [1][[0][r]] … [1][[0][r + 1] - 1]},
     * in the order of the pairs; each the pair's index, or with {@code partners} the other record.
     */
    private static int[][] rows(int n, long[] pairs, Side kept, boolean partners) {
        int[] start = new int[n + 1];
        for (int i = 0; i < pairs.length; i++) {
            int a = (int) (pairs[i] >>> 32);
            int b = (int) pairs[i];
            if (kept.kept(i, a, b)) {
                start[a + 1]++;
            }
            if (kept.kept(i, b, a)) {
                start[b + 1]++;
            }
        }
        for (int r = 0; r < n; r++) {
            start[r + 1] += start[r];
        }
        int[] entries = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < pairs.length; i++) {
            int a = (int) (pairs[i] >>> 32);
            int b = (int) pairs[i];
            if (kept.kept(i, a, b)) {
                entries[fill[a]++] = partners ? b : i;
            }
            if (kept.kept(i, b, a)) {
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
