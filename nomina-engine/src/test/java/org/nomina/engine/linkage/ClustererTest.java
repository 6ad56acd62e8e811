package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

/** The clustering rules on hand-made pair probabilities, so that each rule is tested alone. */
class ClustererTest {

    private static final LinkageConfig CONFIG = LinkageConfig.defaults();

    private record Scored(int a, int b, float probability) {
    }

    private static int[] cluster(int[] sources, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts) {
        List<LinkRecord> records = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            records.add(record(i, sources[i]).names("X", "Y", "").build());
        }
        return cluster(records, scored, verdicts);
    }

    private static int[] cluster(List<LinkRecord> records, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts) {
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort((x, y) -> Long.compare(pack(x.a(), x.b()), pack(y.a(), y.b())));
        long[] pairs = sorted.stream().mapToLong(s -> pack(s.a(), s.b())).toArray();
        float[] probability = new float[pairs.length];
        float[] weight = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            probability[i] = sorted.get(i).probability();
            weight[i] = (float) (Math.log(probability[i] / (1 - probability[i])) / Math.log(2));
        }
        return new Clusterer(table, pairs, probability, weight, CONFIG, verdicts).cluster(() -> { });
    }

    private static long pack(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    @Test
    void shouldNotChainTwoPeopleThroughOneWeakBridge() {
        // A–B and B–C pass the threshold, but A and C were compared and clearly differ.
        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.97f),
                new Scored(0, 2, 0.01f)), Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldChainWhenNothingContradictsTheBridge() {
        // The same links without the contradicting A–C comparison: transitive closure is right here.
        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.97f)),
                Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]).isEqualTo(roots[2]);
    }

    @Test
    void shouldJoinTwoRecordsOfOneSourceOnlyOnStrongEvidence() {
        int[] moderate = cluster(new int[] {0, 0}, List.of(new Scored(0, 1, 0.97f)), Map.of());
        int[] strong = cluster(new int[] {0, 0}, List.of(new Scored(0, 1, 0.995f)), Map.of());
        int[] acrossSources = cluster(new int[] {0, 1}, List.of(new Scored(0, 1, 0.97f)), Map.of());

        assertThat(moderate[0]).isNotEqualTo(moderate[1]);
        assertThat(strong[0]).isEqualTo(strong[1]);
        assertThat(acrossSources[0]).isEqualTo(acrossSources[1]);
    }

    @Test
    void shouldNotPutTwoRecordsOfOneSourceTogetherThroughAThirdRecord() {
        // 0 and 2 come from one list and were never compared directly: no strong evidence joins them.
        int[] roots = cluster(new int[] {0, 1, 0}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.98f)),
                Map.of());

        assertThat(roots[0]).isNotEqualTo(roots[2]);
    }

    @Test
    void shouldHonourCannotLinkAcrossAChain() {
        Map<Long, HumanDecision.Verdict> verdicts = new HashMap<>();
        verdicts.put(pack(0, 2), HumanDecision.Verdict.DIFFERENT);

        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.99f)),
                verdicts);

        assertThat(roots[0]).isNotEqualTo(roots[2]);
        assertThat(Arrays.stream(roots).distinct().count()).isEqualTo(2);
    }

    @Test
    void shouldKeepSistersApartWhoseGivenNamesDifferWhateverTheScores() {
        // Two daughters of one father in one family: everything agrees but the given name, and a bridge
        // through the second list's record scores high. Lamiyə and Məleykə share letters (Jaro–Winkler 0.7).
        List<LinkRecord> records = List.of(record(0, 0).names("Qurbanova", "Lamiyə", "Əli").build(),
                record(1, 1).names("Курбанова", "Ламия", "Али кызы").build(),
                record(2, 2).names("Qurbanova", "Məleykə", "Əli").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.99f)), Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldStillJoinAGivenNameWithATypingError() {
        List<LinkRecord> records = List.of(record(0, 0).names("Qurbanova", "Lamiyə", "Əli").build(),
                record(1, 1).names("Курбанова", "Ламия", "Али кызы").build(),
                record(2, 2).names("Qurbanova", "Lamiye", "Ali").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.99f)), Map.of());

        assertThat(roots[2]).isEqualTo(roots[0]).isEqualTo(roots[1]);
    }

    @Test
    void shouldKeepApartFathersWhoseNamesOnlyLookAlike() {
        // Vüsal and Musa reach Jaro–Winkler 0.78: close for a surname, different for a given name.
        List<LinkRecord> records = List.of(record(0, 0).names("Рамизова", "Улдуз", "Вюсал кызы").build(),
                record(1, 1).names("Ramizova", "Ulduz", "").build(),
                record(2, 2).names("Ramizova", "Ulduz", "Musa").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.999f)), Map.of());

        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }
}
