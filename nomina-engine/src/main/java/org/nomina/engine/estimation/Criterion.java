package org.nomina.engine.estimation;

/** Information criterion used to rank log-linear models; smaller is better. */
public enum Criterion {
    /** Akaike: −2 log L + 2 p. */
    AIC,
    /** Schwarz: −2 log L + p log n, with n the number of people observed (as Rcapture does). */
    BIC;

    double value(double logLikelihood, int parameters, long observed) {
        return switch (this) {
            case AIC -> -2 * logLikelihood + 2.0 * parameters;
            case BIC -> -2 * logLikelihood + parameters * Math.log(observed);
        };
    }
}
