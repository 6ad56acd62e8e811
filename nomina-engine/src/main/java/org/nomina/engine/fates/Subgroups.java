package org.nomina.engine.fates;

import java.util.List;
import java.util.Optional;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;

/**
 * The subgroups statements count — children, women, men, elderly — and the thresholds that define them,
 * which are settings printed with every figure: children are under {@code childUnder} at the incident's
 * date, the elderly {@code elderlyFrom} and over, women female and not children, men male and not children.
 */
public record Subgroups(int childUnder, int elderlyFrom) {

    public static final Subgroups DEFAULT = new Subgroups(18, 60);
    public static final List<String> NAMES = List.of("children", "women", "men", "elderly");

    public Subgroups {
        if (childUnder < 1 || elderlyFrom <= childUnder) {
            throw new IllegalArgumentException("children must be under an age of at least 1 and below the elderly's, not "
                    + childUnder + " and " + elderlyFrom);
        }
    }

    /** Whether a person of this sex and age is in {@code subgroup}; empty when the sex or age needed is unknown. */
    public Optional<Boolean> in(String subgroup, Sex sex, Optional<Integer> age) {
        int i = NAMES.indexOf(subgroup);
        if (i < 0) {
            throw new IllegalArgumentException("no subgroup '" + subgroup + "' (" + String.join(", ", NAMES) + ")");
        }
        int in = in(i, sex, age.orElse(UNKNOWN_AGE));
        return in == UNPLACED ? Optional.empty() : Optional.of(in == 1);
    }

    /** {@link #in(int, Sex, int)}'s answer when the sex or age needed is unknown. */
    public static final int UNPLACED = -1;

    /**
     * {@link #in(String, Sex, Optional)} without boxing, for a tally of a million persons: the subgroup by its index
     * in {@link #NAMES}, the age {@link #UNKNOWN_AGE} when unknown; 1 in, 0 not, {@link #UNPLACED} when the sex or
     * age needed is unknown.
     */
    public int in(int subgroup, Sex sex, int age) {
        boolean known = age != UNKNOWN_AGE;
        return switch (subgroup) {
            case 0 -> known ? (age < childUnder ? 1 : 0) : UNPLACED;
            case 3 -> known ? (age >= elderlyFrom ? 1 : 0) : UNPLACED;
            case 1 -> adultOf(Sex.FEMALE, sex, age);
            case 2 -> adultOf(Sex.MALE, sex, age);
            default -> throw new IllegalArgumentException("no subgroup " + subgroup + " (" + String.join(", ", NAMES) + ")");
        };
    }

    private int adultOf(Sex wanted, Sex sex, int age) {
        if (age != UNKNOWN_AGE && age < childUnder) {
            return 0;
        }
        if (sex == Sex.UNKNOWN) {
            return UNPLACED;
        }
        if (sex != wanted) {
            return 0;
        }
        return age == UNKNOWN_AGE ? UNPLACED : 1;
    }

    /**
     * A person's age at the incident's date: from the birth year when known, else from an age a record
     * gives at its own date (status date or incident date), else that age as it stands.
     *
     * @param birth       the birth date (a year at least); a birthday later in the year than the incident counts
     * @param recordAge   an age some record gives, with that record's date if it has one
     * @param incidentDay the incident's start date, if known
     */
    public static Optional<Integer> ageAt(Optional<PartialDate> birth, Optional<Integer> recordAge, Optional<PartialDate> recordDate,
                                          Optional<PartialDate> incidentDay) {
        int age = ageAt(birth.map(Subgroups::pack).orElse(0), recordAge.orElse(UNKNOWN_AGE), recordDate.map(Subgroups::pack).orElse(0),
                incidentDay.map(Subgroups::pack).orElse(0));
        return age == UNKNOWN_AGE ? Optional.empty() : Optional.of(age);
    }

    /** An age nobody knows, in the methods on numbers. */
    public static final int UNKNOWN_AGE = Integer.MIN_VALUE;

    /**
     * A date as one number for the methods on numbers: {@code year << 9 | month << 5 | day} (months and days 0
     * when not given), 0 for no date; the numbers order as year, then month, then day. Approximation is dropped.
     */
    public static int pack(PartialDate d) {
        return d == null ? 0 : pack(d.year(), d.month(), d.day());
    }

    /** See {@link #pack(PartialDate)}. */
    public static int pack(int year, int month, int day) {
        return year << 9 | month << 5 | day;
    }

    /**
     * {@link #ageAt(Optional, Optional, Optional, Optional)} on numbers, without an object per person: dates
     * {@linkplain #pack packed} (0: none), the recorded age {@link #UNKNOWN_AGE} when none; {@link #UNKNOWN_AGE} when
     * no age can be told.
     */
    public static int ageAt(int birth, int recordAge, int recordDate, int incidentDay) {
        int at = incidentDay != 0 ? incidentDay : recordDate;
        if (birth != 0 && at != 0) {
            int years = (at >>> 9) - (birth >>> 9);
            int bm = birth >>> 5 & 15;
            int bd = birth & 31;
            int im = at >>> 5 & 15;
            int id = at & 31;
            boolean birthdayLater = bm != 0 && im != 0 && (bm > im || (bm == im && bd != 0 && id != 0 && bd > id));
            return Math.max(0, birthdayLater ? years - 1 : years);
        }
        if (recordAge != UNKNOWN_AGE) {
            if (recordDate != 0 && at != 0) {
                return Math.max(0, recordAge - ((recordDate >>> 9) - (at >>> 9)));
            }
            return recordAge;
        }
        return UNKNOWN_AGE;
    }
}
