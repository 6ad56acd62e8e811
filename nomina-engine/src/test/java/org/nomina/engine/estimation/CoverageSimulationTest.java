package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Coverage of 95% profile intervals on simulated populations (N = 1,000, three lists), model chosen by
 * BIC among the 8 hierarchical models each time. Expected coverage is a little under 95% because model
 * choice is not part of the interval; we require at least 85% over 100 runs.
 */
class CoverageSimulationTest {

    @Test
    void shouldCoverTrueTotalWhenListsAreIndependent() {
        double coverage = coverage(new double[] {0.3, 0.25, 0.35});
        System.out.printf("profile coverage, independent lists: %.2f%n", coverage);
        assertThat(coverage).isGreaterThanOrEqualTo(0.85);
    }

    private static double coverage(double[] probabilities) {
        int runs = 100;
        int covered = 0;
        EstimationOptions options = EstimationOptions.defaults();
        for (int run = 0; run < runs; run++) {
            CaptureHistories data = LatentClassSamplerTest.Simulation.independent(1000, probabilities, 7_000 + run);
            EstimationResult result = (EstimationResult) Estimators.estimate(data, Method.LOGLINEAR, Criterion.BIC, options);
            if (result.lower() <= 1000 && 1000 <= result.upper()) {
                covered++;
            }
        }
        return covered / (double) runs;
    }
}
