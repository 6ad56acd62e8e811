package org.nomina.engine.domain;

import java.util.Locale;
import java.util.Optional;

/** Canonical sex values of the victim schema. */
public enum Sex {
    MALE, FEMALE, UNKNOWN;

    /** The canonical lower-case word used in files and the database. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a canonical word ({@code male|female|unknown}); anything else is empty. */
    public static Optional<Sex> fromWord(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "male" -> Optional.of(MALE);
            case "female" -> Optional.of(FEMALE);
            case "unknown" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }
}
