package org.nomina.engine.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A date as lists really give it: a year, a month of a year, or a full day, possibly approximate.
 * Zero means "not given" for month and day; the year is always given.
 *
 * @param year   the year (1 … 9999)
 * @param month  1 … 12, or 0 when only the year is known
 * @param day    1 … 31, or 0 when the day is unknown; never set without a month
 * @param approx true when the source qualifies the date ("approx. 1950", "1950?", "ок. 1950")
 */
public record PartialDate(int year, int month, int day, boolean approx) {

    public enum Precision { DAY, MONTH, YEAR }

    public PartialDate {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("month " + month + " is out of range");
        }
        if (day != 0) {
            if (month == 0) {
                throw new IllegalArgumentException("a day without a month");
            }
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "day " + day + " does not exist in " + YearMonth.of(year, month), e);
            }
        }
    }

    public static PartialDate ofYear(int year, boolean approx) {
        return new PartialDate(year, 0, 0, approx);
    }

    public Precision precision() {
        return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
    }

    /** ISO form of what is known: {@code 1951-03-12}, {@code 1951-03} or {@code 1951}; approximate dates get a {@code ~} prefix. */
    @Override
    public String toString() {
        String base = switch (precision()) {
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
            case MONTH -> String.format("%04d-%02d", year, month);
            case YEAR -> String.format("%04d", year);
        };
        return approx ? "~" + base : base;
    }
}
