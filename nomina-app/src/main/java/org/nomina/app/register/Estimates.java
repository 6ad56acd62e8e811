package org.nomina.app.register;

import org.nomina.engine.estimation.Criterion;
import org.nomina.engine.estimation.EstimationOptions;
import org.nomina.engine.estimation.IntervalKind;
import org.nomina.engine.estimation.Method;

/**
 * The estimate's defaults, shared by {@code nomina estimate}, the dashboard and {@code nomina report} so
 * that all three give the same figure for the same persons.
 */
public final class Estimates {
    /** The method chosen by the coverage study (bench/coverage.sh; README, "Estimate"). */
    public static final Method DEFAULT_METHOD = Method.LCMCR;
    public static final long DEFAULT_SEED = 20020101L;
    public static final Criterion DEFAULT_CRITERION = Criterion.BIC;

    private Estimates() {
    }

    /** The default method for a table of {@code lists} lists: two lists allow only the independence model, so they get the log-linear one. */
    public static Method defaultMethod(int lists) {
        return lists < 3 ? Method.LOGLINEAR : DEFAULT_METHOD;
    }

    /** {@code nomina estimate}'s options when none is given. */
    public static EstimationOptions defaultOptions() {
        return EstimationOptions.defaults().withSeed(DEFAULT_SEED);
    }

    /** The interval's kind in words, as a sentence continues after it. */
    public static String intervalWords(IntervalKind kind) {
        return switch (kind) {
            case PROFILE -> "profile-likelihood interval";
            case BOOTSTRAP_BCA -> "bootstrap (BCa) interval, model choice repeated in each resample,";
            case CREDIBLE -> "credible interval";
            case NORMAL_SUM -> "interval (strata combined, normal approximation)";
        };
    }

    /** The method in words. */
    public static String methodWords(Method m) {
        return switch (m) {
            case LOGLINEAR -> "log-linear models, all hierarchical models compared";
            case STEPWISE -> "stepwise log-linear (Chan, Silverman & Vincent)";
            case LCMCR -> "Bayesian latent-class model (LCMCR)";
            case BMA -> "Bayesian model averaging over decomposable log-linear models (Madigan & York)";
        };
    }
}
