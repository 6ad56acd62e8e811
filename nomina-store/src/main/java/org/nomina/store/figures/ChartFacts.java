package org.nomina.store.figures;

import org.nomina.store.StagedImports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.domain.PartialDate;
import org.nomina.store.BadInputException;
import org.nomina.store.incidents.Incidents;

/**
 * The dates the charts place persons and records by, read from the records as the sources wrote them: a
 * record's date is its status date, else its incident date (as the figures date a status). Only records
 * of the incident and its sub-incidents count (every record, for the whole register).
 */
public final class ChartFacts {

    private ChartFacts() {
    }

    /**
     * The date each of {@code personIds} was killed: the earliest date among their records that say killed
     * (or remains identified); empty when none of those records gives a date.
     */
    public static Map<Long, Optional<PartialDate>> deathDates(Jdbi jdbi, Optional<String> incident, Set<Long> personIds) {
        return jdbi.withHandle(h -> {
            Optional<Set<Long>> scope = scope(h, incident);
            Map<Long, Optional<PartialDate>> out = new HashMap<>(personIds.size() * 2);
            personIds.forEach(id -> out.put(id, Optional.empty()));
            h.createQuery("""
                    SELECT pr.person_id, r.incident_id, r.status_year, r.status_month, r.status_day, r.incident_year, r.incident_month, r.incident_day
                    FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                    WHERE r.status IN ('killed', 'remains_identified')""")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> {
                        long person = rs.getLong(1);
                        if (!personIds.contains(person)) {
                            return 0;
                        }
                        long incidentId = rs.getLong(2);
                        boolean inScope = scope.isEmpty() || (!rs.wasNull() && scope.get().contains(incidentId));
                        if (!inScope) {
                            return 0;
                        }
                        Optional<PartialDate> d = date(rs, 3).or(() -> {
                            try {
                                return date(rs, 6);
                            } catch (java.sql.SQLException e) {
                                throw new org.nomina.store.StoreException(e.getMessage(), e);
                            }
                        });
                        if (d.isPresent()) {
                            out.merge(person, d, (a, b) -> a.isEmpty() || earlier(b.get(), a.get()) ? b : a);
                        }
                        return 0;
                    })
                    .forEach(x -> { });
            return out;
        });
    }

    /** Every record's date (status date, else incident date; empty when it gives neither), per source, sources by name. */
    public static Map<String, List<Optional<PartialDate>>> recordDates(Jdbi jdbi, Optional<String> incident) {
        return jdbi.withHandle(h -> {
            Optional<Set<Long>> scope = scope(h, incident);
            Map<String, List<Optional<PartialDate>>> out = new LinkedHashMap<>();
            h.createQuery("SELECT s.name FROM source s WHERE " + StagedImports.SOURCE_VISIBLE + " ORDER BY s.name").mapTo(String.class)
                    .forEach(n -> out.put(n, new ArrayList<>()));
            h.createQuery("""
                    SELECT s.name, r.incident_id, r.status_year, r.status_month, r.status_day, r.incident_year, r.incident_month, r.incident_day
                    FROM source_record r JOIN source s ON s.id = r.source_id""" + StagedImports.whereVisible(h, "r"))
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> {
                        String source = rs.getString(1);
                        long incidentId = rs.getLong(2);
                        boolean inScope = scope.isEmpty() || (!rs.wasNull() && scope.get().contains(incidentId));
                        if (inScope) {
                            Optional<PartialDate> d = date(rs, 3);
                            out.get(source).add(d.isPresent() ? d : date(rs, 6));
                        }
                        return 0;
                    })
                    .forEach(x -> { });
            out.values().removeIf(List::isEmpty);
            return out;
        });
    }

    private static Optional<Set<Long>> scope(Handle h, Optional<String> incident) {
        List<Incidents.Incident> all = Incidents.list(h);
        return incident.map(n -> Incidents.withDescendants(all, Incidents.find(h, n)
                .orElseThrow(() -> new BadInputException("--incident '" + n + "': no such incident (see nomina incident list)")).id()));
    }

    private static Optional<PartialDate> date(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int year = rs.getInt(column);
        boolean absent = rs.wasNull();
        return RegisterFacts.partial(year, absent, rs.getInt(column + 1), rs.getInt(column + 2));
    }

    private static boolean earlier(PartialDate a, PartialDate b) {
        return a.year() != b.year() ? a.year() < b.year() : a.month() != b.month() ? a.month() < b.month() : a.day() < b.day();
    }
}
