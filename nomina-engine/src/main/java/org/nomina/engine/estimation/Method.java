package org.nomina.engine.estimation;

import java.util.Locale;

/** How the number of unrecorded people is estimated. */
public enum Method {
    /** Every hierarchical log-linear model (K ≤ 4) ranked by AIC or BIC, as Rcapture's closedpMS.t. */
    LOGLINEAR,
    /** Forward stepwise selection of two-list interactions, as SparseMSE (Chan, Silverman and Vincent 2019). */
    STEPWISE,
    /** Bayesian latent-class model with a Dirichlet-process mixture of independent lists (Manrique-Vallier 2016). */
    LCMCR;

    /** Lower-case name used in results and on the command line: "loglinear", "stepwise", "lcmcr". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
