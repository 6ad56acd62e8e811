package org.nomina.engine.estimation;

/**
 * The chosen log-linear model.
 *
 * @param notation    Rcapture notation, e.g. {@code [123,14,34]} (lists numbered from 1 in table order)
 * @param description the same in plain words, e.g. "lists 1, 2 and 3 interact; 1 with 4; 3 with 4"
 */
public record ModelDescription(String notation, String description) {
    static ModelDescription of(LogLinearModel model) {
        return new ModelDescription(model.notation(), model.description());
    }
}
