package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Map;
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

    /**
     * Two brothers Sargis Arutyunyan of Khojaly. The elder: record 0 (list 0, born 11 May 1979), 1 (list 1, age 13 in
     * 1993), 2 (list 2, born 1979, no village). The younger: 3 (list 2, born 1984) and 4 (list 1, age 9 in 1993).
     */
    private static RecordTable brothers() {
        List<LinkRecord> records = List.of(
                record(0, 0).names("Arutyunyan", "Sargis", "").born(1979, 5, 11).place("Khojaly").build(),
                record(1, 1).names("Arutyunyan", "Sargis", "").age(13, 1993).place("Khojaly").build(),
                record(2, 2).names("Arutyunyan", "Sargis", "").born(1979, 0, 0).build(),
                record(3, 2).names("Arutyunyan", "Sargis", "").born(1984, 0, 0).place("Khojaly").build(),
                record(4, 1).names("Arutyunyan", "Sargis", "").age(9, 1993).place("Khojaly").build());
        return new RecordTable(records, Set.of(), NameNormaliser.shared());
    }

    /** The brothers' pairs: index 0 (0,1), 1 (0,2), 2 (0,3), 3 (1,2), 4 (1,3), 5 (3,4); the elder's 1–2 weighs {@code elder}. */
    private static long[] brotherPairs() {
        return new long[] {pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2), pair(1, 3), pair(3, 4)};
    }

    /** Links the brothers as the linker does: one_to_one, clustering, and with {@code secondLook} the second look. */
    private static int[] linkBrothers(float elder, float younger, boolean secondLook) {
        RecordTable table = brothers();
        long[] pairs = brotherPairs();
        // Record 1 (the elder, list 1) has a stronger candidate on list 2 in the younger (3), who shares the village.
        float[] weight = {20f, 15f, 2f, elder, younger, 20f};
        float[] p = probabilities(weight);
        LinkageConfig config = LinkageConfig.defaults();
        OneToOne.Lowered lowered = OneToOne.apply(table, pairs, weight, p, config.sameSourceProbability(), true);
        Clusterer clusterer = new Clusterer(table, pairs, p, weight, config, Map.of(), null);
        int[] roots = clusterer.cluster(() -> { });
        return secondLook ? OneToOne.secondLook(table, config, clusterer, roots, pairs, weight, p, lowered) : roots;
    }

    @Test
    void shouldLinkARecordOnceItsStrongerRivalIsShownToBeAnotherPersonOfItsList() {
        // one_to_one lowers the elder's 1–2 (11.1 bits) by his stronger candidate 3 (12.5 bits), and clustering keeps 2
        // out of the elder's person (its mean with the lowered pair). But 3 joined 4, a record of 1's own list, whom he
        // prefers by 7.5 bits: he is 4's match, not 1's, and 1–2 is restored.
        int[] before = linkBrothers(11.1f, 12.5f, false);
        assertThat(before[0]).isEqualTo(before[1]).isNotEqualTo(before[2]);
        assertThat(before[3]).isEqualTo(before[4]);

        int[] roots = linkBrothers(11.1f, 12.5f, true);

        assertThat(roots[0]).isEqualTo(roots[1]).isEqualTo(roots[2]);
        assertThat(roots[3]).isEqualTo(roots[4]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldLeaveTheRecordApartWhenItsRivalPrefersItsOwnListMateByLessThanABit() {
        // The younger weighs 19.5 bits with the elder's 1 and 20 with his own 4: no clear preference, so he may still
        // be 1's match, and the elder's 1–2 stays lowered.
        int[] roots = linkBrothers(11.1f, 19.5f, true);

        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldNotRestoreAPairWhoseRecordsAreTwoNamesakesAsCloseAsTheRestoredOne() {
        // With the younger out of the way, the elder's 2 would be restored; but a second candidate on list 2 within a
        // bit of it (record 5, born 1979, no village) makes the choice a guess between namesakes.
        List<LinkRecord> records = List.of(
                record(0, 0).names("Arutyunyan", "Sargis", "").born(1979, 5, 11).place("Khojaly").build(),
                record(1, 1).names("Arutyunyan", "Sargis", "").age(13, 1993).place("Khojaly").build(),
                record(2, 2).names("Arutyunyan", "Sargis", "").born(1979, 0, 0).build(),
                record(3, 2).names("Arutyunyan", "Sargis", "").born(1984, 0, 0).place("Khojaly").build(),
                record(4, 1).names("Arutyunyan", "Sargis", "").age(9, 1993).place("Khojaly").build(),
                record(5, 2).names("Arutyunyan", "Sargis", "").born(1980, 0, 0).build());
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        long[] pairs = {pair(0, 1), pair(0, 2), pair(0, 3), pair(1, 2), pair(1, 3), pair(1, 5), pair(3, 4)};
        float[] weight = {20f, 15f, 2f, 11.1f, 12.5f, 10.6f, 20f};
        float[] p = probabilities(weight);
        LinkageConfig config = LinkageConfig.defaults();
        OneToOne.Lowered lowered = OneToOne.apply(table, pairs, weight, p, config.sameSourceProbability(), true);
        Clusterer clusterer = new Clusterer(table, pairs, p, weight, config, Map.of(), null);
        int[] roots = OneToOne.secondLook(table, config, clusterer, clusterer.cluster(() -> { }), pairs, weight, p, lowered);

        assertThat(roots[2]).isNotEqualTo(roots[1]);
        assertThat(roots[5]).isNotEqualTo(roots[1]);
        assertThat(p[3]).isLessThan(0.95f);
    }

    /** Links as the linker does (one_to_one keeping what it lowered, clustering, the second look); lowers {@code weight} and {@code p} in place. */
    private static int[] linkWithSecondLook(RecordTable table, long[] pairs, float[] weight, float[] p) {
        LinkageConfig config = LinkageConfig.defaults();
        OneToOne.Lowered lowered = OneToOne.apply(table, pairs, weight, p, config.sameSourceProbability(), true);
        Clusterer clusterer = new Clusterer(table, pairs, p, weight, config, Map.of(), null);
        return OneToOne.secondLook(table, config, clusterer, clusterer.cluster(() -> { }), pairs, weight, p, lowered);
    }

    /** Each record's cluster root and each pair's probability after a link. */
    private record Linked(int[] roots, float[] p) {
    }

    /**
     * Record 1 (list 0) has three candidates on list 1: 3 at 22 bits, whom record 4 of list 0 takes at 30, then 2 at 18
     * and 0 at 15 bits. The first pass lowers 1–2 and 1–0 by 3, and 1 is left alone. Pairs: 0 (0,1), 1 (0,2), 2 (1,2).
     */
    private static Linked linkPastATakenRival(float zeroAndTwo) {
        long[] pairs = {pair(0, 1), pair(0, 2), pair(1, 2), pair(1, 3), pair(3, 4)};
        float[] weight = {15f, zeroAndTwo, 18f, 22f, 30f};
        float[] p = probabilities(weight);
        return new Linked(linkWithSecondLook(table(1, 0, 1, 1, 0), pairs, weight, p), p);
    }

    @Test
    void shouldRestoreAWeakerCandidateWhenEveryOtherOneLeftIsItsDuplicate() {
        // Records 0 and 2 are one person listed twice on list 1 (their own pair 25 bits). With 3 taken by 4, the
        // strongest left is 2, 3 bits ahead of 0; but 2 is 0's duplicate, no rival: both of 1's pairs come back.
        Linked linked = linkPastATakenRival(25f);

        assertThat(linked.p()[0]).as("1–0, the weaker duplicate's pair").isEqualTo(probability(15f));
        assertThat(linked.p()[2]).as("1–2").isEqualTo(probability(18f));
        int[] roots = linked.roots();
        assertThat(roots[0]).isEqualTo(roots[1]).isEqualTo(roots[2]);
        assertThat(roots[3]).isEqualTo(roots[4]).isNotEqualTo(roots[1]);
    }

    @Test
    void shouldLeaveAWeakerCandidateLoweredWhenTheStrongestLeftIsAnotherPerson() {
        // The same lists, but 0 and 2 are two people (their own pair 4 bits): 2 leads 0 by 3 bits and is 1's match;
        // 1–0 stays lowered, and 0 stays apart.
        Linked linked = linkPastATakenRival(4f);

        assertThat(linked.p()[2]).as("1–2").isEqualTo(probability(18f));
        assertThat(linked.p()[0]).as("1–0").isLessThan(0.95f);
        assertThat(linked.roots()[1]).isEqualTo(linked.roots()[2]).isNotEqualTo(linked.roots()[0]);
    }

    /** Lists of records, their pairs (sorted) and the pairs' weights. */
    private record Lists(int[] sources, long[] pairs, float[] weight) {
    }

    /**
     * Record 0 (list 1) and a crowd of 17 candidates on list 0 (records 1–17): pairs 0–16, the first weighing
     * {@code strongest} and each next {@code step} less; record 18 is on list 1, and pairs 17 and 18 are left to fill.
     */
    private static Lists crowdOfSeventeen(int records, float strongest, float step) {
        int[] sources = new int[records];
        sources[0] = 1;
        sources[18] = 1;
        long[] pairs = new long[19];
        float[] weight = new float[19];
        for (int i = 1; i <= 17; i++) {
            pairs[i - 1] = pair(0, i);
            weight[i - 1] = strongest - (i - 1) * step;
        }
        return new Lists(sources, pairs, weight);
    }

    @Test
    void shouldCountACrowdedSideAsSparingThePairItLeftAsItWas() {
        // Record 0 (list 1) has 17 namesakes on list 0 (records 1–17), a crowd not weighed again; 1 is its strongest by a
        // bit and keeps its odds from that side. From 1's side, 0 is the weaker of two: record 18 (list 1) fits 1 at 22
        // bits, but 18 is record 19's (list 0) at 30. Weighed again, 1's side spares 1–0, and 0's crowded side spared it
        // already: it is restored, and the crowd's lowered pairs are not.
        Lists lists = crowdOfSeventeen(20, 20f, 1f);
        long[] pairs = lists.pairs();
        float[] weight = lists.weight();
        pairs[17] = pair(1, 18);
        weight[17] = 22f;
        pairs[18] = pair(18, 19);
        weight[18] = 30f;
        float[] p = probabilities(weight);

        int[] roots = linkWithSecondLook(table(lists.sources()), pairs, weight, p);

        assertThat(p[0]).as("0–1").isEqualTo(probability(20f));
        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[18]).isEqualTo(roots[19]).isNotEqualTo(roots[0]);
        for (int i = 2; i <= 17; i++) {
            assertThat(roots[i]).as("namesake %d", i).isNotEqualTo(roots[0]);
            assertThat(p[i - 1]).as("0–%d", i).isLessThan(0.95f);
        }
    }

    @Test
    void shouldKeepWhatItLoweredAndMarkThePairsACrowdLoweredAsNeverRestored() {
        // Record 0 (list 1) has 17 candidates on list 0 (records 1–17), more than the second look weighs again, and
        // record 18 (list 1) two (records 19, 20). The weaker of each lose bits; only the small group's can come back.
        Lists lists = crowdOfSeventeen(21, 19.5f, 0.5f);
        long[] pairs = lists.pairs();
        float[] weight = lists.weight();
        pairs[17] = pair(18, 19);
        weight[17] = 14f;
        pairs[18] = pair(18, 20);
        weight[18] = 12f;
        float[] before = weight.clone();
        float[] p = probabilities(weight);

        OneToOne.Lowered lowered = OneToOne.apply(table(lists.sources()), pairs, weight, p, 0.99, true);

        assertThat(lowered.restorable(0)).as("the crowd's strongest is not lowered").isFalse();
        assertThat(weight[0]).isEqualTo(before[0]);
        for (int i = 1; i < 17; i++) {
            assertThat(weight[i]).isLessThan(before[i]);
            assertThat(lowered.restorable(i)).as("pair %d, lowered by a crowd", i).isFalse();
            assertThat(lowered.unlowered(weight, i)).isCloseTo(before[i], within(1e-4f));
        }
        assertThat(lowered.restorable(17)).isFalse();
        assertThat(weight[18]).isLessThan(before[18]);
        assertThat(lowered.restorable(18)).isTrue();
        assertThat(lowered.unlowered(weight, 18)).isCloseTo(12f, within(1e-4f));
        assertThat(lowered.crowded(0, 0)).isTrue();
        assertThat(lowered.crowded(18, 0)).isFalse();
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
