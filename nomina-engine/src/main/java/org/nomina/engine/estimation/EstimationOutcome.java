package org.nomina.engine.estimation;

import java.util.List;

/** Either an estimate or a refusal to estimate, with the reason in plain words. */
public sealed interface EstimationOutcome permits EstimationResult, EstimationRefusal {
    /** People recorded by at least one list. */
    long observed();

    /** Caveats a reader of the figure must see (assumptions that cannot be checked, failed resamples, …). */
    List<String> warnings();
}
