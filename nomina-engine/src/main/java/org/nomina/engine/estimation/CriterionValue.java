package org.nomina.engine.estimation;

/** The information criterion of the chosen model, −2 log L + penalty with the full Poisson log-likelihood. */
public record CriterionValue(Criterion criterion, double value) {
}
