package org.nomina.engine.estimation;

import java.util.List;

/**
 * The data cannot support an estimate; {@code reason} says why in words a casualty recorder understands,
 * e.g. "list "HRW" shares nobody with any other list, so nothing tells how many people it missed".
 */
public record EstimationRefusal(String reason, long observed, List<String> warnings) implements EstimationOutcome {
    public EstimationRefusal {
        warnings = List.copyOf(warnings);
    }
}
