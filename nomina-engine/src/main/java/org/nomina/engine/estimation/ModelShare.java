package org.nomina.engine.estimation;

/**
 * One model's part in a model-averaged estimate.
 *
 * @param notation    Rcapture notation of the decomposable model, e.g. {@code [123,34]}
 * @param description the same in plain words
 * @param probability the model's posterior probability
 * @param estimate    posterior median of the total under this model alone
 */
public record ModelShare(String notation, String description, double probability, double estimate) {
}
