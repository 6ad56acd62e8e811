package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The engine against the FEBRL benchmarks (unsupervised, no labels used). The bench
 * ({@link LinkageBenchmark}) measures the precise figures; this test asserts what is reliably met.
 */
class FebrlLinkageTest {

    private static Path data() {
        var directory = Febrl.dataDirectory();
        if (directory.isEmpty()) {
            System.err.println("SKIPPED for want of reference data: " + Febrl.missingMessage());
        }
        assumeTrue(directory.isPresent(), Febrl::missingMessage);
        return directory.orElseThrow();
    }

    @Test
    void shouldLinkFebrl4AcrossTwoListsWithF1AboveNinetyNinePercent() {
        Febrl.Data febrl = Febrl.read(data(), List.of("dataset4a.csv", "dataset4b.csv"));

        LinkageResult result = Linker.link(febrl.records(), Febrl.config(), List.of(), ProgressListener.NONE);

        Febrl.Score score = Febrl.score(febrl, result, true);
        assertThat(score.actual()).isEqualTo(5_000);
        assertThat(score.f1()).as("FEBRL4 %s", score).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void shouldDeduplicateFebrl3WithF1AboveNinetyNinePercent() {
        Febrl.Data febrl = Febrl.read(data(), List.of("dataset3.csv"));

        LinkageResult result = Linker.link(febrl.records(), Febrl.config(), List.of(), ProgressListener.NONE);

        Febrl.Score score = Febrl.score(febrl, result, false);
        assertThat(score.actual()).isEqualTo(6_538);
        assertThat(score.f1()).as("FEBRL3 %s", score).isGreaterThanOrEqualTo(0.99);
    }
}
