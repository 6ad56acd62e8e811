package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ModelAveragingTest {

    @Test
    void shouldEnumerateTheDecomposableGraphs() {
        assertThat(ModelAveraging.decomposableGraphCount(3)).isEqualTo(8);
        assertThat(ModelAveraging.decomposableGraphCount(4)).isEqualTo(61);
        assertThat(ModelAveraging.decomposableGraphCount(5)).isEqualTo(822);
    }

    /**
     * Madigan and York's (1997) three-list example, as dga's own tests check it: δ = 1, their negative
     * binomial prior on N (a = 13.14, b = 55.17); the top model has posterior probability 0.37 and the
     * averaged posterior of N its mode at 728 (the top model's at 729).
     */
    @Test
    void shouldReproduceMadiganAndYorksThreeListExample() {
        long[] y = {0, 60, 49, 4, 247, 112, 142, 12};
        Map<Integer, Long> counts = new HashMap<>();
        for (int history = 1; history < y.length; history++) {
            counts.put(history, y[history]);
        }
        CaptureHistories data = CaptureHistories.of(List.of("A", "B", "C"), counts);
        double a = 13.14;
        double b = 55.17;
        ModelAveraging.Posterior posterior = ModelAveraging.run(data, 1,
                total -> total * Math.log(b) - (total + a) * Math.log(1 + b) + Gamma.logGamma(total + a) - Gamma.logGamma(total + 1));

        assertThat(posterior.step()).isEqualTo(1);
        assertThat(posterior.models().getFirst().probability()).isCloseTo(0.37, within(0.005));
        double[] p = posterior.probability();
        int mode = 1;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[mode]) {
                mode = i;
            }
        }
        assertThat(posterior.observed() + mode).isEqualTo(728);
    }

    @Test
    void shouldCoverTheTruthOnIndependentListsAndGiveItsWeightsInOrder() {
        CaptureHistories data = LatentClassSamplerTest.Simulation.independent(2000, new double[] {0.2, 0.25, 0.3, 0.35}, 17);

        EstimationResult result = (EstimationResult) Estimators.estimate(data, Method.BMA, Criterion.BIC, EstimationOptions.defaults());

        assertThat(result.lower()).isLessThanOrEqualTo(2000);
        assertThat(result.upper()).isGreaterThanOrEqualTo(2000);
        assertThat(result.models()).isSortedAccordingTo((x, z) -> Double.compare(z.probability(), x.probability()));
        assertThat(result.models().stream().mapToDouble(ModelShare::probability).sum()).isLessThanOrEqualTo(1 + 1e-9);
        assertThat(result.assumptions()).anySatisfy(text -> assertThat(text).startsWith("Closed population"));
    }
}
