package org.nomina.engine.claims;

import java.util.Locale;
import java.util.Optional;

/** Who, within a category, a figure counts; a figure about everyone has none. */
public enum Subgroup {
    CHILDREN, WOMEN, MEN, ELDERLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Subgroup> fromLabel(String label) {
        for (Subgroup s : values()) {
            if (s.label().equals(label)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
