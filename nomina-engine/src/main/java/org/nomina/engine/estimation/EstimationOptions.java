package org.nomina.engine.estimation;

import java.util.Optional;

/**
 * Settings for {@link Estimators}; validated once on construction. Start from {@link #defaults()} and
 * change with the {@code with…} methods.
 *
 * @param level              interval coverage, in (0, 1); default 0.95
 * @param interval           interval to compute; empty = the method's own (log-linear: profile,
 *                           stepwise: BCa bootstrap, LCMCR: credible)
 * @param bootstrapResamples resamples for BCa intervals; default 1,000
 * @param seed               seed for bootstrap and sampler, so runs are reproducible
 * @param stepwiseThreshold  p-value below which stepwise selection adds an interaction; default 0.02 (SparseMSE)
 * @param latentClasses      truncation K* of the LCMCR stick-breaking prior; default 10
 * @param burnIn             LCMCR iterations discarded; default 2,000
 * @param samples            LCMCR iterations kept; default 10,000
 */
public record EstimationOptions(double level, Optional<IntervalKind> interval, int bootstrapResamples, long seed,
        double stepwiseThreshold, int latentClasses, int burnIn, int samples) {

    public EstimationOptions {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be between 0 and 1 (e.g. 0.95), got " + level);
        }
        if (bootstrapResamples < 50) {
            throw new IllegalArgumentException("bootstrapResamples cannot be less than 50, got " + bootstrapResamples);
        }
        if (!(stepwiseThreshold >= 0 && stepwiseThreshold <= 1)) {
            throw new IllegalArgumentException("stepwiseThreshold must be a p-value in [0, 1], got " + stepwiseThreshold);
        }
        if (latentClasses < 1) {
            throw new IllegalArgumentException("latentClasses cannot be less than 1, got " + latentClasses);
        }
        if (burnIn < 0 || samples < 100) {
            throw new IllegalArgumentException("burnIn cannot be negative and samples cannot be less than 100, got " + burnIn + " and " + samples);
        }
        if (interval.filter(kind -> kind == IntervalKind.NORMAL_SUM).isPresent()) {
            throw new IllegalArgumentException("interval NORMAL_SUM is only used to combine strata, not chosen");
        }
    }

    public static EstimationOptions defaults() {
        return new EstimationOptions(0.95, Optional.empty(), 1000, 20_240_601L, 0.02, 10, 2000, 10_000);
    }

    public EstimationOptions withLevel(double newLevel) {
        return new EstimationOptions(newLevel, interval, bootstrapResamples, seed, stepwiseThreshold, latentClasses, burnIn, samples);
    }

    public EstimationOptions withInterval(IntervalKind kind) {
        return new EstimationOptions(level, Optional.of(kind), bootstrapResamples, seed, stepwiseThreshold, latentClasses, burnIn, samples);
    }

    public EstimationOptions withBootstrapResamples(int resamples) {
        return new EstimationOptions(level, interval, resamples, seed, stepwiseThreshold, latentClasses, burnIn, samples);
    }

    public EstimationOptions withSeed(long newSeed) {
        return new EstimationOptions(level, interval, bootstrapResamples, newSeed, stepwiseThreshold, latentClasses, burnIn, samples);
    }

    public EstimationOptions withStepwiseThreshold(double threshold) {
        return new EstimationOptions(level, interval, bootstrapResamples, seed, threshold, latentClasses, burnIn, samples);
    }

    public EstimationOptions withSampler(int classes, int newBurnIn, int newSamples) {
        return new EstimationOptions(level, interval, bootstrapResamples, seed, stepwiseThreshold, classes, newBurnIn, newSamples);
    }
}
