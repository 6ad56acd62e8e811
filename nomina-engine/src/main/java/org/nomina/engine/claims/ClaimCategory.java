package org.nomina.engine.claims;

import java.util.Locale;
import java.util.Optional;

/** What a figure counts. The names are the contract's words (README, {@code claims --json}). */
public enum ClaimCategory {
    KILLED, INJURED, MISSING, HOSTAGE, RELEASED, REMAINS_IDENTIFIED, DISPLACED, POPULATION, FAMILIES_DESTROYED,
    ORPHANED_ONE_PARENT, ORPHANED_BOTH_PARENTS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ClaimCategory> fromLabel(String label) {
        for (ClaimCategory c : values()) {
            if (c.label().equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
