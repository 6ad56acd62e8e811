package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ExpectationMaximisationTest {

    @Test
    void shouldRecoverKnownMAndLambdaFromGeneratedPatterns() {
        // Three fields with three levels (agree, partial, disagree) plus "missing". True parameters:
        double[][] trueM = {{0.85, 0.10, 0.05}, {0.70, 0.20, 0.10}, {0.90, 0.05, 0.05}};
        double[][] trueU = {{0.02, 0.08, 0.90}, {0.05, 0.15, 0.80}, {0.01, 0.04, 0.95}};
        double trueLambda = 0.2;
        int pairs = 200_000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        byte[] levels = new byte[pairs * 3];
        for (int i = 0; i < pairs; i++) {
            boolean match = random.nextDouble() < trueLambda;
            for (int f = 0; f < 3; f++) {
                double[] distribution = match ? trueM[f] : trueU[f];
                double draw = random.nextDouble();
                int level = draw < distribution[0] ? 0 : draw < distribution[0] + distribution[1] ? 1 : 2;
                levels[i * 3 + f] = (byte) level;
            }
        }
        short[] masks = new short[pairs];
        Arrays.fill(masks, (short) 1);
        FellegiSunter.Patterns patterns = FellegiSunter.aggregate(levels, masks, 3, pairs);
        double[][] m = new double[3][];
        double[][] u = new double[3][];
        for (int f = 0; f < 3; f++) {
            m[f] = FellegiSunter.startingM(4);
            u[f] = Arrays.copyOf(trueU[f], 4);
            u[f][3] = 1.0;
        }
        boolean[] all = {true, true, true};

        double lambda = FellegiSunter.em(patterns, p -> true, all, all, m, u, new int[] {3, 3, 3}, 0.5, 500);

        // Tolerance: 200,000 pairs give a sampling error of about 0.005 on these proportions.
        assertThat(lambda).isCloseTo(trueLambda, within(0.01));
        for (int f = 0; f < 3; f++) {
            for (int level = 0; level < 3; level++) {
                assertThat(m[f][level]).as("m[%d][%d]", f, level).isCloseTo(trueM[f][level], within(0.02));
            }
        }
    }
}
