package org.nomina.engine.parse;

import java.util.Optional;
import org.nomina.engine.domain.Sex;

/**
 * A personal name split into its parts. Parts that are not known are empty strings, never null.
 *
 * @param surname      family name, e.g. {@code Мамедов}
 * @param givenName    given name(s), e.g. {@code Али}
 * @param patronymic   father's name with its marker as written, e.g. {@code Гусейн оглы}, {@code Алиевич}
 * @param sexFromName  the sex a patronymic or a gendered surname ending implies, when it does
 */
public record ParsedName(String surname, String givenName, String patronymic, Optional<Sex> sexFromName) {
    public ParsedName {
        if (surname == null || givenName == null || patronymic == null || sexFromName == null) {
            throw new IllegalArgumentException("name parts are never null; use empty strings");
        }
    }

    public boolean isEmpty() {
        return surname.isEmpty() && givenName.isEmpty() && patronymic.isEmpty();
    }
}
