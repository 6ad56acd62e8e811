package org.nomina.store.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.nomina.engine.domain.PartialDate;

/**
 * What a record says beside the person and the fate (issue 9): the date its status holds from, its
 * household and relation to the household's head, its parents' names, and the incident a row names
 * (overriding the import's {@code --incident}). Stored beside {@link StoredRecord}; unknown text is "".
 */
public record RecordFacts(Optional<PartialDate> statusDate, String household, String relation, String fatherName,
                          String motherName, String incident) {

    public static final RecordFacts NONE = new RecordFacts(Optional.empty(), "", "", "", "", "");

    /** The same facts with the incident resolved to its stored id ("" for the default incident). */
    RecordFacts withIncident(String incidentId) {
        return new RecordFacts(statusDate.map(d -> new PartialDate(d.year(), d.month(), d.day(), false)), household, relation,
                fatherName, motherName, incidentId);
    }

    /** True when the record says none of it: such records digest as they did before these fields existed. */
    public boolean isEmpty() {
        return statusDate.isEmpty() && household.isEmpty() && relation.isEmpty() && fatherName.isEmpty() && motherName.isEmpty()
                && incident.isEmpty();
    }

    /** Adds status_year … incident_id, in the order of V3's columns. */
    void add(RecordValues v) throws SQLException {
        v.integer(statusYear());
        v.integer(statusMonth());
        v.integer(statusDay());
        v.text(household);
        v.text(relation);
        v.text(fatherName);
        v.text(motherName);
        v.id(incidentId());
    }

    /** The stored status_year, status_month and status_day (a month or day of 0 is stored as NULL). */
    Integer statusYear() {
        return statusDate.map(PartialDate::year).orElse(null);
    }

    Integer statusMonth() {
        return statusDate.map(PartialDate::month).filter(m -> m != 0).orElse(null);
    }

    Integer statusDay() {
        return statusDate.map(PartialDate::day).filter(d -> d != 0).orElse(null);
    }

    /** The stored incident_id, 0 for the default incident (NULL in the table). */
    long incidentId() {
        return incident.isEmpty() ? 0 : Long.parseLong(incident);
    }

    /** The facts of a {@code source_record} row ({@code incident} is its stored id, or "" for the default incident). */
    public static RecordFacts map(ResultSet rs) throws SQLException {
        int year = rs.getInt("status_year");
        Optional<PartialDate> date = rs.wasNull() ? Optional.empty()
                : Optional.of(new PartialDate(year, rs.getInt("status_month"), rs.getInt("status_day"), false));
        // A parsed date keeps "approx."; the stored one does not, so facts compare by what is stored.
        long incident = rs.getLong("incident_id");
        // wasNull() speaks of the last column read, so it is asked here, before the names are read.
        String incidentId = rs.wasNull() ? "" : String.valueOf(incident);
        return new RecordFacts(date, rs.getString("household"), rs.getString("relation"), rs.getString("father_name"),
                rs.getString("mother_name"), incidentId);
    }
}
