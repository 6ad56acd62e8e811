package org.nomina.store.search;

import org.nomina.store.StagedImports;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.figures.PersonRecords;
import org.nomina.store.ledger.Ledger;

/**
 * Read-only views of the register for the web pages: a person with every source record as written, the
 * sources with their versions, a version's rejected rows, the ledger head.
 */
public final class RegisterReader {

    /** A person's consensus values; {@code corrected}: an editor corrected one of them (person_correction has rows). */
    public record Person(long id, String displayName, String surname, String givenName, String patronymic, String sex,
                         Optional<Integer> birthYear, String place, String status, boolean living, int recordCount, int sourceCount,
                         Optional<OffsetDateTime> retiredAt, String retiredReason, boolean corrected) {
    }

    /** One source record: the parsed fields, and every cell as the source wrote it (header → value, in the file's order). */
    public record SourceRecord(long key, String source, int version, String recordId, int row, String fullName, String surname,
                               String givenName, String patronymic, String sex, boolean sexInferred, String birth, String age, String place,
                               String address, String idNumber, String incident, String status, String notes,
                               Map<String, String> extra, Map<String, String> verbatim, List<Object> problems) {
    }

    public record Version(long id, int versionNo, String fileName, String sha256, long sizeBytes, String fileFormat, String encoding,
                         String delimiter, int rowsRead, int rowsImported, int rowsRejected, OffsetDateTime importedAt, String importedBy) {
    }

    public record Source(long id, String name, long records, List<Version> versions) {
    }

    public record RejectedRow(int row, String column, String value, String reason) {
    }

    /** A version's rejected rows and the records whose problems were noted (kept, with the problem). */
    public record VersionDetail(String source, Version version, List<RejectedRow> rejected, long rejectedTotal,
                                List<SourceRecord> recordsWithProblems) {
    }

    public record LedgerHead(long seq, String hash, String action, String actor, String recordedAt) {
    }

    private static final String RECORD_FIELDS = """
            r.id, s.name, v.version_no, r.record_id, r.row_no, r.full_name, r.surname, r.given_name, r.patronymic, r.sex, r.sex_inferred,
            r.birth_year, r.birth_month, r.birth_day, r.birth_approx, r.age, r.age_approx, r.place, r.address, r.id_number,
            r.incident_year, r.incident_month, r.incident_day, r.status, r.notes, r.extra, r.verbatim, r.problems""";
    private static final String RECORD_COLUMNS = RECORD_FIELDS
            + "\nFROM source_record r JOIN source s ON s.id = r.source_id JOIN source_version v ON v.id = r.source_version_id AND v.complete";

    /** A source record with the person it is linked into (none before {@code nomina link}) and whether that person is living. */
    public record LinkedRecord(SourceRecord record, Optional<Long> personId, boolean living) {
    }

    /** One page of a source's records, and how many it has. */
    public record RecordPage(String source, List<LinkedRecord> records, long total) {
    }

    private final Database db;

    public RegisterReader(Database db) {
        this.db = db;
    }

    /** The consensus values {@link #person(java.sql.ResultSet, int)} reads, from the table {@code person} named {@code alias}. */
    private static String personFields(String alias) {
        return alias + ".id, " + alias + ".display_name, " + alias + ".surname, " + alias + ".given_name, " + alias + ".patronymic, "
                + alias + ".sex, " + alias + ".birth_year, " + alias + ".place, " + alias + ".status, " + alias + ".living, "
                + alias + ".record_count, " + alias + ".source_count, " + alias + ".retired_at, " + alias + ".retired_reason, "
                + "EXISTS (SELECT 1 FROM person_correction c WHERE c.person_id = " + alias + ".id)";
    }

    /** A person's consensus values, read on {@code h}. */
    public static Optional<Person> person(Handle h, long id) {
        return h.createQuery("SELECT " + personFields("person") + " FROM person WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> person(rs, 1))
                .findFirst();
    }

    /** The {@link #personFields} of the current row, from column {@code at} on. */
    private static Person person(java.sql.ResultSet rs, int at) throws java.sql.SQLException {
        return new Person(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), rs.getString(at + 3), rs.getString(at + 4),
                rs.getString(at + 5), Optional.ofNullable(rs.getObject(at + 6, Integer.class)), rs.getString(at + 7), rs.getString(at + 8),
                rs.getBoolean(at + 9), rs.getInt(at + 10), rs.getInt(at + 11), Optional.ofNullable(rs.getObject(at + 12, OffsetDateTime.class)),
                rs.getString(at + 13), rs.getBoolean(at + 14));
    }

    /**
     * A person with their records read once for both uses of a person page: each record as the source wrote it (by source
     * and row) and as {@code person show} lines it up (by source and record id, {@link PersonRecords#load}'s order).
     */
    public record PersonWithRecords(Person person, List<SourceRecord> records, List<PersonRecords.Line> lines) {
    }

    /**
     * {@link #RECORD_FIELDS}, from 29 on what a {@link PersonRecords.Line} needs besides, from the person's records, and from
     * {@link #PERSON_AT} on the person's own {@link #personFields} (the same on every row: one statement for the page, not two,
     * each costing the server a statement's start, plan and result on every view). The
     * person_record join comes first: H2 does not move an inner join across an outer one, and with the records first its
     * plan scanned every record of every source (to give the rows in source-name order) before finding the person's.
     */
    private static final String PERSON_RECORDS = "SELECT " + RECORD_FIELDS + """
            , s.kind, r.status_year, r.status_month, r.status_day, r.incident_id, i.name, r.household, r.relation, r.father_name,
            r.mother_name, r.source_id,\s""" + personFields("p") + """
            FROM person_record pr JOIN person p ON p.id = pr.person_id JOIN source_record r ON r.id = pr.source_record_id
            JOIN source s ON s.id = r.source_id JOIN source_version v ON v.id = r.source_version_id LEFT JOIN incident i ON i.id = r.incident_id
            WHERE pr.person_id = :p ORDER BY s.name, r.row_no, r.id""";

    private static final String PERSON_RECORDS_JDBC = PERSON_RECORDS.replace("pr.person_id = :p ", "pr.person_id = ? ");

    private static final int PERSON_AT = 40;

    /**
     * The person and their records on {@code h}, in one query; a person with no record (none is linked so, but the register does
     * not forbid it) is read by a second; empty when there is no such person.
     */
    public static Optional<PersonWithRecords> personWithRecords(Handle h, long id) {
        Person[] person = {null};
        List<SourceRecord> records = new ArrayList<>();
        List<PersonRecords.Line> lines = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        // Plain JDBC on the handle's connection (in its transaction): this query runs on every person page, and Jdbi's statement
        // around it (the SQL parsed for named parameters, the binding's argument look-up, the result iterator) cost about a
        // third as much CPU as H2's execution of it (JFR, bench/web.sh).
        try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(PERSON_RECORDS_JDBC)) {
            ps.setLong(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (person[0] == null) {
                        person[0] = person(rs, PERSON_AT);
                    }
                    SourceRecord r = record(rs);
                    if (groups.isEmpty() || !records.get(records.size() - 1).source().equals(r.source())) {
                        groups.add(lines.size());
                    }
                    records.add(r);
                    lines.add(new PersonRecords.Line(r.key(), id, r.source(), rs.getString(29), r.recordId(), r.fullName(), r.sex(),
                            PersonRecords.iso(rs.getObject(12, Integer.class), rs.getObject(13, Integer.class), rs.getObject(14, Integer.class)),
                            rs.getObject(16, Integer.class), r.place(), r.status(),
                            PersonRecords.iso(rs.getObject(30, Integer.class), rs.getObject(31, Integer.class), rs.getObject(32, Integer.class)),
                            PersonRecords.iso(rs.getObject(21, Integer.class), rs.getObject(22, Integer.class), rs.getObject(23, Integer.class)),
                            Optional.ofNullable(rs.getObject(33, Long.class)), Optional.ofNullable(rs.getString(34)).orElse("(default incident)"),
                            rs.getString(35), rs.getString(36), rs.getString(37), rs.getString(38), rs.getLong(39)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        if (person[0] == null) {
            Optional<Person> alone = person(h, id);
            if (alone.isEmpty()) {
                return Optional.empty();
            }
            person[0] = alone.get();
        }
        // Within each source (the rows come by source name, as the database orders names) person show lists by record id.
        List<PersonRecords.Line> byId = new ArrayList<>(lines.size());
        for (int g = 0; g < groups.size(); g++) {
            List<PersonRecords.Line> group = new ArrayList<>(lines.subList(groups.get(g), g + 1 < groups.size() ? groups.get(g + 1) : lines.size()));
            group.sort(java.util.Comparator.comparingLong(PersonRecords.Line::recordId));
            byId.addAll(group);
        }
        return Optional.of(new PersonWithRecords(person[0], List.copyOf(records), List.copyOf(byId)));
    }

    private static SourceRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SourceRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                date(rs.getObject(12, Integer.class), rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getBoolean(15)),
                rs.getObject(16) == null ? "" : (rs.getBoolean(17) ? "~" : "") + rs.getInt(16), rs.getString(18), rs.getString(19),
                rs.getString(20), date(rs.getObject(21, Integer.class), rs.getObject(22, Integer.class), rs.getObject(23, Integer.class), false),
                rs.getString(24), rs.getString(25), strings(rs.getString(26)), strings(rs.getString(27)), list(rs.getString(28)));
    }

    static String date(Integer year, Integer month, Integer day, boolean approx) {
        if (year == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(11).append(approx ? "~" : "").append(year);
        if (month != null) {
            PersonRecords.pad(out.append('-'), month, 2);
        }
        if (day != null) {
            PersonRecords.pad(out.append('-'), day, 2);
        }
        return out.toString();
    }

    private static Map<String, String> strings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json != null && !json.isBlank() && CanonicalJson.read(json) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return out;
    }

    private static List<Object> list(String json) {
        if (json != null && !json.isBlank() && CanonicalJson.read(json) instanceof List<?> l) {
            return List.copyOf(l);
        }
        return List.of();
    }

    /** A page of the records of source {@code sourceId}, every version, by version and row; empty when there is no such source. */
    public Optional<RecordPage> sourceRecords(long sourceId, int offset, int limit) {
        return db.jdbi().withHandle(h -> {
            Optional<String> name = h.createQuery("SELECT name FROM source WHERE id = :s").bind("s", sourceId).mapTo(String.class).findFirst();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            long total = h.createQuery("SELECT COUNT(*) FROM source_record r WHERE r.source_id = :s" + StagedImports.andVisible(h, "r"))
                    .bind("s", sourceId).mapTo(Long.class).one();
            List<LinkedRecord> records = h.createQuery("SELECT " + RECORD_COLUMNS.replace("FROM source_record r", ", pr.person_id, p.living FROM source_record r")
                            + " LEFT JOIN person_record pr ON pr.source_record_id = r.id LEFT JOIN person p ON p.id = pr.person_id"
                            + " WHERE r.source_id = :s ORDER BY v.version_no, r.row_no OFFSET :o ROWS FETCH NEXT :l ROWS ONLY")
                    .bind("s", sourceId).bind("o", offset).bind("l", limit)
                    .map((rs, ctx) -> {
                        SourceRecord r = record(rs);
                        long person = rs.getLong(29);
                        Optional<Long> personId = rs.wasNull() ? Optional.empty() : Optional.of(person);
                        return new LinkedRecord(r, personId, rs.getBoolean(30));
                    })
                    .list();
            return Optional.of(new RecordPage(name.get(), records, total));
        });
    }

    /** The sources' names, alphabetically: cheap, for a filter's choices. */
    public List<String> sourceNames() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT s.name FROM source s WHERE " + StagedImports.SOURCE_VISIBLE + " ORDER BY s.name").mapTo(String.class).list());
    }

    public List<Source> sources() {
        return db.jdbi().withHandle(h -> {
            Map<Long, List<Version>> versions = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT source_id, id, version_no, file_name, sha256, size_bytes, file_format, encoding, delimiter, rows_read,
                                   rows_imported, rows_rejected, imported_at, imported_by FROM source_version v
                            WHERE\s""" + StagedImports.VERSION_COMPLETE + " ORDER BY source_id, version_no")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Version(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                            rs.getObject(13, OffsetDateTime.class), rs.getString(14))))
                    .forEach(e -> versions.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
            return h.createQuery("""
                            SELECT s.id, s.name, (SELECT COUNT(*) FROM source_record r WHERE r.source_id = s.id""" + StagedImports.andVisible(h, "r")
                            + ") FROM source s WHERE " + StagedImports.SOURCE_VISIBLE + " ORDER BY s.name")
                    .map((rs, ctx) -> new Source(rs.getLong(1), rs.getString(2), rs.getLong(3), versions.getOrDefault(rs.getLong(1), List.of())))
                    .list();
        });
    }

    /** A version with its rejected rows (the first {@code limit}) and the records kept with problems noted. */
    public Optional<VersionDetail> version(long versionId, int limit) {
        return db.jdbi().withHandle(h -> {
            Optional<String> source = h.createQuery("SELECT s.name FROM source_version v JOIN source s ON s.id = v.source_id WHERE v.id = :id AND " + StagedImports.VERSION_COMPLETE)
                    .bind("id", versionId).mapTo(String.class).findFirst();
            if (source.isEmpty()) {
                return Optional.<VersionDetail>empty();
            }
            Version version = sources().stream().flatMap(s -> s.versions().stream()).filter(v -> v.id() == versionId).findFirst().orElseThrow();
            List<RejectedRow> rejected = h.createQuery(
                            "SELECT row_no, column_name, cell_value, reason FROM rejected_row WHERE source_version_id = :id ORDER BY row_no, id")
                    .bind("id", versionId).setMaxRows(limit)
                    .map((rs, ctx) -> new RejectedRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
            long total = h.createQuery("SELECT COUNT(*) FROM rejected_row WHERE source_version_id = :id").bind("id", versionId)
                    .mapTo(Long.class).one();
            List<SourceRecord> problems = h.createQuery("SELECT " + RECORD_COLUMNS
                            + " WHERE r.source_version_id = :id AND r.problems <> '[]' AND r.problems <> '' ORDER BY r.row_no")
                    .bind("id", versionId).setMaxRows(limit).map((rs, ctx) -> record(rs)).list();
            return Optional.of(new VersionDetail(source.get(), version, rejected, total, problems));
        });
    }

    /** The first records of a version, for an import's preview. */
    public List<SourceRecord> firstRecords(int limit) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " ORDER BY r.id").setMaxRows(limit)
                .map((rs, ctx) -> record(rs)).list());
    }

    public Optional<LedgerHead> ledgerHead() {
        return db.jdbi().withHandle(h -> Ledger.head(h).map(e -> new LedgerHead(e.seq(), e.hash(), e.action(), e.actor(),
                e.recordedAt().toString())));
    }

    /** The id of the newest version of a source, if the source exists. */
    public Optional<Long> newestVersion(String source) {
        return db.jdbi().withHandle(h -> newestVersion(h, source));
    }

    private static Optional<Long> newestVersion(Handle h, String source) {
        return h.createQuery("""
                        SELECT v.id FROM source_version v JOIN source s ON s.id = v.source_id WHERE s.name = :s AND v.complete
                        ORDER BY v.version_no DESC""")
                .bind("s", source).mapTo(Long.class).findFirst();
    }
}
