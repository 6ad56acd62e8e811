package org.nomina.engine.fates;

import java.util.List;
import org.nomina.engine.domain.Status;

/**
 * The current fate, the rule that chose it, the statuses it rests on (for a conflict: both sides), and
 * what accompanies it: injured and displaced never replace a fate, and "ever hostage" or "ever released"
 * stay true after a later status.
 */
public record FateOutcome(Fate fate, String rule, List<StatusEvent> because, List<StatusEvent> history) {

    public FateOutcome {
        because = List.copyOf(because);
        history = List.copyOf(history);
    }

    /** Whether any status of the history is {@code status}. */
    public boolean ever(Status status) {
        return history.stream().anyMatch(e -> e.status() == status);
    }
}
