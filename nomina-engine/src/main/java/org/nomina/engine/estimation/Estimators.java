package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
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
            case BMA -> averaged(data, options, warnings);
        };
    }

    /** What every estimate from lists rests on, whatever the method. */
    static final List<String> ASSUMPTIONS = List.of(
            "Closed population: the people counted are one fixed group over the period all lists cover (no one joins or leaves "
                    + "it between lists).",
            "Perfect linkage: each person is one row of the capture histories; records of one person on several lists were joined, "
                    + "and records of different people were not. Missed links inflate the estimate, false links deflate it.",
            "Every list could have recorded anyone: no list records only the dead of one kind (only one place, one way of dying, "
                    + "one group), since people it could never record look to the model like people every list missed.");

    private static List<String> assumptions(Method method) {
        List<String> all = new ArrayList<>(ASSUMPTIONS);
        all.add(switch (method) {
            case LOGLINEAR, STEPWISE -> "The chosen log-linear model describes how the lists depend on each other; the interval does "
                    + "not include the uncertainty of choosing it unless it is a bootstrap that repeats the choice.";
            case LCMCR -> "Within each of a few latent groups of people the lists record independently of each other; the groups "
                    + "may differ in how likely each list is to record them (heterogeneity).";
            case BMA -> "How the lists depend on each other is one of the decomposable graphical log-linear models; the interval "
                    + "averages over them by their posterior probability.";
        });
        return List.copyOf(all);
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
        List<String> warnings = new ArrayList<>();
        strata = mergeSmallUnestimable(strata, method, warnings);
        List<StratumOutcome> outcomes = new ArrayList<>();
        long observed = 0;
        double estimate = 0;
        double variance = 0;
        List<String> refused = new ArrayList<>();
        List<Draws> draws = new ArrayList<>();
        for (Map.Entry<String, CaptureHistories> stratum : strata.entrySet()) {
            CaptureHistories data = stratum.getValue();
            observed += data.observed();
            if (data.observed() == 0) {
                String reason = "stratum \"" + stratum.getKey() + "\" is empty: no one is recorded in it";
                outcomes.add(new StratumOutcome(stratum.getKey(), new EstimationRefusal(reason, 0, List.of())));
                warnings.add(reason + "; it adds nothing to the total");
                continue;
            }
            CaptureHistories reached = data.withoutEmptyLists();
            if (reached != data) {
                List<String> absent = data.listNames().stream().filter(name -> !reached.listNames().contains(name)).toList();
                warnings.add("stratum \"" + stratum.getKey() + "\": " + String.join(", ", absent) + " records nobody in it, so it is "
                        + "estimated from the other " + reached.listCount() + " lists");
            }
            EstimationOutcome outcome = estimate(reached, method, criterion, options);
            outcomes.add(new StratumOutcome(stratum.getKey(), outcome));
            switch (outcome) {
                case EstimationResult result -> {
                    estimate += result.estimate();
                    variance += Math.pow(result.standardError().orElse(Double.NaN), 2);
                    result.draws().ifPresent(draws::add);
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
        long estimated = outcomes.stream().filter(o -> o.outcome() instanceof EstimationResult).count();
        if (draws.size() == estimated) {
            return pooledDraws(observed, draws, method, options, warnings, outcomes);
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
                warnings, outcomes, assumptions(method), Optional.empty(), List.of(), Optional.empty());
    }

    /** A stratum this small a share of the recorded people may join the largest stratum when it cannot be estimated alone. */
    static final double MERGEABLE_SHARE = 0.05;

    /**
     * Strata that cannot be estimated on their own (e.g. the few people of unknown sex, whom one list
     * alone records) and hold under {@value #MERGEABLE_SHARE} of the recorded people are estimated with
     * the largest stratum, so that no recorded person is dropped from the total; larger ones are kept,
     * and refuse the total, because their people would bend another stratum's model.
     */
    private static Map<String, CaptureHistories> mergeSmallUnestimable(Map<String, CaptureHistories> strata, Method method,
            List<String> warnings) {
        long observed = strata.values().stream().mapToLong(CaptureHistories::observed).sum();
        String largest = strata.entrySet().stream().max(java.util.Comparator.comparingLong(e -> e.getValue().observed()))
                .map(Map.Entry::getKey).orElse(null);
        if (largest == null) {
            return strata;
        }
        Map<String, CaptureHistories> kept = new java.util.LinkedHashMap<>();
        CaptureHistories target = strata.get(largest);
        for (Map.Entry<String, CaptureHistories> stratum : strata.entrySet()) {
            CaptureHistories data = stratum.getValue();
            Optional<String> reason = data.observed() == 0 ? Optional.empty() : reasonToRefuse(data.withoutEmptyLists(), method);
            if (!stratum.getKey().equals(largest) && reason.isPresent() && data.observed() < MERGEABLE_SHARE * observed) {
                target = target.plus(data);
                warnings.add("stratum \"" + stratum.getKey() + "\" (" + data.observed() + " recorded) cannot be estimated on its own ("
                        + reason.get() + "); its people are estimated with stratum \"" + largest + "\"");
            } else {
                kept.put(stratum.getKey(), data);
            }
        }
        kept.put(largest, target);
        Map<String, CaptureHistories> ordered = new java.util.LinkedHashMap<>();
        strata.keySet().stream().filter(kept::containsKey).forEach(key -> ordered.put(key, kept.get(key)));
        return ordered;
    }

    /**
     * HRDAG's pooling of strata: each draw of the total is the sum of one draw from each stratum's
     * posterior, taken independently; the total is their median and the interval their quantiles.
     */
    private static EstimationResult pooledDraws(long observed, List<Draws> draws, Method method, EstimationOptions options,
            List<String> warnings, List<StratumOutcome> outcomes) {
        int count = draws.stream().mapToInt(Draws::size).max().orElse(0);
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] totals = new double[count];
        for (Draws stratum : draws) {
            for (int d = 0; d < count; d++) {
                totals[d] += stratum.get(random.nextInt(stratum.size()));
            }
        }
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double tail = (1 - options.level()) / 2;
        double median = quantile(sorted, 0.5);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(sorted).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, sorted.length - 1));
        warnings.add("The strata are pooled as HRDAG does: each draw of the total adds one draw from each stratum's posterior, "
                + "so the interval carries every stratum's uncertainty.");
        return new EstimationResult(observed, median, Math.min(median, quantile(sorted, tail)), Math.max(median, quantile(sorted, 1 - tail)),
                options.level(), IntervalKind.CREDIBLE, OptionalDouble.of(sd), method, Optional.empty(), Optional.empty(), warnings, outcomes,
                assumptions(method), Optional.empty(), List.of(), Optional.of(new Draws(totals)));
    }

    /** R's default quantile (type 7) of sorted values. */
    static double quantile(double[] sorted, double probability) {
        double h = (sorted.length - 1) * probability;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
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
        if ((method == Method.LCMCR || method == Method.BMA) && data.listCount() < 3) {
            return Optional.of("the " + (method == Method.LCMCR ? "latent-class model" : "model averaging") + " needs at least 3 lists; "
                    + "with 2 lists only the independence (Lincoln–Petersen) model can be fitted, use the log-linear method");
        }
        if (method == Method.BMA && data.listCount() > ModelAveraging.MAX_LISTS) {
            return Optional.of("model averaging over decomposable graphs handles at most " + ModelAveraging.MAX_LISTS + " lists (beyond, "
                    + "there are too many graphs to enumerate); use --method lcmcr or stepwise");
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
                selection.criterionValue().map(value -> new CriterionValue(criterion, value)), warnings, List.of(), assumptions(used),
                Optional.empty(), List.of(), Optional.empty());
    }

    private static Function<CaptureHistories, ModelSelection.Selection> selector(Method method, Criterion criterion, EstimationOptions options) {
        return switch (method) {
            case LOGLINEAR -> sample -> ModelSelection.bestHierarchical(sample, criterion);
            case STEPWISE -> sample -> ModelSelection.stepwise(sample, options.stepwiseThreshold(), criterion);
            case LCMCR, BMA -> throw new IllegalArgumentException(method + " has no log-linear model selection");
        };
    }

    private static EstimationOutcome latentClass(CaptureHistories data, EstimationOptions options, List<String> warnings) {
        if (options.interval().filter(kind -> kind != IntervalKind.CREDIBLE).isPresent()) {
            throw new IllegalArgumentException("LCMCR reports a posterior credible interval, not " + options.interval().get());
        }
        LatentClassSampler.Posterior posterior = LatentClassSampler.run(data, options.latentClasses(), options.chains(), options.burnIn(),
                options.iterations(), options.thin(), options.seed());
        Convergence convergence = posterior.convergence();
        double tail = (1 - options.level()) / 2;
        double median = posterior.quantile(0.5);
        warnings.add(String.format(Locale.ROOT, "LCMCR: posterior median and %d%% credible interval from %d chains, each %d warm-up and "
                + "%d burn-in sweeps then %d sweeps kept every %d-th; %d latent classes; split-R-hat %.3f, "
                + "effective sample size %.0f%s.", Math.round(options.level() * 100), options.chains(), LatentClassSampler.WARM_UP,
                options.burnIn(), options.iterations(), options.thin(), options.latentClasses(), convergence.rHat(),
                convergence.effectiveSampleSize(), convergence.converged() ? " (the chains agree)" : " (see the next note)"));
        if (convergence.rHat() > Convergence.R_HAT_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "The LCMCR chains have NOT converged: split-R-hat is %.3f, above %.2f, so the chains "
                    + "disagree and the figure may move with the seed. Run longer (--burn-in, --iterations) or with more chains.",
                    convergence.rHat(), Convergence.R_HAT_LIMIT));
        }
        if (convergence.effectiveSampleSize() < Convergence.ESS_LIMIT) {
            warnings.add(String.format(Locale.ROOT, "The LCMCR draws of the total are worth only %.0f independent draws (fewer than %.0f), "
                    + "so the interval's ends are uncertain. Run longer (--iterations) or with more chains.",
                    convergence.effectiveSampleSize(), Convergence.ESS_LIMIT));
        }
        double[] draws = Arrays.stream(posterior.chains()).flatMapToDouble(Arrays::stream).toArray();
        return new EstimationResult(data.observed(), median, posterior.quantile(tail), posterior.quantile(1 - tail), options.level(),
                IntervalKind.CREDIBLE, OptionalDouble.of(posterior.standardDeviation()), Method.LCMCR, Optional.empty(), Optional.empty(),
                warnings, List.of(), assumptions(Method.LCMCR), Optional.of(convergence), List.of(), Optional.of(new Draws(draws)));
    }

    /** How many draws of the total a model-averaged estimate keeps for pooling strata. */
    private static final int AVERAGED_DRAWS = 20_000;

    private static EstimationOutcome averaged(CaptureHistories data, EstimationOptions options, List<String> warnings) {
        if (options.interval().filter(kind -> kind != IntervalKind.CREDIBLE).isPresent()) {
            throw new IllegalArgumentException("model averaging reports a posterior credible interval, not " + options.interval().get());
        }
        ModelAveraging.Posterior posterior = ModelAveraging.run(data);
        double tail = (1 - options.level()) / 2;
        double median = posterior.quantile(0.5);
        List<ModelShare> shares = posterior.models().stream().limit(5)
                .map(share -> new ModelShare(share.model().notation(), share.model().description(), share.probability(), share.medianTotal()))
                .toList();
        warnings.add(String.format(Locale.ROOT, "Model averaging: posterior median and %d%% credible interval over %d decomposable models; "
                + "the most probable, %s, has posterior probability %.2f.", Math.round(options.level() * 100),
                ModelAveraging.decomposableGraphCount(data.listCount()), shares.getFirst().notation(), shares.getFirst().probability()));
        return new EstimationResult(data.observed(), median, Math.min(median, posterior.quantile(tail)),
                Math.max(median, posterior.quantile(1 - tail)), options.level(), IntervalKind.CREDIBLE,
                OptionalDouble.of(posterior.standardDeviation()), Method.BMA, Optional.empty(), Optional.empty(), warnings, List.of(),
                assumptions(Method.BMA), Optional.empty(), shares, Optional.of(new Draws(posterior.draws(AVERAGED_DRAWS, options.seed()))));
    }
}
