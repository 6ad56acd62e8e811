package org.nomina.store.linkage;

import org.nomina.store.StagedImports;
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
        // An import that has not finished is not linked (StagedImports).
        long stagedFrom = StagedImports.stagedFrom(h);
        int count = h.createQuery("SELECT COUNT(*) FROM source_record r" + StagedImports.whereVisible(stagedFrom, "r"))
                .mapTo(Integer.class).one();
        List<LinkRecord> records = new ArrayList<>(count);
        List<String> fullNames = new ArrayList<>(count);
        // An age is an age at the record's incident date, else at its status date (the day a hostage was taken),
        // else at its incident's start, else at the year the incident's dated records agree on: so a list that
        // gives only ages links with lists that give birth years.
        // Counted in the same pass (a second scan of source_record took 5-8 s at a million records); the records
        // whose ages wait for that year are completed after it.
        Map<Long, java.util.TreeMap<Integer, Long>> datedYears = new HashMap<>();
        List<Integer> undated = new ArrayList<>();
        List<Long> undatedIncidents = new ArrayList<>();
        h.createQuery("""
                SELECT r.id, r.source_id, r.surname, r.given_name, r.patronymic, r.sex, r.birth_year, r.birth_month, r.birth_day,
                       r.birth_approx, r.age, r.age_high, r.age_approx, COALESCE(r.incident_id, 0) AS incident_key,
                       COALESCE(r.incident_year, r.status_year) AS dated_year,
                       COALESCE(r.incident_year, r.status_year,
                                CASE WHEN i.date_from <> '' THEN CAST(SUBSTRING(i.date_from, 1, 4) AS INT) END) AS incident_year,
                       CASE WHEN r.incident_year IS NOT NULL THEN r.incident_month * 100 + r.incident_day
                            WHEN r.status_year IS NOT NULL THEN r.status_month * 100 + r.status_day
                            WHEN LENGTH(i.date_from) = 10 THEN CAST(SUBSTRING(i.date_from, 6, 2) AS INT) * 100
                                                              + CAST(SUBSTRING(i.date_from, 9, 2) AS INT) END AS age_date,
                       r.place, r.address, r.id_number, r.extra, r.status, r.full_name
                FROM source_record r LEFT JOIN incident i ON i.id = r.incident_id""" + StagedImports.whereVisible(stagedFrom, "r") + " ORDER BY r.id")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    String extraJson = rs.getString("extra");
                    Map<String, String> extra = extraJson.equals("{}") ? Map.of() : strings(CanonicalJson.read(extraJson));
                    fullNames.add(rs.getString("full_name"));
                    long incidentKey = rs.getLong("incident_key");
                    int datedYear = rs.getInt("dated_year");
                    if (!rs.wasNull()) {
                        datedYears.computeIfAbsent(incidentKey, k -> new java.util.TreeMap<>()).merge(datedYear, 1L, Long::sum);
                    }
                    int ageYear = rs.getInt("incident_year");
                    if (rs.wasNull() && rs.getObject("age") != null) {
                        undated.add(records.size());
                        undatedIncidents.add(incidentKey);
                    }
                    return new LinkRecord(rs.getLong("id"), sourceIndex.get(rs.getLong("source_id")), rs.getString("surname"),
                            rs.getString("given_name"), rs.getString("patronymic"), sex(rs.getString("sex")), rs.getInt("birth_year"),
                            rs.getInt("birth_month"), rs.getInt("birth_day"), rs.getBoolean("birth_approx"),
                            rs.getObject("age") == null ? -1 : rs.getInt("age"), ageYear, rs.getString("place"),
                            rs.getString("address"), rs.getString("id_number"), status(rs.getString("status")), extra,
                            ageHigh(rs), rs.getBoolean("age_approx") ? 0 : rs.getInt("age_date"));
                })
                .forEach(records::add);
        Map<Long, Integer> agreed = agreedYears(datedYears);
        for (int k = 0; k < undated.size(); k++) {
            Integer year = agreed.get(undatedIncidents.get(k));
            if (year != null) {
                LinkRecord r = records.get(undated.get(k));
                records.set(undated.get(k), new LinkRecord(r.key(), r.sourceIndex(), r.surname(), r.givenName(), r.patronymic(), r.sex(),
                        r.birthYear(), r.birthMonth(), r.birthDay(), r.birthApprox(), r.age(), year, r.place(), r.address(), r.idNumber(),
                        r.status(), r.extra(), r.ageHigh(), r.ageDate()));
            }
        }
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

    /** Dated records an incident needs before its undated ages are read at the year they agree on. */
    static final int UNDATED_AGE_MIN_DATED = 10;
    /** The most years the middle 80% of an incident's dated records may span for that year to stand. */
    static final int UNDATED_AGE_MAX_SPREAD = 2;

    /**
     * Per incident (0 for records without one), the year at which its undated ages are read: the median
     * of the incident and status years of its dated records, when there are at least
     * {@value #UNDATED_AGE_MIN_DATED} of them and their 10th to 90th percentile spans at most
     * {@value #UNDATED_AGE_MAX_SPREAD} years — one massacre, not a war of many years. Lists often give an age
     * and no date (a testimony says "she was 81"); without a year such an age implied no birth year, so it
     * neither linked with a list of birth years nor kept apart two namesakes of 20 and 81 (held-out lists:
     * clusters joined an age 79 with a birth year 1975).
     */
    static Map<Long, Integer> agreedYears(Map<Long, java.util.TreeMap<Integer, Long>> years) {
        Map<Long, Integer> out = new HashMap<>();
        years.forEach((incident, counts) -> {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (total >= UNDATED_AGE_MIN_DATED) {
                int low = quantile(counts, total, 0.10);
                int high = quantile(counts, total, 0.90);
                if (high - low <= UNDATED_AGE_MAX_SPREAD) {
                    out.put(incident, quantile(counts, total, 0.50));
                }
            }
        });
        return out;
    }

    /** The year at quantile q of a histogram of years (lower value at ties). */
    private static int quantile(java.util.NavigableMap<Integer, Long> counts, long total, double q) {
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= Math.max(1, rank)) {
                return e.getKey();
            }
        }
        return counts.lastKey();
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
