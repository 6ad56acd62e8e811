package org.nomina.engine.estimation;

/** A model the data cannot support (no finite or no unique maximum likelihood estimate); internal control flow. */
final class ModelRejectedException extends EstimationException {
    ModelRejectedException(String reason) {
        super(reason);
    }
}
