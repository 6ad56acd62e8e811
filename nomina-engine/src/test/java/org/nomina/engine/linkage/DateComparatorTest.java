package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

class DateComparatorTest {

    private static final FieldComparator.DateComparator DATES = new FieldComparator.DateComparator("birth_date");

    private static String level(Records left, Records right) {
        RecordTable table = new RecordTable(List.of(left.build(), right.build()), Set.of(), NameNormaliser.shared());
        return DATES.labels().get(DATES.level(table, 0, 1));
    }

    @Test
    void shouldMatchFullDatesExactly() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1951, 3, 12))).isEqualTo("exact");
    }

    @Test
    void shouldTreatSwappedDayAndMonthAsATypo() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1951, 12, 3))).isEqualTo("typo_or_swap");
    }

    @Test
    void shouldTreatOneWrongDigitAsATypo() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1957, 3, 12))).isEqualTo("typo_or_swap");
    }

    @Test
    void shouldCompareAFullDateWithAYearOnlyOnTheYear() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1951, 0, 0))).isEqualTo("same_year");
    }

    @Test
    void shouldTellTwoFullDatesOfOneYearApartFromAYearAgreement() {
        // Namesakes born in one year, each list giving a full date: not "same year", which a year-only list earns.
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1951, 8, 27))).isEqualTo("full_dates_differ");
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1952, 8, 27))).isEqualTo("full_dates_differ");
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).bornAbout(1951))).isEqualTo("year_within_1");
    }

    @Test
    void shouldAllowOneYearWhenTheYearIsApproximate() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).bornAbout(1952))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).bornAbout(1953)))
                .isEqualTo("approx_year_within_2");
    }

    @Test
    void shouldTellAnApproximateYearThreeOrFourOffFromADifferentOne() {
        // A witness's "about 60" for a woman of 64: what the clusterer still lets stand, weighed on its own.
        assertThat(level(record(1, 0).born(1930, 3, 12), record(2, 1).age(59, 1992))).isEqualTo("approx_year_within_4");
        assertThat(level(record(1, 0).born(1930, 3, 12), record(2, 1).age(58, 1992))).isEqualTo("approx_year_within_4");
        assertThat(level(record(1, 0).born(1930, 3, 12), record(2, 1).age(57, 1992))).isEqualTo("different");
        assertThat(level(record(1, 0).born(1930, 3, 12), record(2, 1).born(1934, 1, 1))).isEqualTo("different");
    }

    @Test
    void shouldTellWhichOfTwoNamesakesBornInOneYearAnAgeOnAKnownDayFits() {
        // 19 on 17 April 1993: born between 18 April 1973 and 17 April 1974.
        assertThat(level(record(1, 0).born(1974, 2, 7), record(2, 1).ageOn(19, 1993, 4, 17))).isEqualTo("same_year");
        assertThat(level(record(1, 0).ageOn(19, 1993, 4, 17), record(2, 1).born(1974, 2, 7))).isEqualTo("same_year");
        assertThat(level(record(1, 0).born(1974, 7, 8), record(2, 1).ageOn(19, 1993, 4, 17))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).born(1973, 4, 18), record(2, 1).ageOn(19, 1993, 4, 17))).isEqualTo("same_year");
        // The day unknown, or the birth date only a year: the implied year, as before.
        assertThat(level(record(1, 0).born(1974, 2, 7), record(2, 1).age(19, 1993))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).bornAbout(1974), record(2, 1).ageOn(19, 1993, 4, 17))).isEqualTo("year_within_1");
    }

    @Test
    void shouldNotStretchExactYearsByTwo() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).born(1953, 7, 1))).isEqualTo("different");
    }

    @Test
    void shouldCompareAgeAtTheIncidentWithTheBirthYear() {
        // "about 40" in 1992: born 1952 or 1951 (birthday not yet passed).
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1).age(40, 1992))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).born(1930, 3, 12), record(2, 1).age(40, 1992))).isEqualTo("different");
    }

    @Test
    void shouldCompareAnAgeRangeByOverlapWithTheBirthYear() {
        // "30-40" in 1992: born between 1952 and 1962.
        assertThat(level(record(1, 0).born(1955, 3, 12), record(2, 1).ageRange(30, 40, 1992))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).born(1961, 3, 12), record(2, 1).ageRange(30, 40, 1992))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).born(1940, 3, 12), record(2, 1).ageRange(30, 40, 1992))).isEqualTo("different");
        assertThat(level(record(1, 0).born(1940, 3, 12), record(2, 1).age(35, 1992))).isEqualTo("different");
    }

    @Test
    void shouldCompareTwoAgeRangesByOverlap() {
        assertThat(level(record(1, 0).ageRange(30, 40, 1992), record(2, 1).ageRange(38, 45, 1992))).isEqualTo("year_within_1");
        assertThat(level(record(1, 0).ageRange(20, 25, 1992), record(2, 1).ageRange(60, 70, 1992))).isEqualTo("different");
    }

    @Test
    void shouldCallAnUnknownDateMissing() {
        assertThat(level(record(1, 0).born(1951, 3, 12), record(2, 1))).isEqualTo("missing");
    }
}
