package org.nomina.engine.linkage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/**
 * One source record as the linker sees it. Unknown text is {@code ""}, unknown numbers are 0 (dates) or
 * -1 (age); no field is ever null.
 *
 * @param key          the store's primary key of the source record; unique within one {@link Linker} run
 * @param sourceIndex  which list the record comes from; two records of one source join only on strong
 *                     evidence, since lists contain duplicates but rarely the same person twice by design
 * @param sex          {@link Sex#UNKNOWN} when the source does not say
 * @param birthApprox  the birth year is approximate ("c. 1950")
 * @param age          age at the incident, -1 when unknown; with {@code incidentYear} it implies a birth year;
 *                     for an age range ("30-40") its low end
 * @param status       what the source says happened to the person (killed, missing …), empty when it does not say
 * @param extra        other imported columns by name (e.g. FEBRL's postcode and state)
 * @param ageHigh      the high end of an age range, equal to {@code age} for a single age (and -1 when unknown);
 *                     ranges are compared by overlap
 * @param ageDate      the day of the year the age is stated at, as month × 100 + day (417 for 17 April of
 *                     {@code incidentYear}), 0 when that date is not known to the day; with a full birth date it
 *                     tells which of two namesakes born in one year a stated age fits
 */
public record LinkRecord(long key, int sourceIndex, String surname, String givenName, String patronymic,
                         Sex sex, int birthYear, int birthMonth, int birthDay, boolean birthApprox,
                         int age, int incidentYear, String place, String address, String idNumber,
                         Optional<Status> status, Map<String, String> extra, int ageHigh, int ageDate) {

    /** A record whose age, if any, is stated at a date not known to the day. */
    public LinkRecord(long key, int sourceIndex, String surname, String givenName, String patronymic,
                      Sex sex, int birthYear, int birthMonth, int birthDay, boolean birthApprox,
                      int age, int incidentYear, String place, String address, String idNumber,
                      Optional<Status> status, Map<String, String> extra, int ageHigh) {
        this(key, sourceIndex, surname, givenName, patronymic, sex, birthYear, birthMonth, birthDay, birthApprox, age, incidentYear,
                place, address, idNumber, status, extra, ageHigh, 0);
    }

    /** A record whose age, if known, is a single age rather than a range. */
    public LinkRecord(long key, int sourceIndex, String surname, String givenName, String patronymic,
                      Sex sex, int birthYear, int birthMonth, int birthDay, boolean birthApprox,
                      int age, int incidentYear, String place, String address, String idNumber,
                      Optional<Status> status, Map<String, String> extra) {
        this(key, sourceIndex, surname, givenName, patronymic, sex, birthYear, birthMonth, birthDay, birthApprox, age, incidentYear,
                place, address, idNumber, status, extra, age);
    }

    public LinkRecord {
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(patronymic, "patronymic");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(status, "status");
        extra = Map.copyOf(extra);
        if (birthMonth < 0 || birthMonth > 12) {
            throw new IllegalArgumentException("record " + key + ": birthMonth out of range: " + birthMonth);
        }
        if (birthDay < 0 || birthDay > 31) {
            throw new IllegalArgumentException("record " + key + ": birthDay out of range: " + birthDay);
        }
        if (age < -1) {
            throw new IllegalArgumentException("record " + key + ": age must be -1 (unknown) or ≥ 0: " + age);
        }
        if (ageDate != 0 && (ageDate / 100 < 1 || ageDate / 100 > 12 || ageDate % 100 < 1 || ageDate % 100 > 31)) {
            throw new IllegalArgumentException("record " + key + ": ageDate is not a month and day: " + ageDate);
        }
        if (ageHigh < age || (age < 0 && ageHigh >= 0)) {
            throw new IllegalArgumentException("record " + key + ": age range " + age + "–" + ageHigh + " is not a range");
        }
    }

    /** A record with only names known; the other fields unknown. Handy for tests and imports. */
    public static LinkRecord ofNames(long key, int sourceIndex, String surname, String givenName, String patronymic) {
        return new LinkRecord(key, sourceIndex, surname, givenName, patronymic, Sex.UNKNOWN, 0, 0, 0, false, -1, 0,
                "", "", "", Optional.empty(), Map.of());
    }

    /** The status's canonical word ({@link Status#word()}), "" when the source does not say. */
    public String statusWord() {
        return status.map(Status::word).orElse("");
    }

    /** The value of an extra column, "" when absent. */
    public String extraValue(String column) {
        return extra.getOrDefault(column, "");
    }
}
