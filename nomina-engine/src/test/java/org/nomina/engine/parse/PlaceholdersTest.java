package org.nomina.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
    @ParameterizedTest
    @ValueSource(strings = {"N/A", "n/a", "-", "--", "—", "–", "xxx", "XXX", "ххх", "ХХХ", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "?", "???", "...", "…", "/", "неизвестно",
        "Неизвестно", "naməlum", "Naməlum", "unknown", "UNKNOWN", "не указано", "  Не  указано ", "н/д", "нет данных", "անհայտ"})
    void shouldTreatAsPlaceholder(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isTrue();
        assertThat(Placeholders.orEmpty(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ali", "Məmmədov", "Мамедов", "Xəlil", "X. Aliyev", "Nar", "Na", "1950?", "40", "Unknownov", "Ованесян"})
    void shouldKeepRealValues(String text) {
        assertThat(Placeholders.isPlaceholder(text)).as(text).isFalse();
        assertThat(Placeholders.orEmpty(" " + text + " ")).isEqualTo(text);
    }

    @Test
    void shouldNotCallBlankAPlaceholder() {
        assertThat(Placeholders.isPlaceholder("   ")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "не указано", "не  указано", "не\tуказано", " \t\n x  y\r\n", "a \u000B\fb", "  ", "\t", "a\u00A0 b", "нет   данных  "})
    void shouldCollapseWhitespaceAsTheRegexDid(String text) {
        assertThat(Placeholders.singleSpaced(text)).isEqualTo(text.replaceAll("\\s+", " "));
    }

    @Test
    void shouldFindAPlaceholderWrittenWithTabsOrRunsOfSpaces() {
        assertThat(Placeholders.isPlaceholder("нет\t\tданных")).isTrue();
        assertThat(Placeholders.isPlaceholder("not   known")).isTrue();
    }
}
