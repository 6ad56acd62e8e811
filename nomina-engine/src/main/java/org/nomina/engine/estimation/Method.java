package org.nomina.engine.estimation;

import java.util.Locale;

/** How the number of unrecorded people is estimated. */
public enum Method {
    /** Every hierarchical log-linear model (K ≤ 4) ranked by AIC or BIC, as Rcapture's closedpMS.t. */
    LOGLINEAR,
    /** Forward stepwise selection of two-list interactions, as SparseMSE (Chan, Silverman and Vincent 2019). */
    STEPWISE,
    /** Bayesian latent-class model with a Dirichlet-process mixture of independent lists (Manrique-Vallier 2016). */
    LCMCR,
    /**
     * Bayesian model averaging over decomposable graphical log-linear models (Madigan and York 1997; the R
     * package dga HRDAG uses): the interval carries the uncertainty of which lists depend on which.
     */
    BMA;

    /** Lower-case name used in results and on the command line: "loglinear", "stepwise", "lcmcr", "bma". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
