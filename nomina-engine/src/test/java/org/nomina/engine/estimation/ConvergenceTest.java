package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ConvergenceTest {

    private static double[][] autoregressive(int chains, int draws, double rho, double[] means, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[chains][draws];
        for (int c = 0; c < chains; c++) {
            double x = Sampling.gaussian(random) / Math.sqrt(1 - rho * rho);
            for (int i = 0; i < draws; i++) {
                x = rho * x + Sampling.gaussian(random);
                out[c][i] = means[c] + x;
            }
        }
        return out;
    }

    @Test
    void shouldCountIndependentDrawsAsTheyAreAndAgreeingChainsAsConverged() {
        Convergence convergence = Convergence.of(autoregressive(4, 2000, 0, new double[4], 1));

        assertThat(convergence.rHat()).isCloseTo(1, within(0.01));
        System.out.printf("ESS of 8,000 independent draws: %.0f%n", convergence.effectiveSampleSize());
        assertThat(convergence.effectiveSampleSize()).isCloseTo(8000, within(1600.0));
        assertThat(convergence.converged()).isTrue();
    }

    @Test
    void shouldDiscountAutocorrelatedDrawsByTheirIntegratedAutocorrelationTime() {
        // AR(1) with ρ = 0.9: τ = (1 + ρ) / (1 − ρ) = 19, so 8,000 draws are worth about 421
        Convergence convergence = Convergence.of(autoregressive(4, 2000, 0.9, new double[4], 2));

        assertThat(convergence.effectiveSampleSize()).isBetween(300.0, 560.0);
    }

    @Test
    void shouldFlagChainsThatSitApart() {
        Convergence convergence = Convergence.of(autoregressive(4, 1000, 0.5, new double[] {0, 0, 0, 3}, 3));

        assertThat(convergence.rHat()).isGreaterThan(Convergence.R_HAT_LIMIT);
        assertThat(convergence.converged()).isFalse();
    }

    @Test
    void shouldFlagOneChainThatDriftsEvenWhenItsMeanIsRight() {
        double[][] chains = autoregressive(2, 1000, 0, new double[2], 4);
        for (int i = 0; i < 1000; i++) {
            chains[1][i] += (i - 500) / 100.0;
        }

        assertThat(Convergence.of(chains).rHat()).isGreaterThan(Convergence.R_HAT_LIMIT);
    }
}
