package org.nomina.app.charts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.nomina.engine.domain.PartialDate;

/**
 * Dates counted into days, months or years — whichever the data's span warrants: days for a span up to
 * {@value #MAX_DAYS} days, months up to {@value #MAX_MONTHS} months, years beyond. Every bucket from the
 * first to the last is kept (an empty day is a zero, not a gap). A date too vague for the unit (a year
 * alone, when counting days) is counted apart, as is a missing date, so that every count adds up.
 */
public record TimeBuckets(Unit unit, List<String> labels, List<Long> counts, long tooVague, long undated) {

    public enum Unit { DAY, MONTH, YEAR }

    static final int MAX_DAYS = 62;
    static final int MAX_MONTHS = 72;

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum() + tooVague + undated;
    }

    /** The unit for dates from {@code first} to {@code last}. */
    public static Unit unitFor(Collection<Optional<PartialDate>> dates) {
        Optional<PartialDate> first = dates.stream().flatMap(Optional::stream).min(TimeBuckets::compare);
        Optional<PartialDate> last = dates.stream().flatMap(Optional::stream).max(TimeBuckets::compare);
        if (first.isEmpty()) {
            return Unit.YEAR;
        }
        long days = ChronoUnit.DAYS.between(start(first.get()), start(last.get()));
        long months = ChronoUnit.MONTHS.between(YearMonth.of(first.get().year(), Math.max(1, first.get().month())),
                YearMonth.of(last.get().year(), Math.max(1, last.get().month())));
        boolean daysKnown = dates.stream().flatMap(Optional::stream).anyMatch(d -> d.precision() == PartialDate.Precision.DAY);
        boolean monthsKnown = dates.stream().flatMap(Optional::stream).anyMatch(d -> d.precision() != PartialDate.Precision.YEAR);
        if (daysKnown && days <= MAX_DAYS) {
            return Unit.DAY;
        }
        return monthsKnown && months <= MAX_MONTHS ? Unit.MONTH : Unit.YEAR;
    }

    public static TimeBuckets of(Collection<Optional<PartialDate>> dates) {
        return of(dates, unitFor(dates));
    }

    /** Counts {@code dates} per {@code unit}, from the earliest to the latest that the unit can place. */
    public static TimeBuckets of(Collection<Optional<PartialDate>> dates, Unit unit) {
        List<String> keys = new ArrayList<>();
        Optional<PartialDate> first = dates.stream().flatMap(Optional::stream).filter(d -> placeable(d, unit)).min(TimeBuckets::compare);
        Optional<PartialDate> last = dates.stream().flatMap(Optional::stream).filter(d -> placeable(d, unit)).max(TimeBuckets::compare);
        List<Long> counts = new ArrayList<>();
        if (first.isPresent()) {
            for (String k = key(first.get(), unit); ; k = next(k, unit)) {
                keys.add(k);
                counts.add(0L);
                if (k.equals(key(last.get(), unit))) {
                    break;
                }
            }
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        long vague = 0;
        long undated = 0;
        for (Optional<PartialDate> d : dates) {
            if (d.isEmpty()) {
                undated++;
            } else if (!placeable(d.get(), unit)) {
                vague++;
            } else {
                int i = index.get(key(d.get(), unit));
                counts.set(i, counts.get(i) + 1);
            }
        }
        return new TimeBuckets(unit, List.copyOf(keys), List.copyOf(counts), vague, undated);
    }

    /** The bucket of {@code d} when the unit can place it, in the order of {@link #labels()}. */
    public Optional<String> label(Optional<PartialDate> d) {
        return d.filter(x -> placeable(x, unit)).map(x -> key(x, unit));
    }

    static boolean placeable(PartialDate d, Unit unit) {
        return switch (unit) {
            case DAY -> d.precision() == PartialDate.Precision.DAY;
            case MONTH -> d.precision() != PartialDate.Precision.YEAR;
            case YEAR -> true;
        };
    }

    private static String key(PartialDate d, Unit unit) {
        return switch (unit) {
            case DAY -> String.format("%04d-%02d-%02d", d.year(), d.month(), d.day());
            case MONTH -> String.format("%04d-%02d", d.year(), d.month());
            case YEAR -> String.format("%04d", d.year());
        };
    }

    private static String next(String key, Unit unit) {
        return switch (unit) {
            case DAY -> LocalDate.parse(key).plusDays(1).toString();
            case MONTH -> YearMonth.parse(key).plusMonths(1).toString();
            case YEAR -> String.format("%04d", Integer.parseInt(key) + 1);
        };
    }

    private static LocalDate start(PartialDate d) {
        return LocalDate.of(d.year(), Math.max(1, d.month()), Math.max(1, d.day()));
    }

    static int compare(PartialDate a, PartialDate b) {
        return start(a).compareTo(start(b));
    }
}
