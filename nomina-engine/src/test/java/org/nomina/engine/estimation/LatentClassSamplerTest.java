package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LatentClassSamplerTest {
    private static final EstimationOptions FAST = EstimationOptions.defaults().withSampler(10, 1000, 4000);

    /** Independent lists, true N = 2,000, capture probabilities 0.2–0.35: the credible interval should cover N. */
    @Test
    void shouldCoverTheTruthOnIndependentLists() {
        int covered = 0;
        int runs = 5;
        for (int run = 0; run < runs; run++) {
            CaptureHistories data = Simulation.independent(2000, new double[] {0.2, 0.25, 0.3, 0.35}, 100 + run);
            EstimationResult result = (EstimationResult) Estimators.estimate(data, Method.LCMCR, Criterion.BIC, FAST.withSeed(run));
            System.out.printf("LCMCR simulated run %d: %.0f [%.0f, %.0f]%n", run, result.estimate(), result.lower(), result.upper());
            if (result.lower() <= 2000 && 2000 <= result.upper()) {
                covered++;
            }
        }
        assertThat(covered).as("runs out of %d whose 95%% interval covers N", runs).isGreaterThanOrEqualTo(4);
    }

    /**
     * Kosovo: no tight published LCMCR figure exists; log-linear models give about 10,000–13,000. We assert
     * plausibility (above the 4,400 observed, below 25,000) and print the figure.
     */
    @Test
    void shouldGivePlausibleReproducibleFigureForKosovo() {
        CaptureHistories kosovo = SharedData.table("kosovo_4lists.csv");
        EstimationOptions options = EstimationOptions.defaults().withSampler(10, 2000, 10_000).withSeed(42);

        long start = System.nanoTime();
        EstimationResult first = (EstimationResult) Estimators.estimate(kosovo, Method.LCMCR, Criterion.BIC, options);
        double seconds = (System.nanoTime() - start) / 1e9;
        EstimationResult second = (EstimationResult) Estimators.estimate(kosovo, Method.LCMCR, Criterion.BIC, options);

        System.out.printf("LCMCR Kosovo: median %.0f, 95%% [%.0f, %.0f], sd %.0f, %.2f s%n", first.estimate(), first.lower(),
                first.upper(), first.standardError().getAsDouble(), seconds);
        assertThat(first.estimate()).isBetween(6_000.0, 25_000.0);
        assertThat(first.lower()).isGreaterThanOrEqualTo(4_400);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldRefuseTwoLists() {
        CaptureHistories two = CaptureHistories.of(java.util.List.of("A", "B"), Map.of(1, 50L, 2, 40L, 3, 10L));

        assertThat(Estimators.estimate(two, Method.LCMCR, Criterion.BIC, FAST)).isInstanceOf(EstimationRefusal.class);
    }

    /** Simulated populations shared by the tests. */
    static final class Simulation {
        private Simulation() {
        }

        static CaptureHistories independent(int total, double[] captureProbabilities, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<Integer, Long> counts = new HashMap<>();
            for (int person = 0; person < total; person++) {
                int history = 0;
                for (int list = 0; list < captureProbabilities.length; list++) {
                    if (random.nextDouble() < captureProbabilities[list]) {
                        history |= 1 << list;
                    }
                }
                if (history != 0) {
                    counts.merge(history, 1L, Long::sum);
                }
            }
            java.util.List<String> names = java.util.stream.IntStream.range(0, captureProbabilities.length).mapToObj(i -> "L" + (i + 1)).toList();
            return CaptureHistories.of(names, counts);
        }
    }
}
