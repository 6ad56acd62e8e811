package org.nomina.engine.claims;

import java.util.Locale;
import java.util.Optional;

/**
 * How a source qualifies its figure. {@code VAGUE} is a quantity such as "dozens" or "hundreds" for
 * which no number can honestly be given: the claim is kept, with no count.
 */
public enum Qualifier {
    EXACT, AT_LEAST, MORE_THAN, ABOUT, AT_MOST, LESS_THAN, RANGE, VAGUE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Qualifier> fromLabel(String label) {
        for (Qualifier q : values()) {
            if (q.label().equals(label)) {
                return Optional.of(q);
            }
        }
        return Optional.empty();
    }
}
