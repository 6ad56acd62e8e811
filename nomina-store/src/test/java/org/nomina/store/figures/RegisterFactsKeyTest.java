package org.nomina.store.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RegisterFactsKeyTest {

    /** The definition the fast fold replaced: stripped, lower case, every run of \s one space. */
    private static String byRegex(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    @Test
    void shouldFoldNamesAsTheRegularExpressionDid() {
        List<String> names = List.of("", " ", "Vaqif", "  Məmməd   Vaqif oğlu ", "ƏLİYEV\tƏli", "a \t\n b", "a\u000Bb", "a\fb\r\nc",
                "x\u00A0y", "Иванов  Иван", " trailing\t", "single space", "a  ", "\u2003em\u2003space\u2003");
        for (String n : names) {
            assertThat(RegisterFacts.key(n)).as("key of [%s]", n).isEqualTo(byRegex(n));
        }
    }
}
