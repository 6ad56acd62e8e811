package org.nomina.engine.estimation;

/** Where a result's lower and upper bounds come from. */
public enum IntervalKind {
    /** Profile likelihood of the total for the chosen model (Rcapture); ignores model-selection uncertainty. */
    PROFILE,
    /** Bias-corrected and accelerated bootstrap, repeating model selection in every resample (SparseMSE). */
    BOOTSTRAP_BCA,
    /** Equal-tailed posterior credible interval (LCMCR, model averaging, and strata pooled by summing their posterior draws). */
    CREDIBLE,
    /** Strata combined: sum of estimates ± z·√(sum of squared standard errors), normal approximation. */
    NORMAL_SUM
}
