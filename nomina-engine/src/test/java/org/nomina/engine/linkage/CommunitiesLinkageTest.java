package org.nomina.engine.linkage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five lists of both communities in four scripts ({@link CommunitiesPopulation}), across seeds and sizes.
 * A guard, not the target: measured F1 0.859, 0.868, 0.858 at 3,000 people (seeds 1–3) and 0.743 at 10,000
 * (seed 4), far from issue 8's 0.97. The case draws from 15 surnames and 10–15 given names per community
 * over 20 villages, so namesakes grow with the population, and most lost pairs are left in review at
 * probability 0.99+ because clusters of namesakes formed first (see docs/linkage.md, "Left to do").
 */
class CommunitiesLinkageTest {

    @ParameterizedTest(name = "{0} people, seed {1}")
    @CsvSource({"3000, 1, 0.84", "3000, 2, 0.84", "3000, 3, 0.84", "10000, 4, 0.73"})
    void shouldLinkBothCommunitiesAcrossScripts(int people, long seed, double floor) {
        Febrl.Data data = CommunitiesPopulation.generate(people, seed);

        LinkageResult result = Linker.link(data.records(), LinkageConfig.defaults(), List.of(), ProgressListener.NONE);

        Febrl.Score score = Febrl.score(data, result, false);
        assertThat(score.f1()).as("%d people, seed %d: %s", people, seed, score).isGreaterThanOrEqualTo(floor);
    }
}
