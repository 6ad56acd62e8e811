package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;

/**
 * Multiple systems estimation: the one entry point for the command line and the web application.
 * Stateless and thread-safe.
 */
public final class Estimators {
    private Estimators() {
    }

    /**
     * Estimates the total number of people, recorded and unrecorded, from one capture-history table.
     *
     * @param criterion ranks models for {@link Method#LOGLINEAR}; reported (not used to choose) for
     *                  {@link Method#STEPWISE}; ignored by {@link Method#LCMCR}
     * @return an {@link EstimationResult}, or an {@link EstimationRefusal} saying why the data cannot support one
     */
    public static EstimationOutcome estimate(CaptureHistories data, Method method, Criterion criterion, EstimationOptions options) {
        Optional<String> refusal = reasonToRefuse(data, method);
        if (refusal.isPresent()) {
            return new EstimationRefusal(refusal.get(), data.observed(), List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (data.listCount() == 2) {
            warnings.add("With 2 lists only the independence (Lincoln–Petersen) model can be fitted; it assumes that being on one "
                    + "list does not make being on the other more or less likely, and the data cannot check that.");
        }
        return switch (method) {
            case LOGLINEAR, STEPWISE -> logLinear(data, method, criterion, options, warnings);
            case LCMCR -> latentClass(data, options, warnings);
        };
    }

    /**
     * Estimates each stratum separately and combines them: the total is the sum of the stratum estimates
     * and its interval is the sum ± z·√(sum of the strata's squared standard errors) (normal
     * approximation, strata independent), never below the number observed. Refused or empty strata are
     * listed with their reason; the combined figure is refused if any stratum with people in it is refused,
     * because leaving it out would present part of the total as the whole.
     */
    public static EstimationOutcome estimateByStratum(Map<String, CaptureHistories> strata, Method method, Criterion criterion,
            EstimationOptions options) {
        List<StratumOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long observed = 0;
        double estimate = 0;
        double variance = 0;
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, CaptureHistories> stratum : strata.entrySet()) {
            CaptureHistories data = stratum.getValue();
            observed += data.observed();
            if (data.observed() == 0) {
                String reason = "stratum \"" + stratum.getKey() + "\" is empty: no one is recorded in it";
                outcomes.add(new StratumOutcome(stratum.getKey(), new EstimationRefusal(reason, 0, List.of())));
                warnings.add(reason + "; it adds nothing to the total");
                continue;
            }
            EstimationOutcome outcome = estimate(data, method, criterion, options);
            outcomes.add(new StratumOutcome(stratum.getKey(), outcome));
            switch (outcome) {
                case EstimationResult result -> {
                    estimate += result.estimate();
                    variance += Math.pow(result.standardError().orElse(Double.NaN), 2);
                    result.warnings().forEach(warning -> warnings.add("stratum \"" + stratum.getKey() + "\": " + warning));
                }
                case EstimationRefusal refusal -> refused.add("stratum \"" + stratum.getKey() + "\": " + refusal.reason());
            }
        }
        if (strata.isEmpty()) {
            return new EstimationRefusal("there are no strata to estimate", 0, warnings);
        }
        if (!refused.isEmpty()) {
            return new EstimationRefusal("the total cannot be estimated because some strata cannot: " + String.join("; ", refused),
                    observed, warnings);
        }
        if (!Double.isFinite(variance)) {
            return new EstimationRefusal("a stratum has no standard error, so the strata cannot be combined", observed, warnings);
        }
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - options.level()) / 2);
        double standardError = Math.sqrt(variance);
        warnings.add("The interval combines the strata by summing their variances (normal approximation); "
                + "it does not include uncertainty from choosing each stratum's model.");
        return new EstimationResult(observed, estimate, Math.max(observed, estimate - z * standardError), estimate + z * standardError,
                options.level(), IntervalKind.NORMAL_SUM, OptionalDouble.of(standardError), method, Optional.empty(), Optional.empty(),
                warnings, outcomes);
    }

    /** Why these data cannot support any estimate, if they cannot. */
    static Optional<String> reasonToRefuse(CaptureHistories data, Method method) {
        if (data.observed() == 0) {
            return Optional.of("no one is recorded on any list, so there is nothing to estimate from");
        }
        List<String> names = data.listNames();
        for (int list = 0; list < data.listCount(); list++) {
            long onList = data.recordedByAll(1 << list);
            if (onList == 0) {
                return Optional.of("list \"" + names.get(list) + "\" records nobody; remove it and estimate from the others");
            }
            if (data.count(1 << list) == onList) {
                return Optional.of("list \"" + names.get(list) + "\" shares nobody with any other list, so nothing tells how many people it missed");
            }
        }
        if (method == Method.LCMCR && data.listCount() < 3) {
            return Optional.of("the latent-class model needs at least 3 lists; with 2 lists only the independence "
                    + "(Lincoln–Petersen) model can be fitted, use the log-linear method");
        }
        return Optional.empty();
    }

    private static EstimationOutcome logLinear(CaptureHistories data, Method method, Criterion criterion, EstimationOptions options,
            List<String> warnings) {
        Method used = method;
        if (method == Method.LOGLINEAR && data.listCount() > 4) {
            used = Method.STEPWISE;
            warnings.add("With " + data.listCount() + " lists there are too many hierarchical models to try them all; "
                    + "the stepwise method (Chan, Silverman and Vincent) was used instead.");
        }
        Function<CaptureHistories, ModelSelection.Selection> selector = selector(used, criterion, options);
        ModelSelection.Selection selection;
        try {
            selection = selector.apply(data);
        } catch (ModelRejectedException e) {
            return new EstimationRefusal("no log-linear model can be fitted: " + e.getMessage(), data.observed(), warnings);
        }
        LogLinearFit fit = selection.fit();
        if (selection.modelsRejected() > 0) {
            warnings.add(selection.modelsRejected() + " of " + selection.modelsConsidered() + " models were left out because the data "
                    + "cannot determine them (lists that share nobody, or zero cells that push a parameter to infinity).");
        }
        if (!fit.emptyTerms().isEmpty()) {
            warnings.add("The model treats lists that share nobody as never overlapping ("
                    + fit.emptyTerms().stream().map(term -> LogLinearModel.listsOf(term).toString()).toList() + ").");
        }
        IntervalKind kind = options.interval().orElse(used == Method.STEPWISE ? IntervalKind.BOOTSTRAP_BCA : IntervalKind.PROFILE);
        double estimate = fit.estimate();
        ProfileLikelihood.Bounds bounds = switch (kind) {
            case PROFILE -> {
                warnings.add("The profile-likelihood interval is for the chosen model only; it does not include the uncertainty of choosing it.");
                try {
                    yield ProfileLikelihood.interval(fit, options.level());
                } catch (ModelRejectedException | MathIllegalStateException | MathIllegalArgumentException e) {
                    yield new ProfileLikelihood.Bounds(Double.NaN, Double.NaN);
                }
            }
            case BOOTSTRAP_BCA -> {
                Bootstrap.Interval interval = Bootstrap.bca(data, sample -> {
                    try {
                        return OptionalDouble.of(selector.apply(sample).fit().estimate());
                    } catch (ModelRejectedException e) {
                        return OptionalDouble.empty();
                    }
                }, estimate, options.bootstrapResamples(), options.seed(), options.level());
                if (interval.failed() > 0) {
                    warnings.add(interval.failed() + " of " + interval.resamples() + " bootstrap resamples could not be estimated and were left out.");
                }
                yield new ProfileLikelihood.Bounds(interval.lower(), interval.upper());
            }
            case CREDIBLE, NORMAL_SUM -> throw new IllegalArgumentException(kind + " intervals are not available for log-linear models");
        };
        if (Double.isNaN(bounds.lower())) {
            return new EstimationRefusal(kind == IntervalKind.PROFILE
                    ? "the chosen model " + fit.model().notation() + " gives " + Math.round(estimate) + " but its profile likelihood "
                            + "cannot be computed, so no interval can be given; the data are too sparse for this model"
                    : "the bootstrap failed: almost no resample could be estimated", data.observed(), warnings);
        }
        double lower = Math.min(bounds.lower(), estimate);
        double upper = Math.max(bounds.upper(), estimate);
        return new EstimationResult(data.observed(), estimate, Math.max(lower, data.observed()), upper, options.level(), kind,
                OptionalDouble.of(fit.standardError()), used, Optional.of(ModelDescription.of(fit.model())),
                selection.criterionValue().map(value -> new CriterionValue(criterion, value)), warnings, List.of());
    }

    private static Function<CaptureHistories, ModelSelection.Selection> selector(Method method, Criterion criterion, EstimationOptions options) {
        return switch (method) {
            case LOGLINEAR -> sample -> ModelSelection.bestHierarchical(sample, criterion);
            case STEPWISE -> sample -> ModelSelection.stepwise(sample, options.stepwiseThreshold(), criterion);
            case LCMCR -> throw new IllegalArgumentException("LCMCR has no log-linear model selection");
        };
    }

    private static EstimationOutcome latentClass(CaptureHistories data, EstimationOptions options, List<String> warnings) {
        if (options.interval().filter(kind -> kind != IntervalKind.CREDIBLE).isPresent()) {
            throw new IllegalArgumentException("LCMCR reports a posterior credible interval, not " + options.interval().get());
        }
        LatentClassSampler.Posterior posterior = LatentClassSampler.run(data, options.latentClasses(), options.burnIn(), options.samples(),
                options.seed());
        double tail = (1 - options.level()) / 2;
        double median = posterior.quantile(0.5);
        warnings.add("LCMCR: posterior median and " + Math.round(options.level() * 100) + "% credible interval from "
                + options.samples() + " draws after " + options.burnIn() + " burn-in, " + options.latentClasses() + " latent classes.");
        return new EstimationResult(data.observed(), median, posterior.quantile(tail), posterior.quantile(1 - tail), options.level(),
                IntervalKind.CREDIBLE, OptionalDouble.of(posterior.standardDeviation()), Method.LCMCR, Optional.empty(), Optional.empty(),
                warnings, List.of());
    }
}
