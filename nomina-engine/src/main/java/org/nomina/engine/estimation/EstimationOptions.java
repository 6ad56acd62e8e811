package org.nomina.engine.estimation;

import java.util.Optional;

/**
 * Settings for {@link Estimators}; validated once on construction. Start from {@link #defaults()} and
 * change with the {@code with…} methods.
 *
 * @param level              interval coverage, in (0, 1); default 0.95
 * @param interval           interval to compute; empty = the method's own (log-linear: profile,
 *                           stepwise: BCa bootstrap, LCMCR and model averaging: credible)
 * @param bootstrapResamples resamples for BCa intervals; default 1,000
 * @param seed               seed for bootstrap and sampler, so runs are reproducible
 * @param stepwiseThreshold  p-value below which stepwise selection adds an interaction; default 0.02 (SparseMSE)
 * @param latentClasses      truncation K* of the LCMCR stick-breaking prior; default 10
 * @param chains             LCMCR chains, each from its own random stream; default 4
 * @param burnIn             LCMCR sweeps discarded per chain after the {@value LatentClassSampler#WARM_UP} warm-up sweeps; default 10,000
 * @param iterations         LCMCR sweeps per chain after burn-in; default 100,000
 * @param thin               keep every thin-th of those sweeps; default 20 (so 5,000 draws per chain)
 */
public record EstimationOptions(double level, Optional<IntervalKind> interval, int bootstrapResamples, long seed,
        double stepwiseThreshold, int latentClasses, int chains, int burnIn, int iterations, int thin) {

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
        if (chains < 1 || burnIn < 0 || thin < 1) {
            throw new IllegalArgumentException("chains and thin must be at least 1 and burnIn cannot be negative, got "
                    + chains + ", " + thin + " and " + burnIn);
        }
        if (iterations / thin < 100) {
            throw new IllegalArgumentException("iterations / thin must keep at least 100 draws per chain, got " + iterations + " / " + thin);
        }
        if (interval.filter(kind -> kind == IntervalKind.NORMAL_SUM).isPresent()) {
            throw new IllegalArgumentException("interval NORMAL_SUM is only used to combine strata, not chosen");
        }
    }

    public static EstimationOptions defaults() {
        return new EstimationOptions(0.95, Optional.empty(), 1000, 20_240_601L, 0.02, 10, 4, 10_000, 100_000, 20);
    }

    public EstimationOptions withLevel(double newLevel) {
        return new EstimationOptions(newLevel, interval, bootstrapResamples, seed, stepwiseThreshold, latentClasses, chains, burnIn, iterations, thin);
    }

    public EstimationOptions withInterval(IntervalKind kind) {
        return new EstimationOptions(level, Optional.of(kind), bootstrapResamples, seed, stepwiseThreshold, latentClasses, chains, burnIn,
                iterations, thin);
    }

    public EstimationOptions withBootstrapResamples(int resamples) {
        return new EstimationOptions(level, interval, resamples, seed, stepwiseThreshold, latentClasses, chains, burnIn, iterations, thin);
    }

    public EstimationOptions withSeed(long newSeed) {
        return new EstimationOptions(level, interval, bootstrapResamples, newSeed, stepwiseThreshold, latentClasses, chains, burnIn, iterations, thin);
    }

    public EstimationOptions withStepwiseThreshold(double threshold) {
        return new EstimationOptions(level, interval, bootstrapResamples, seed, threshold, latentClasses, chains, burnIn, iterations, thin);
    }

    /** LCMCR: K* classes, and per chain the burn-in, the sweeps after it and the thinning. */
    public EstimationOptions withSampler(int classes, int newChains, int newBurnIn, int newIterations, int newThin) {
        return new EstimationOptions(level, interval, bootstrapResamples, seed, stepwiseThreshold, classes, newChains, newBurnIn, newIterations,
                newThin);
    }
}
