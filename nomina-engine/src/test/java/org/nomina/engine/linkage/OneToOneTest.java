package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nomina.engine.linkage.Records.record;

/** Rivals on one list lower the odds of a record's weaker candidates; duplicates of one another are one rival; a single list is left alone. */
class OneToOneTest {

    /** Record 0 is a testimony (list 1); records 1–3 are on the committee's list (list 0). */
    private static RecordTable table(int... sources) {
        List<LinkRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            records.add(record(i, sources[i]).names("Məmmədova", "Aynur", "").place("Nomkənd").build());
        }
        return new RecordTable(records, Set.of(), NameNormaliser.shared());
    }

    private static long pair(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    /** Each weight's probability, as the linker computes it. */
    private static float[] probabilities(float[] weight) {
        float[] p = new float[weight.length];
        for (int i = 0; i < weight.length; i++) {
            p[i] = probability(weight[i]);
        }
        return p;
    }

    private static float probability(float weight) {
        return (float) (1 / (1 + Math.pow(2, -weight)));
    }

    @Test
    void shouldLowerTheWeakerOfTwoCandidatesByTheStrongerAndLeaveTheStrongerAlone() {
        // A testimony (record 0) fits two committee records: 13 and 12.5 bits. Clustering takes the stronger either
        // way; the weaker must not stand in for it: o / (1 + o + o') with o' the stronger's odds, about 0.4.
        long[] pairs = {pair(0, 1), pair(0, 2)};
        float[] weight = {13f, 12.5f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        assertThat(p[0]).isEqualTo(probability(13f));
        assertThat(p[1]).isCloseTo(0.41f, within(0.01f)).isLessThan(0.95f);
        assertThat(weight[1]).isCloseTo((float) (12.5 - Math.log1p(Math.pow(2, 13)) / Math.log(2)), within(0.01f));
    }

    @Test
    void shouldLowerAStrongestCandidateByTheRivalsOfItsOtherRecord() {
        // Committee record 1 is the testimony's (record 0) strongest candidate, but for record 1 the testimony is
        // the weaker of two: another testimony (record 3) fits it better. Its side lowers the pair.
        long[] pairs = {pair(0, 1), pair(0, 2), pair(1, 3)};
        float[] weight = {13f, 10f, 15f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0, 1), pairs, weight, p, 0.99);

        assertThat(p[2]).isEqualTo(probability(15f));
        assertThat(p[0]).isLessThan(0.5f);
    }

    @Test
    void shouldLowerNeitherOfTwoTiedCandidatesFromTheRecordsSide() {
        // Two namesake sisters (records 1 and 2, not each other's duplicate: their own pair is 6 bits) fit the
        // testimony on the same fields, 16.88 bits each. Which sorts first is no evidence: both keep their odds
        // and the clusters' other records decide. A third candidate 0.5 bits weaker is lowered as before.
        long[] pairs = {pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2)};
        float[] weight = {16.88f, 16.88f, 16.38f, 6f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0, 0), pairs, weight, p, 0.99);

        assertThat(weight[0]).isEqualTo(16.88f);
        assertThat(weight[1]).isEqualTo(16.88f);
        assertThat(weight[2]).isLessThan(0f);
    }

    @Test
    void shouldLowerACrowdOfTiedNamesakesButTheFirst() {
        // Three namesakes (records 1–3, none each other's duplicate) fit the testimony on the same fields, 16.88 bits
        // each: in a big town a name, a father and a village fit many people, and sparing every tie links the
        // testimony to whichever cluster comes first with full odds. Only the first keeps its odds from this side.
        long[] pairs = {pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2), pair(1, 3), pair(2, 3)};
        float[] weight = {16.88f, 16.88f, 16.88f, 6f, 6f, 6f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0, 0), pairs, weight, p, 0.99);

        assertThat(weight[0]).isEqualTo(16.88f);
        assertThat(weight[1]).isLessThan(1f);
        assertThat(weight[2]).isLessThan(1f);
    }

    @Test
    void shouldLeaveAClearlyStrongerCandidateLinked() {
        long[] pairs = {pair(0, 1), pair(0, 2)};
        float[] weight = {17.5f, 12.5f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        assertThat(p[0]).isGreaterThan(0.95f);
        assertThat(p[1]).isLessThan(0.05f);
    }

    @Test
    void shouldCountTwoDuplicatesOfOnePersonAsOneCandidate() {
        // Records 1 and 2 are one woman listed twice (their own pair is at 0.999): no rivalry between them.
        long[] pairs = {pair(0, 1), pair(0, 2), pair(1, 2)};
        float[] weight = {12.5f, 12.5f, 14f};
        float[] p = probabilities(weight);

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        assertThat(p[0]).isCloseTo(probability(12.5f), within(1e-6f));
        assertThat(p[1]).isCloseTo(probability(12.5f), within(1e-6f));
    }

    @Test
    void shouldLeaveCandidatesOnDifferentListsAndASingleListAlone() {
        long[] acrossLists = {pair(0, 1), pair(0, 2)};
        float[] weight = {12.5f, 12.5f};
        float[] p = probabilities(weight);
        OneToOne.apply(table(2, 0, 1), acrossLists, weight, p, 0.99);
        assertThat(p[0]).isEqualTo(probability(12.5f));

        float[] single = {probability(12.5f), probability(12.5f)};
        OneToOne.apply(table(0, 0, 0), acrossLists, new float[] {12.5f, 12.5f}, single, 0.99);
        assertThat(single[0]).isEqualTo(probability(12.5f));
    }

    @Test
    void shouldOrderARecordsPairsByListThenStrongestFirstAsTheStableBoxedSortDid() {
        // Record 0 against 400 others on five lists, weights from a handful of values (many ties, a -0.0 and a 0.0):
        // the packed sort must give exactly the order of the stable comparator sort it replaced.
        java.util.Random random = new java.util.Random(8);
        int n = 401;
        int[] sources = new int[n];
        for (int i = 1; i < n; i++) {
            sources[i] = random.nextInt(5);
        }
        float[] values = {13f, 12.5f, 12.5f, 0f, -0f, 3.25f, -2f, 40f};
        long[] pairs = new long[n - 1];
        float[] weight = new float[n - 1];
        int[] mine = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            pairs[i] = pair(0, i + 1);
            weight[i] = values[random.nextInt(values.length)];
            mine[i] = i;
        }
        Integer[] boxed = new Integer[mine.length];
        for (int k = 0; k < mine.length; k++) {
            boxed[k] = mine[k];
        }
        java.util.Arrays.sort(boxed, (x, y) -> {
            int bySource = Integer.compare(sources[(int) pairs[x]], sources[(int) pairs[y]]);
            return bySource != 0 ? bySource : Float.compare(weight[y], weight[x]);
        });
        int[] expected = java.util.Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();

        assertThat(OneToOne.bySourceStrongestFirst(sources, pairs, weight, 0, mine)).containsExactly(expected);
    }

    @Test
    void shouldFindEveryDuplicateAndNoOtherAsASetOfThePairsWould() {
        java.util.Random random = new java.util.Random(3);
        int n = 200;
        long[] pairs = randomPairs(random, new java.util.TreeSet<>(), 0, n, 3000);
        float[] p = new float[pairs.length];
        Set<Long> expected = new java.util.HashSet<>();
        for (int i = 0; i < pairs.length; i++) {
            p[i] = random.nextFloat();
            if (p[i] >= 0.9f) {
                expected.add(pairs[i]);
            }
        }

        OneToOne.Duplicates duplicates = OneToOne.Duplicates.of(n, pairs, p, 0.9f);

        for (int x = 0; x < n; x++) {
            boolean any = false;
            for (int y = 0; y < n; y++) {
                boolean twin = x != y && expected.contains(pair(x, y));
                any |= twin;
                if (x != y) {
                    assertThat(duplicates.of(x, y)).as("%d, %d", x, y).isEqualTo(twin);
                }
            }
            assertThat(duplicates.any(x)).isEqualTo(any);
        }
    }

    @Test
    void shouldLowerEveryPairExactlyAsThePairwiseDuplicateCheckDid() {
        // Crowds of namesakes: 40 testimonies and 160 records on three other lists, each testimony with up to 60
        // candidates (more than the 16 checked), a third of the pairs within a list duplicates, weights with ties.
        // Every weight and probability must be the bits the plain computation (a set of duplicate pairs, each pair of
        // rivals looked up from both sides, each odds computed where used) gives.
        java.util.Random random = new java.util.Random(12);
        int n = 200;
        int[] sources = new int[n];
        for (int i = 0; i < n; i++) {
            sources[i] = i < 40 ? 3 : random.nextInt(3);
        }
        java.util.TreeSet<Long> all = new java.util.TreeSet<>();
        for (int t = 0; t < 40; t++) {
            int candidates = 1 + random.nextInt(60);
            for (int c = 0; c < candidates; c++) {
                all.add(pair(t, 40 + random.nextInt(n - 40)));
            }
        }
        long[] pairs = randomPairs(random, all, 40, n, 4000);
        float[] values = {14f, 13f, 13f, 12.99f, 9.5f, 6f, 2f, -1f, 20f, 11.25f};
        float[] weight = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int a = (int) (pairs[i] >>> 32);
            int b = (int) pairs[i];
            weight[i] = sources[a] == sources[b] && random.nextInt(3) == 0 ? 12f : values[random.nextInt(values.length)];
        }
        float[] p = probabilities(weight);
        float[] expectedWeight = weight.clone();
        float[] expectedP = p.clone();
        RecordTable table = table(sources);
        plainApply(table, pairs, expectedWeight, expectedP, 0.99);

        OneToOne.apply(table, pairs, weight, p, 0.99);

        assertThat(weight).containsExactly(expectedWeight);
        assertThat(p).containsExactly(expectedP);
        assertThat(java.util.stream.IntStream.range(0, pairs.length).filter(i -> weight[i] < 0).count()).isGreaterThan(100);
    }

    /** OneToOne.apply as it was computed before the duplicate check had its own structure: the reference. */
    private static void plainApply(RecordTable table, long[] pairs, float[] weight, float[] probability, double sameSource) {
        Set<Long> duplicates = new java.util.HashSet<>();
        for (int i = 0; i < pairs.length; i++) {
            if (probability[i] >= sameSource) {
                duplicates.add(pairs[i]);
            }
        }
        float[] fromFirst = new float[pairs.length];
        float[] fromSecond = new float[pairs.length];
        for (int r = 0; r < table.size; r++) {
            List<Integer> incident = new java.util.ArrayList<>();
            for (int i = 0; i < pairs.length; i++) {
                if (weight[i] >= OneToOne.FLOOR_BITS && ((int) (pairs[i] >>> 32) == r || (int) pairs[i] == r)) {
                    incident.add(i);
                }
            }
            if (incident.size() < 2) {
                continue;
            }
            int[] order = OneToOne.bySourceStrongestFirst(table.sources, pairs, weight, r,
                    incident.stream().mapToInt(Integer::intValue).toArray());
            int from = 0;
            while (from < order.length) {
                int to = from + 1;
                while (to < order.length && table.sources[other(pairs[order[to]], r)] == table.sources[other(pairs[order[from]], r)]) {
                    to++;
                }
                if (to - from >= 2) {
                    double total = 0;
                    for (int k = from; k < to; k++) {
                        total += Math.pow(2, weight[order[k]]);
                    }
                    int checked = Math.min(to, from + OneToOne.DUPLICATE_CHECKS);
                    for (int k = from; k < to; k++) {
                        int candidate = other(pairs[order[k]], r);
                        double rivals = total - Math.pow(2, weight[order[k]]);
                        if (k < checked) {
                            for (int j = from; j < checked; j++) {
                                if (j != k && duplicates.contains(pair(candidate, other(pairs[order[j]], r)))) {
                                    rivals -= Math.pow(2, weight[order[j]]);
                                }
                            }
                        }
                        float best = weight[order[from]];
                        boolean tied = weight[order[from + 1]] >= best - OneToOne.TIE_BITS
                                && (from + 2 >= to || weight[order[from + 2]] < best - OneToOne.TIE_BITS);
                        if (rivals <= 0 || k == from || (k == from + 1 && tied)) {
                            continue;
                        }
                        float penalty = (float) (Math.log1p(rivals) / Math.log(2));
                        if ((int) (pairs[order[k]] >>> 32) == r) {
                            fromFirst[order[k]] = penalty;
                        } else {
                            fromSecond[order[k]] = penalty;
                        }
                    }
                }
                from = to;
            }
        }
        for (int i = 0; i < pairs.length; i++) {
            float penalty = Math.max(fromFirst[i], fromSecond[i]);
            if (penalty > 0) {
                weight[i] -= penalty;
                probability[i] = (float) (1.0 / (1.0 + Math.pow(2, -weight[i])));
            }
        }
    }

    /** {@code all} with random pairs of records from..n−1 added until it holds {@code count}, ascending. */
    private static long[] randomPairs(java.util.Random random, java.util.TreeSet<Long> all, int from, int n, int count) {
        while (all.size() < count) {
            int a = from + random.nextInt(n - from);
            int b = from + random.nextInt(n - from);
            if (a != b) {
                all.add(pair(a, b));
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static int other(long pair, int r) {
        int a = (int) (pair >>> 32);
        return a == r ? (int) pair : a;
    }
}
