package org.nomina.engine.estimation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An estimate of the total number of people (recorded and unrecorded) with its interval.
 *
 * @param observed      people recorded by at least one list
 * @param estimate      estimated total, observed included
 * @param lower         lower bound of the interval (never below {@code observed})
 * @param upper         upper bound; +∞ when the data do not bound it
 * @param level         coverage of the interval, e.g. 0.95
 * @param intervalKind  how the interval was computed
 * @param standardError of the total: delta method from the Poisson fit (log-linear), posterior standard
 *                      deviation (LCMCR), root of summed variances (strata)
 * @param method        the method used
 * @param model         the chosen log-linear model; empty for LCMCR and for combined strata
 * @param criterion     the criterion value of the chosen model, when a criterion was used
 * @param warnings      caveats to show with the figure
 * @param strata        per-stratum outcomes when the estimate combines strata, otherwise empty
 * @param assumptions   what the figure rests on, in plain words (closed population, perfect linkage, …)
 * @param convergence   split-R̂ and effective sample size of the sampler's chains (LCMCR), else empty
 * @param models        model-averaged estimates: the models carrying most of the posterior, most probable first
 * @param draws         draws of the total from its posterior (Bayesian methods), used to pool strata
 */
public record EstimationResult(long observed, double estimate, double lower, double upper, double level,
        IntervalKind intervalKind, OptionalDouble standardError, Method method, Optional<ModelDescription> model,
        Optional<CriterionValue> criterion, List<String> warnings, List<StratumOutcome> strata, List<String> assumptions,
        Optional<Convergence> convergence, List<ModelShare> models, Optional<Draws> draws) implements EstimationOutcome {

    public EstimationResult {
        warnings = List.copyOf(warnings);
        strata = List.copyOf(strata);
        assumptions = List.copyOf(assumptions);
        models = List.copyOf(models);
        if (!(lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] does not contain the estimate " + estimate);
        }
    }
}
