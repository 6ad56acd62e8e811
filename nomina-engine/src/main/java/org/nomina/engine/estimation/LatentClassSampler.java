package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Gibbs sampler for LCMCR, the Bayesian latent-class capture–recapture model of Manrique-Vallier (2016):
 * people fall into latent classes, within a class the lists capture independently, and class weights
 * follow a truncated stick-breaking Dirichlet process with K* classes. Priors as in the R package LCMCR:
 * capture probabilities Beta(1, 1), concentration α ~ Gamma(0.25, 0.25), and p(N) ∝ 1/N for the total,
 * under which the unobserved count given the rest is negative binomial (data augmentation).
 *
 * <p>Written by hand (no Java library offers it). Works on cell counts rather than individuals: the
 * class split of all people sharing a history is one multinomial draw, so an iteration costs
 * O(cells × K* × lists) whatever the number of people. Not thread-safe per run; runs are independent.
 */
final class LatentClassSampler {
    private static final double ALPHA_SHAPE = 0.25;
    private static final double ALPHA_RATE = 0.25;

    private LatentClassSampler() {
    }

    /** Draws of the total N after burn-in, sorted. */
    record Posterior(double[] totals) {
        double quantile(double probability) {
            // R's default type 7
            double h = (totals.length - 1) * probability;
            int low = (int) Math.floor(h);
            int high = Math.min(low + 1, totals.length - 1);
            return totals[low] + (h - low) * (totals[high] - totals[low]);
        }

        double standardDeviation() {
            double mean = Arrays.stream(totals).average().orElse(Double.NaN);
            return Math.sqrt(Arrays.stream(totals).map(value -> (value - mean) * (value - mean)).sum() / (totals.length - 1));
        }
    }

    static Posterior run(CaptureHistories data, int classes, int burnIn, int samples, long seed) {
        int lists = data.listCount();
        int[] cells = java.util.stream.IntStream.range(1, data.cellCount()).filter(cell -> data.count(cell) > 0).toArray();
        long[] cellCounts = Arrays.stream(cells).mapToLong(data::count).toArray();
        long observed = data.observed();
        SplittableRandom random = Sampling.stream(seed, 0);

        double[][] capture = new double[classes][lists];
        for (double[] row : capture) {
            for (int list = 0; list < lists; list++) {
                row[list] = Sampling.beta(random, 1, 1);
            }
        }
        double[] weight = new double[classes];
        Arrays.fill(weight, 1.0 / classes);
        double alpha = 1;

        double[] cellWeights = new double[classes];
        long[] split = new long[classes];
        long[] classSize = new long[classes];
        long[][] capturedInClass = new long[classes][lists];
        double[] missedWeights = new double[classes];
        double[] totals = new double[samples];

        for (int iteration = 0; iteration < burnIn + samples; iteration++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("LCMCR sampler interrupted");
            }
            Arrays.fill(classSize, 0);
            for (long[] row : capturedInClass) {
                Arrays.fill(row, 0);
            }
            // 1. latent classes of the observed people, one multinomial per history
            for (int c = 0; c < cells.length; c++) {
                int history = cells[c];
                for (int k = 0; k < classes; k++) {
                    double probability = weight[k];
                    for (int list = 0; list < lists; list++) {
                        probability *= ((history >> list) & 1) == 1 ? capture[k][list] : 1 - capture[k][list];
                    }
                    cellWeights[k] = probability;
                }
                Sampling.multinomial(random, cellCounts[c], cellWeights, split);
                for (int k = 0; k < classes; k++) {
                    if (split[k] == 0) {
                        continue;
                    }
                    classSize[k] += split[k];
                    for (int list = 0; list < lists; list++) {
                        if (((history >> list) & 1) == 1) {
                            capturedInClass[k][list] += split[k];
                        }
                    }
                }
            }
            // 2. the unobserved count: with p(N) ∝ 1/N it is negative binomial (observed, 1 − P(missed by all))
            double missed = 0;
            for (int k = 0; k < classes; k++) {
                double probability = weight[k];
                for (int list = 0; list < lists; list++) {
                    probability *= 1 - capture[k][list];
                }
                missedWeights[k] = probability;
                missed += probability;
            }
            missed = Math.min(missed, 1 - 1e-12);
            long unobserved = Sampling.poisson(random, Sampling.gamma(random, observed) * missed / (1 - missed));
            // 3. their classes
            Sampling.multinomial(random, unobserved, missedWeights, split);
            for (int k = 0; k < classes; k++) {
                classSize[k] += split[k];
            }
            // 4. capture probabilities per class and list (the unobserved are on no list)
            for (int k = 0; k < classes; k++) {
                for (int list = 0; list < lists; list++) {
                    long captured = capturedInClass[k][list];
                    capture[k][list] = Sampling.beta(random, 1 + captured, 1 + classSize[k] - captured);
                }
            }
            // 5. stick-breaking weights
            long later = 0;
            for (int k = 0; k < classes; k++) {
                later += classSize[k];
            }
            double remaining = 1;
            double logRemaining = 0;
            for (int k = 0; k < classes; k++) {
                later -= classSize[k];
                double stick = k == classes - 1 ? 1 : Math.min(Sampling.beta(random, 1 + classSize[k], alpha + later), 1 - 1e-12);
                weight[k] = remaining * stick;
                remaining *= 1 - stick;
                if (k < classes - 1) {
                    logRemaining += Math.log1p(-stick);
                }
            }
            // 6. concentration
            if (classes > 1) {
                alpha = Sampling.gamma(random, ALPHA_SHAPE + classes - 1) / (ALPHA_RATE - logRemaining);
            }
            if (iteration >= burnIn) {
                totals[iteration - burnIn] = observed + unobserved;
            }
        }
        Arrays.sort(totals);
        return new Posterior(totals);
    }
}
