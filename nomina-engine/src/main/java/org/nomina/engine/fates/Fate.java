package org.nomina.engine.fates;

import java.util.Locale;

/**
 * A person's current fate in an incident as the rules of {@link FateRules} decide it from their history.
 * {@code MISSING} is every unresolved case: hostages not released and the missing not found.
 */
public enum Fate {
    NONE, KILLED, REMAINS_IDENTIFIED, MISSING, RELEASED, CONFLICT;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Killed, or killed and identified by their remains. */
    public boolean isDeath() {
        return this == KILLED || this == REMAINS_IDENTIFIED;
    }
}
