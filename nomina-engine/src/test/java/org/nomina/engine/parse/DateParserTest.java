package org.nomina.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nomina.engine.domain.PartialDate;

class DateParserTest {

    private static PartialDate auto(String text) {
        return DateParser.auto().parse(text).orElseThrow();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "12.03.1951|1951-03-12",
        "1951-03-12|1951-03-12",
        "19510312|1951-03-12",
        "12/03/1951|1951-03-12",
        "03/25/1951|1951-03-25",
        "1951|1951",
        "1951 г.|1951",
        "1951-03|1951-03",
        "03.1951|1951-03",
        "approx. 1950|~1950",
        "c. 1950|~1950",
        "~1950|~1950",
        "ок. 1950|~1950",
        "около 1950 г.|~1950",
        "1950?|~1950",
        "təx. 1950|~1950",
        "March 2011|2011-03",
        "12 March 2011|2011-03-12",
        "March 12, 2011|2011-03-12",
        "12 марта 2011|2011-03-12",
        "12 mart 2011|2011-03-12",
        "14 noyabr 1994|1994-11-14",
    })
    void shouldReadTheFormsListsUse(String text, String iso) {
        assertThat(auto(text)).hasToString(iso);
    }

    @Test
    void shouldRejectImpossibleDatesWithTheValueInTheMessage() {
        assertThatThrownBy(() -> auto("32.13.1951")).isInstanceOf(ValueParseException.class).hasMessageContaining("32.13.1951");
        assertThatThrownBy(() -> auto("31.02.1951")).isInstanceOf(ValueParseException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> auto("unknown")).isInstanceOf(ValueParseException.class);
    }

    @Test
    void shouldApplyAnExplicitPatternStrictly() {
        DateParser p = DateParser.ofPattern("dd.MM.yyyy");
        assertThat(p.parse("05.11.1994").orElseThrow()).hasToString("1994-11-05");
        assertThatThrownBy(() -> p.parse("1994-11-05")).isInstanceOf(ValueParseException.class).hasMessageContaining("dd.MM.yyyy");
        assertThatThrownBy(() -> p.parse("31.02.1994")).isInstanceOf(ValueParseException.class);
    }

    @Test
    void shouldGiveNothingForBlank() {
        assertThat(DateParser.auto().parse("  ")).isEmpty();
    }

    @Property
    void shouldRoundTripEveryRealDayInBothCommonForms(@ForAll @IntRange(min = 1900, max = 2020) int year,
                                                      @ForAll @IntRange(min = 1, max = 366) int dayOfYear) {
        LocalDate d = LocalDate.ofYearDay(year, Math.min(dayOfYear, LocalDate.of(year, 1, 1).lengthOfYear()));
        assertThat(auto(d.toString())).hasToString(d.toString());
        String dotted = String.format("%02d.%02d.%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        assertThat(auto(dotted)).hasToString(d.toString());
    }
}
