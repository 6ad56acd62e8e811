package org.nomina.store.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The source records of given persons, as the latest link assigned them, read through the
 * {@code person_record_person} index in chunks (so a person show reads a handful of rows, an explanation
 * of a figure one query per thousand persons).
 */
public final class PersonRecords {

    /** One source record, as shown beside the others of its person. Dates are ISO partial dates or "". */
    public record Line(long recordId, long personId, String source, String sourceKind, String recordKey, String fullName, String sex,
                       String birth, Integer age, String place, String status, String statusDate, String incidentDate,
                       Optional<Long> incidentId, String incident, String household, String relation, String fatherName,
                       String motherName, long sourceId) {
    }

    private static final int CHUNK = 1000;

    private PersonRecords() {
    }

    public static Map<Long, List<Line>> load(Handle h, Collection<Long> personIds) {
        Map<Long, List<Line>> out = new LinkedHashMap<>();
        personIds.forEach(id -> out.put(id, new ArrayList<>()));
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            // Bound, not spliced in: the same text for every person (a list of one), so Jdbi's and H2's parsed statements are
            // reused; with the ids in the text each person show parsed a new statement, most of its time on a person page.
            h.createQuery("""
                    SELECT pr.person_id, r.id, s.name AS source, s.kind, r.record_id, r.full_name, r.sex, r.birth_year, r.birth_month,
                           r.birth_day, r.age, r.place, r.status, r.status_year, r.status_month, r.status_day, r.incident_year,
                           r.incident_month, r.incident_day, r.incident_id, i.name AS incident, r.household, r.relation,
                           r.father_name, r.mother_name, r.source_id
                    FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id JOIN source s ON s.id = r.source_id
                    LEFT JOIN incident i ON i.id = r.incident_id
                    WHERE pr.person_id IN (<ids>) ORDER BY pr.person_id, s.name, r.id""")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> new Line(rs.getLong("id"), rs.getLong("person_id"), rs.getString("source"), rs.getString("kind"),
                            rs.getString("record_id"), rs.getString("full_name"), rs.getString("sex"),
                            iso(rs.getObject("birth_year", Integer.class), rs.getObject("birth_month", Integer.class),
                                    rs.getObject("birth_day", Integer.class)),
                            rs.getObject("age", Integer.class), rs.getString("place"), rs.getString("status"),
                            iso(rs.getObject("status_year", Integer.class), rs.getObject("status_month", Integer.class),
                                    rs.getObject("status_day", Integer.class)),
                            iso(rs.getObject("incident_year", Integer.class), rs.getObject("incident_month", Integer.class),
                                    rs.getObject("incident_day", Integer.class)),
                            Optional.ofNullable(rs.getObject("incident_id", Long.class)),
                            Optional.ofNullable(rs.getString("incident")).orElse("(default incident)"),
                            rs.getString("household"), rs.getString("relation"), rs.getString("father_name"), rs.getString("mother_name"),
                            rs.getLong("source_id")))
                    .forEach(l -> out.get(l.personId()).add(l));
        }
        return out;
    }

    /** A partial date as ISO text: {@code 1992}, {@code 1992-02}, {@code 1992-02-26}; "" without a year. */
    public static String iso(Integer year, Integer month, Integer day) {
        if (year == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(10);
        pad(out, year, 4);
        if (month != null) {
            pad(out.append('-'), month, 2);
            if (day != null) {
                pad(out.append('-'), day, 2);
            }
        }
        return out.toString();
    }

    /**
     * Appends {@code value} zero-padded to {@code width} digits, as {@code String.format("%0" + width + "d")} writes it, without
     * parsing a format per call (person pages write a few dates per record).
     */
    public static StringBuilder pad(StringBuilder out, int value, int width) {
        if (value < 0) {
            return out.append(String.format("%0" + width + "d", value));
        }
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
