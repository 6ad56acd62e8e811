package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.nomina.engine.work.Workers;

/**
 * Gibbs sampler for LCMCR, the Bayesian latent-class capture–recapture model of Manrique-Vallier (2016):
 * people fall into latent classes, within a class the lists capture independently, and class weights
 * follow a truncated stick-breaking Dirichlet process with K* classes. Priors as in the R package LCMCR:
 * capture probabilities Beta(1, 1), concentration α ~ Gamma(0.25, 0.25), and p(N) ∝ 1/N for the total,
 * under which the unobserved count given the rest is negative binomial (data augmentation).
 *
 * <p>Each chain starts as the reference implementation does: every class's capture probability at the
 * list's share of the observed, α small, and {@value #WARM_UP} warm-up sweeps in which classes are re-ordered
 * by size before the stick-breaking weights are drawn (so the large classes take the first sticks and the
 * chain does not spend its burn-in moving mass between labels). The re-ordering is not a move of the
 * posterior, so it stops before the burn-in starts; burn-in and kept sweeps are plain Gibbs. Draws of N are
 * strongly autocorrelated (lag-1 near 0.99 on Kosovo), so kept sweeps are thinned and several chains
 * run from independent streams ({@link SplittableRandom#split()}); split-R̂ and the effective sample size
 * of N say whether they agree.
 *
 * <p>Written by hand (no Java library offers it). Works on cell counts rather than individuals: the
 * class split of all people sharing a history is one multinomial draw, so a sweep costs
 * O(cells × K* × lists) whatever the number of people. Chains run in parallel on the estimation's own threads ({@link Workers#ESTIMATION}); each is reproducible from
 * (seed, chain index) whatever the number of threads.
 */
final class LatentClassSampler {
    private static final double ALPHA_SHAPE = 0.25;
    private static final double ALPHA_RATE = 0.25;
    static final int WARM_UP = 500;
    private static final double START_ALPHA = 0.1;

    private LatentClassSampler() {
    }

    /**
     * Kept draws of the total N, per chain in sampling order, and the pooled draws sorted.
     */
    record Posterior(double[][] chains, double[] totals) {
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

        Convergence convergence() {
            return Convergence.of(chains);
        }
    }

    /**
     * @param iterations sweeps per chain after burn-in; every {@code thin}-th is kept
     */
    static Posterior run(CaptureHistories data, int classes, int chains, int burnIn, int iterations, int thin, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[chains];
        for (int chain = 0; chain < chains; chain++) {
            streams[chain] = root.split();
        }
        Thread caller = Thread.currentThread();
        double[][] draws = Workers.ESTIMATION.map(chains,
                chain -> chain(data, classes, burnIn, iterations, thin, streams[chain], caller)).toArray(double[][]::new);
        double[] pooled = Arrays.stream(draws).flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Posterior(draws, pooled);
    }

    private static double[] chain(CaptureHistories data, int classes, int burnIn, int iterations, int thin, SplittableRandom random,
            Thread caller) {
        int lists = data.listCount();
        int[] cells = IntStream.range(1, data.cellCount()).filter(cell -> data.count(cell) > 0).toArray();
        long[] cellCounts = Arrays.stream(cells).mapToLong(data::count).toArray();
        long observed = data.observed();

        double[][] capture = new double[classes][lists];
        for (double[] row : capture) {
            for (int list = 0; list < lists; list++) {
                row[list] = Math.min(Math.max(data.recordedByAll(1 << list) / (double) observed, 1e-6), 1 - 1e-6);
            }
        }
        double alpha = START_ALPHA;
        double[] weight = new double[classes];
        double remainingStick = 1;
        for (int k = 0; k < classes; k++) {
            double stick = k == classes - 1 ? 1 : Sampling.beta(random, 1, alpha);
            weight[k] = remainingStick * stick;
            remainingStick *= 1 - stick;
        }

        double[] cellWeights = new double[classes];
        long[] split = new long[classes];
        long[] classSize = new long[classes];
        long[][] capturedInClass = new long[classes][lists];
        double[] missedWeights = new double[classes];
        Integer[] order = new Integer[classes];
        double[] kept = new double[iterations / thin];

        int sweeps = WARM_UP + burnIn + iterations;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            if (caller.isInterrupted()) {
                throw new CancellationException("LCMCR sampler interrupted");
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
            // warm-up only: relabel classes largest first, as the reference implementation's start does
            if (sweep < WARM_UP) {
                reorderBySize(classSize, capturedInClass, order);
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
            int after = sweep - WARM_UP - burnIn;
            if (after >= 0 && (after + 1) % thin == 0 && after / thin < kept.length) {
                kept[after / thin] = observed + unobserved;
            }
        }
        return kept;
    }

    private static void reorderBySize(long[] classSize, long[][] capturedInClass, Integer[] order) {
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(classSize[b], classSize[a]));
        long[] sizes = classSize.clone();
        long[][] captured = new long[capturedInClass.length][];
        for (int k = 0; k < order.length; k++) {
            captured[k] = capturedInClass[order[k]];
        }
        for (int k = 0; k < order.length; k++) {
            classSize[k] = sizes[order[k]];
            capturedInClass[k] = captured[k];
        }
    }
}
