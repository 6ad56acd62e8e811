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
        return switch (subgroup) {
            case "children" -> age.map(a -> a < childUnder);
            case "elderly" -> age.map(a -> a >= elderlyFrom);
            case "women" -> adultOf(Sex.FEMALE, sex, age);
            case "men" -> adultOf(Sex.MALE, sex, age);
            default -> throw new IllegalArgumentException("no subgroup '" + subgroup + "' (" + String.join(", ", NAMES) + ")");
        };
    }

    private Optional<Boolean> adultOf(Sex wanted, Sex sex, Optional<Integer> age) {
        if (age.isPresent() && age.get() < childUnder) {
            return Optional.of(false);
        }
        if (sex == Sex.UNKNOWN) {
            return Optional.empty();
        }
        if (sex != wanted) {
            return Optional.of(false);
        }
        return age.map(a -> true);
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
        Optional<PartialDate> at = incidentDay.or(() -> recordDate);
        Optional<Integer> incidentYear = at.map(PartialDate::year);
        if (birth.isPresent() && at.isPresent()) {
            PartialDate b = birth.get();
            PartialDate i = at.get();
            int years = i.year() - b.year();
            boolean birthdayLater = b.month() != 0 && i.month() != 0
                    && (b.month() > i.month() || (b.month() == i.month() && b.day() != 0 && i.day() != 0 && b.day() > i.day()));
            return Optional.of(Math.max(0, birthdayLater ? years - 1 : years));
        }
        if (recordAge.isPresent()) {
            if (recordDate.isPresent() && incidentYear.isPresent()) {
                return Optional.of(Math.max(0, recordAge.get() - (recordDate.get().year() - incidentYear.get())));
            }
            return recordAge;
        }
        return Optional.empty();
    }
}
