package org.nomina.store.linkage;

import org.nomina.store.LazyReads;
import org.nomina.store.StagedImports;
import org.nomina.store.figures.RecordChunks;
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
 * Every source record as the linker sees it, with the full name the register needs beside. Loaded on H2 from the
 * record chunks ({@link RecordChunks}), elsewhere in one streaming pass over the records; both paths turn the same
 * stored columns into the same records ({@code H2LinkageTest} compares them). Sources are numbered 0…n−1 by id.
 * Records come in ascending key order: the linker's merge with stored memberships and its membership digest rely on it.
 */
record RecordSet(List<LinkRecord> records, List<String> fullNames, List<String> sourceNames) {

    static RecordSet load(Handle h) {
        long stagedFrom = StagedImports.stagedFrom(h);
        long[] counted = h.createQuery("SELECT COUNT(*), COALESCE(MAX(r.id), 0) FROM source_record r"
                        + StagedImports.whereVisible(stagedFrom, "r"))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        int count = Math.toIntExact(counted[0]);
        if (LazyReads.isH2(h)) {
            RecordSet fromChunks = fromChunks(h, counted[1], count);
            if (fromChunks != null) {
                return fromChunks;
            }
        }
        return fromRows(h, stagedFrom, count);
    }

    /**
     * From the record chunks (H2, V19): about a hundred short rows for a million records instead of every record's
     * whole row; only the records up to {@code maxId}, the highest visible one (an unfinished import's records lie
     * above it, and so do those of an import begun since it was read). Null when the chunks do not hold exactly the
     * {@code count} visible records (a register changed outside Nomina; {@code verify} reports it), so that the rows
     * are read instead and no record is left out of the link.
     */
    static RecordSet fromChunks(Handle h, long maxId, int count) {
        Loader loader = new Loader(h, count);
        int[] seen = {0};
        RecordChunks.scan(h, row -> {
            if (row.id <= maxId && ++seen[0] <= count) {
                loader.add(row);
            }
        });
        return seen[0] == count ? loader.finish() : null;
    }

    /** From the records themselves, in one streaming pass (PostgreSQL, or H2 when the chunks do not agree). */
    static RecordSet fromRows(Handle h, long stagedFrom, int count) {
        Loader loader = new Loader(h, count);
        LazyReads.read(h, t -> {
            t.createQuery("SELECT " + RecordChunks.COLUMNS + " FROM source_record r" + StagedImports.whereVisible(stagedFrom, "r")
                            + " ORDER BY r.id")
                    .setFetchSize(10_000)
                    .map((rs, ctx) -> RecordChunks.Row.read(rs))
                    .forEach(loader::add);
            return null;
        });
        return loader.finish();
    }

    /** Turns stored records, in ascending id order, into the linker's records. */
    private static final class Loader {
        private final Map<Long, Integer> sourceIndex = new HashMap<>();
        private final List<String> sourceNames = new ArrayList<>();
        private final Map<Long, String> incidentStarts = new HashMap<>();
        private final List<LinkRecord> records;
        private final List<String> fullNames;
        // An age is an age at the record's incident date, else at its status date (the day a hostage was taken),
        // else at its incident's start, else at the year the incident's dated records agree on: so a list that
        // gives only ages links with lists that give birth years.
        // Counted in the same pass (a second scan of source_record took 5-8 s at a million records); the records
        // whose ages wait for that year are completed after it.
        private final Map<Long, java.util.TreeMap<Integer, Long>> datedYears = new HashMap<>();
        private final List<Integer> undated = new ArrayList<>();
        private final List<Long> undatedIncidents = new ArrayList<>();
        private long lastId = Long.MIN_VALUE;
        private boolean ordered = true;

        Loader(Handle h, int count) {
            h.createQuery("SELECT id, name FROM source ORDER BY id").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> {
                        sourceIndex.put(e.getKey(), sourceNames.size());
                        sourceNames.add(e.getValue());
                    });
            h.createQuery("SELECT id, date_from FROM incident").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> incidentStarts.put(e.getKey(), e.getValue()));
            records = new ArrayList<>(count);
            fullNames = new ArrayList<>(count);
        }

        void add(RecordChunks.Row r) {
            ordered &= r.id > lastId;
            lastId = r.id;
            Map<String, String> extra = r.extra.equals("{}") ? Map.of() : strings(CanonicalJson.read(r.extra));
            fullNames.add(r.fullName);
            long incidentKey = r.incidentId;
            Integer datedYear = r.incidentYear != null ? r.incidentYear : r.statusYear;
            if (datedYear != null) {
                datedYears.computeIfAbsent(incidentKey, k -> new java.util.TreeMap<>()).merge(datedYear, 1L, Long::sum);
            }
            String start = incidentKey == 0 ? "" : incidentStarts.getOrDefault(incidentKey, "");
            Integer ageYear = datedYear != null ? datedYear : startYear(start);
            if (ageYear == null && r.age != null) {
                undated.add(records.size());
                undatedIncidents.add(incidentKey);
            }
            int ageDate;
            if (r.incidentYear != null) {
                ageDate = monthDay(r.incidentMonth, r.incidentDay);
            } else if (r.statusYear != null) {
                ageDate = monthDay(r.statusMonth, r.statusDay);
            } else if (start.length() == 10) {
                ageDate = Integer.parseInt(start.substring(5, 7)) * 100 + Integer.parseInt(start.substring(8, 10));
            } else {
                ageDate = 0;
            }
            int ageHigh = r.ageHigh != null ? r.ageHigh : r.age != null ? r.age : -1;
            records.add(new LinkRecord(r.id, sourceIndex.get(r.sourceId), r.surname, r.givenName, r.patronymic, sex(r.sex),
                    orZero(r.birthYear), orZero(r.birthMonth), orZero(r.birthDay), r.birthApprox, r.age == null ? -1 : r.age,
                    ageYear == null ? 0 : ageYear, r.place, r.address, r.idNumber, status(r.status), extra, ageHigh,
                    r.ageApprox ? 0 : ageDate));
        }

        RecordSet finish() {
            if (!ordered) {
                throw new IllegalStateException("source records were not read in ascending id order");
            }
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

        private static int orZero(Integer v) {
            return v == null ? 0 : v;
        }

        /** Month × 100 + day of a date, 0 unless both are known. */
        private static int monthDay(Integer month, Integer day) {
            return month == null || day == null ? 0 : month * 100 + day;
        }

        /** The year an incident's stored start ("yyyy", "yyyy-MM" or "yyyy-MM-dd") begins with; null when it has none. */
        private static Integer startYear(String start) {
            if (start.length() < 4) {
                return null;
            }
            for (int i = 0; i < 4; i++) {
                if (!Character.isDigit(start.charAt(i))) {
                    return null;
                }
            }
            return Integer.parseInt(start.substring(0, 4));
        }
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
