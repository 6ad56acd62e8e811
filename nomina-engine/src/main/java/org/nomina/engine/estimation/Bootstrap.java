package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.nomina.engine.work.Workers;

/**
 * Bias-corrected and accelerated (BCa) bootstrap interval for the total, as SparseMSE's
 * {@code estimatepopulation}: resample the observed people with replacement (a multinomial draw of the
 * cell counts), re-run the whole estimator (model selection included) on each resample, take the
 * acceleration from a jackknife that removes one person from each non-empty cell, and read the adjusted
 * quantiles with R's type-8 rule.
 *
 * <p>Resamples run on the estimation's own threads ({@link Workers#ESTIMATION}); each has its own random stream, split in order from one
 * {@link SplittableRandom} seeded once ({@link SplittableRandom#split()} mixes the seed, so nearby seeds
 * give unrelated streams), so results do not depend on the number of threads. Checks for interruption between resamples.
 */
final class Bootstrap {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Bootstrap() {
    }

    /**
     * @param failed resamples (or jackknife samples) on which the estimator refused; left out
     */
    record Interval(double lower, double upper, int resamples, int failed, double acceleration) {
    }

    /**
     * @param estimator the total for a table, or empty when it cannot be estimated
     */
    static Interval bca(CaptureHistories data, Function<CaptureHistories, OptionalDouble> estimator, double estimate,
            int resamples, long seed, double level) {
        long[] counts = data.counts();
        long observed = data.observed();
        double[] weights = Arrays.stream(counts).asDoubleStream().toArray();
        Thread caller = Thread.currentThread();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[resamples];
        for (int index = 0; index < resamples; index++) {
            streams[index] = root.split();
        }
        double[] replicates = Workers.ESTIMATION.mapToDouble(resamples, index -> {
            if (caller.isInterrupted()) {
                throw new CancellationException("bootstrap interrupted");
            }
            SplittableRandom random = streams[index];
            long[] resampled = new long[counts.length];
            Sampling.multinomial(random, observed, weights, resampled);
            return estimator.apply(data.withCounts(resampled)).orElse(Double.NaN);
        });
        double[] usable = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        int failed = resamples - usable.length;

        int[] cells = IntStream.range(1, counts.length).filter(cell -> counts[cell] > 0).toArray();
        double[] jackknife = Workers.ESTIMATION.mapToDouble(cells.length, index -> {
            long[] leaveOneOut = counts.clone();
            leaveOneOut[cells[index]]--;
            return estimator.apply(data.withCounts(leaveOneOut)).orElse(Double.NaN);
        });
        double acceleration = acceleration(cells, counts, jackknife);

        if (usable.length < 10) {
            return new Interval(Double.NaN, Double.NaN, resamples, failed, acceleration);
        }
        double below = Arrays.stream(usable).filter(value -> value < estimate).count() / (double) usable.length;
        below = Math.min(Math.max(below, 0.5 / usable.length), 1 - 0.5 / usable.length);
        double bias = STANDARD_NORMAL.inverseCumulativeProbability(below);
        double tail = (1 - level) / 2;
        return new Interval(quantileType8(usable, adjusted(bias, acceleration, tail)),
                quantileType8(usable, adjusted(bias, acceleration, 1 - tail)), resamples, failed, acceleration);
    }

    private static double adjusted(double bias, double acceleration, double probability) {
        double z = bias + STANDARD_NORMAL.inverseCumulativeProbability(probability);
        return STANDARD_NORMAL.cumulativeProbability(bias + z / (1 - acceleration * z));
    }

    private static double acceleration(int[] cells, long[] counts, double[] jackknife) {
        double weightSum = 0;
        double mean = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Double.isFinite(jackknife[i])) {
                mean += counts[cells[i]] * jackknife[i];
                weightSum += counts[cells[i]];
            }
        }
        mean /= weightSum;
        double squares = 0;
        double cubes = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Double.isFinite(jackknife[i])) {
                double residual = mean - jackknife[i];
                squares += counts[cells[i]] * residual * residual;
                cubes += counts[cells[i]] * residual * residual * residual;
            }
        }
        return squares > 0 ? cubes / (6 * Math.pow(squares, 1.5)) : 0;
    }

    /** R's quantile type 8 (median-unbiased), which SparseMSE's bcaconfvalues uses. */
    static double quantileType8(double[] sorted, double probability) {
        int n = sorted.length;
        double h = (n + 1.0 / 3) * probability + 1.0 / 3;
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1];
        }
        int j = (int) Math.floor(h);
        return sorted[j - 1] + (h - j) * (sorted[j] - sorted[j - 1]);
    }
}
