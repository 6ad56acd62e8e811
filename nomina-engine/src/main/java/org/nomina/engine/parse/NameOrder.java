package org.nomina.engine.parse;

import java.util.Locale;
import java.util.Optional;

/** How a list writes full names: {@code surname_first} ("Мамедов Али"), {@code given_first} ("Ali Mamedov"), or guessed per name. */
public enum NameOrder {
    SURNAME_FIRST, GIVEN_FIRST, AUTO;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NameOrder> fromWord(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "surname_first" -> Optional.of(SURNAME_FIRST);
            case "given_first" -> Optional.of(GIVEN_FIRST);
            case "auto" -> Optional.of(AUTO);
            default -> Optional.empty();
        };
    }
}
