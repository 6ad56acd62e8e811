package org.nomina.engine.linkage;

import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/** Small record builder for tests. */
final class Records {

    private long key;
    private int source;
    private String surname = "";
    private String given = "";
    private String patronymic = "";
    private Sex sex = Sex.UNKNOWN;
    private int year;
    private int month;
    private int day;
    private boolean approx;
    private int age = -1;
    private int ageHigh = -1;
    private int incidentYear;
    private int ageDate;
    private String place = "";
    private String id = "";
    private Optional<Status> status = Optional.empty();

    static Records record(long key, int source) {
        Records builder = new Records();
        builder.key = key;
        builder.source = source;
        return builder;
    }

    Records names(String surnameValue, String givenValue, String patronymicValue) {
        surname = surnameValue;
        given = givenValue;
        patronymic = patronymicValue;
        return this;
    }

    Records sex(Sex value) {
        sex = value;
        return this;
    }

    Records born(int yearValue, int monthValue, int dayValue) {
        year = yearValue;
        month = monthValue;
        day = dayValue;
        return this;
    }

    Records bornAbout(int yearValue) {
        year = yearValue;
        approx = true;
        return this;
    }

    Records age(int ageValue, int incident) {
        return ageRange(ageValue, ageValue, incident);
    }

    Records ageRange(int low, int high, int incident) {
        age = low;
        ageHigh = high;
        incidentYear = incident;
        return this;
    }

    /** A single age stated on one day (a hostage of 19 taken on 17 April 1993). */
    Records ageOn(int ageValue, int yearValue, int monthValue, int dayValue) {
        ageRange(ageValue, ageValue, yearValue);
        ageDate = monthValue * 100 + dayValue;
        return this;
    }

    Records place(String value) {
        place = value;
        return this;
    }

    Records status(Status value) {
        status = Optional.of(value);
        return this;
    }

    Records id(String value) {
        id = value;
        return this;
    }

    LinkRecord build() {
        return new LinkRecord(key, source, surname, given, patronymic, sex, year, month, day, approx, age,
                incidentYear, place, "", id, status, Map.of(), ageHigh, ageDate);
    }
}
