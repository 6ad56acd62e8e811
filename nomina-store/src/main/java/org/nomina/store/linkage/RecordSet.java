package org.nomina.store.linkage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.linkage.LinkRecord;
import org.nomina.store.CanonicalJson;

/**
 * Every source record as the linker sees it, with the full name the register needs beside. Loaded in one streaming pass; sources are numbered 0…n−1 by id. Records come in
 * ascending key order: the linker's merge with stored memberships and its membership digest rely on it.
 */
record RecordSet(List<LinkRecord> records, List<String> fullNames, List<String> sourceNames) {

    static RecordSet load(Handle h) {
        Map<Long, Integer> sourceIndex = new HashMap<>();
        List<String> sourceNames = new ArrayList<>();
        h.createQuery("SELECT id, name FROM source ORDER BY id").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> {
                    sourceIndex.put(e.getKey(), sourceNames.size());
                    sourceNames.add(e.getValue());
                });
        int count = h.createQuery("SELECT COUNT(*) FROM source_record").mapTo(Integer.class).one();
        List<LinkRecord> records = new ArrayList<>(count);
        List<String> fullNames = new ArrayList<>(count);
        // An age is an age at the record's incident date, else at its status date (the day a hostage was taken),
        // else at its incident's start: so a list that gives only ages links with lists that give birth years.
        h.createQuery("""
                SELECT r.id, r.source_id, r.surname, r.given_name, r.patronymic, r.sex, r.birth_year, r.birth_month, r.birth_day,
                       r.birth_approx, r.age, r.age_high,
                       COALESCE(r.incident_year, r.status_year,
                                CASE WHEN i.date_from <> '' THEN CAST(SUBSTRING(i.date_from, 1, 4) AS INT) END) AS incident_year,
                       r.place, r.address, r.id_number, r.extra, r.status, r.full_name
                FROM source_record r LEFT JOIN incident i ON i.id = r.incident_id ORDER BY r.id""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    String extraJson = rs.getString("extra");
                    Map<String, String> extra = extraJson.equals("{}") ? Map.of() : strings(CanonicalJson.read(extraJson));
                    fullNames.add(rs.getString("full_name"));
                    return new LinkRecord(rs.getLong("id"), sourceIndex.get(rs.getLong("source_id")), rs.getString("surname"),
                            rs.getString("given_name"), rs.getString("patronymic"), sex(rs.getString("sex")), rs.getInt("birth_year"),
                            rs.getInt("birth_month"), rs.getInt("birth_day"), rs.getBoolean("birth_approx"),
                            rs.getObject("age") == null ? -1 : rs.getInt("age"), rs.getInt("incident_year"), rs.getString("place"),
                            rs.getString("address"), rs.getString("id_number"), status(rs.getString("status")), extra,
                            ageHigh(rs));
                })
                .forEach(records::add);
        return new RecordSet(records, fullNames, sourceNames);
    }

    /** A stored sex word; the importer stores only canonical ones. */
    static Sex sex(String word) {
        return Sex.fromWord(word).orElseThrow(() -> new IllegalStateException("a stored sex is not a canonical word: '" + word + "'"));
    }

    /** A stored status word, empty for "" (not stated); the importer stores only canonical ones. */
    static Optional<Status> status(String word) {
        if (word.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Status.fromWord(word)
                .orElseThrow(() -> new IllegalStateException("a stored status is not a canonical word: '" + word + "'")));
    }

    private static Map<String, String> strings(Object json) {
        Map<String, String> out = new HashMap<>();
        if (json instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    int size() {
        return records.size();
    }

    long key(int i) {
        return records.get(i).key();
    }

    LinkRecord linkRecord(int i) {
        return records.get(i);
    }

    String fullName(int i) {
        return fullNames.get(i);
    }

    /** The high end of an age range; the age itself for a single age, -1 when there is none. */
    private static int ageHigh(java.sql.ResultSet rs) throws java.sql.SQLException {
        int high = rs.getInt("age_high");
        if (!rs.wasNull()) {
            return high;
        }
        int age = rs.getInt("age");
        return rs.wasNull() ? -1 : age;
    }
}
