package org.nomina.engine.estimation;

/**
 * Root of the estimation package's unchecked exceptions. A refusal to estimate is not an exception
 * (see {@link EstimationRefusal}); exceptions here mean the caller handed over input we cannot read.
 */
public class EstimationException extends RuntimeException {
    public EstimationException(String message) {
        super(message);
    }

    public EstimationException(String message, Throwable cause) {
        super(message, cause);
    }
}
