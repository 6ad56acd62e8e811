package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nomina.engine.linkage.Records.record;

/** Rivals on one list lower a pair's odds; duplicates of one another are one rival; a single list is left alone. */
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

    private static float probability(float weight) {
        return (float) (1 / (1 + Math.pow(2, -weight)));
    }

    @Test
    void shouldHalveTheOddsOfTwoEqualRivals() {
        long[] pairs = {pair(0, 1), pair(0, 2)};
        float[] weight = {12.5f, 12.5f};
        float[] p = {probability(12.5f), probability(12.5f)};

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        // o / (1 + o + o) with o = 2^12.5: just under one half each, below any match threshold.
        assertThat(p[0]).isCloseTo(0.5f, within(0.001f));
        assertThat(p[1]).isCloseTo(0.5f, within(0.001f));
        assertThat(weight[0]).isCloseTo(0f, within(0.01f));
    }

    @Test
    void shouldLeaveAClearlyStrongerCandidateLinked() {
        long[] pairs = {pair(0, 1), pair(0, 2)};
        float[] weight = {17.5f, 12.5f};
        float[] p = {probability(17.5f), probability(12.5f)};

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        assertThat(p[0]).isGreaterThan(0.95f);
        assertThat(p[1]).isLessThan(0.05f);
    }

    @Test
    void shouldCountTwoDuplicatesOfOnePersonAsOneCandidate() {
        // Records 1 and 2 are one woman listed twice (their own pair is at 0.999): no rivalry between them.
        long[] pairs = {pair(0, 1), pair(0, 2), pair(1, 2)};
        float[] weight = {12.5f, 12.5f, 14f};
        float[] p = {probability(12.5f), probability(12.5f), probability(14f)};

        OneToOne.apply(table(1, 0, 0), pairs, weight, p, 0.99);

        assertThat(p[0]).isCloseTo(probability(12.5f), within(1e-6f));
        assertThat(p[1]).isCloseTo(probability(12.5f), within(1e-6f));
    }

    @Test
    void shouldLeaveCandidatesOnDifferentListsAndASingleListAlone() {
        long[] acrossLists = {pair(0, 1), pair(0, 2)};
        float[] weight = {12.5f, 12.5f};
        float[] p = {probability(12.5f), probability(12.5f)};
        OneToOne.apply(table(2, 0, 1), acrossLists, weight, p, 0.99);
        assertThat(p[0]).isEqualTo(probability(12.5f));

        float[] single = {probability(12.5f), probability(12.5f)};
        OneToOne.apply(table(0, 0, 0), acrossLists, new float[] {12.5f, 12.5f}, single, 0.99);
        assertThat(single[0]).isEqualTo(probability(12.5f));
    }
}
