package org.nomina.store.figures;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.nomina.store.StoreException;

/**
 * On H2, the columns figures and link read of every source record ({@link Row}), kept as bytes beside the records in
 * {@code source_record_chunk} (migration V17, link's columns since V19): one row of at most a commit's records
 * (10,000) of one version, written by the importer in the transaction that inserts those records. It replaces V12's
 * 21-column covering index {@code source_record_figures}, which every imported row had to be inserted into (about
 * 14% of a million rows' import CPU), while the figures pass, which reads every record, needs only a hundred and
 * fifty short rows for a million and a half records instead of a walk of that index. Link's load reads them too
 * (V19): a scan of {@code source_record} decodes every column of every row, the verbatim row among them, and that
 * was 8.0–11.5 s of a million records' link (542 of the load's 756 samples in H2 reading rows back from the file).
 * Records are never changed once imported (only an import that did not finish is removed, with its chunks:
 * {@code StagedImports.remove}), so the chunks stay true. PostgreSQL reads the same columns from {@code
 * source_record} by a sequential scan and has no chunks.
 *
 * <p>A chunk's bytes: the number of records, then for each, as variable-length integers: its id's difference
 * from the previous one's (from 0), the source id, the incident id (0: none), and the columns in the order of
 * {@link Row} (the two approximation flags as one number, bit 0 the birth date's, bit 1 the age's); a nullable
 * number is 0 for NULL, else its zigzag code plus one; a text is its index in the chunk's table of texts, followed
 * by its UTF-8 length and bytes when the index is the table's next.
 */
public final class RecordChunks {

    /** The table the chunks are stored in (created by V17 on both databases, written on H2 only). */
    public static final String TABLE = "source_record_chunk";

    private RecordChunks() {
    }

    /**
     * What figures and link read of one source record. Texts are never null ("" when unknown), as in the table.
     */
    public static final class Row {
        public long id;
        public long sourceId;
        /** 0 when the record names no incident (ids start at 1). */
        public long incidentId;
        public String status;
        public Integer statusYear;
        public Integer statusMonth;
        public Integer statusDay;
        public Integer incidentYear;
        public Integer incidentMonth;
        public Integer incidentDay;
        public String sex;
        public boolean sexInferred;
        public Integer birthYear;
        public Integer birthMonth;
        public Integer birthDay;
        public Integer age;
        public String place;
        public String household;
        public String relation;
        public String fatherName;
        public String motherName;
        // What link reads besides (V19): with these the link's load reads the chunks, not every record's whole row.
        public String surname;
        public String givenName;
        public String patronymic;
        public String fullName;
        public boolean birthApprox;
        public boolean ageApprox;
        public Integer ageHigh;
        public String address;
        public String idNumber;
        /** The record's unmapped columns as canonical JSON ("{}" when none). */
        public String extra;

        /** The columns {@link #COLUMNS} names, in that order, of the result set's current row. */
        public static Row read(ResultSet rs) throws SQLException {
            Row r = new Row();
            r.id = rs.getLong(1);
            r.sourceId = rs.getLong(2);
            r.incidentId = rs.getLong(3);
            r.status = rs.getString(4);
            r.statusYear = integer(rs, 5);
            r.statusMonth = integer(rs, 6);
            r.statusDay = integer(rs, 7);
            r.incidentYear = integer(rs, 8);
            r.incidentMonth = integer(rs, 9);
            r.incidentDay = integer(rs, 10);
            r.sex = rs.getString(11);
            r.sexInferred = rs.getBoolean(12);
            r.birthYear = integer(rs, 13);
            r.birthMonth = integer(rs, 14);
            r.birthDay = integer(rs, 15);
            r.age = integer(rs, 16);
            r.place = rs.getString(17);
            r.household = rs.getString(18);
            r.relation = rs.getString(19);
            r.fatherName = rs.getString(20);
            r.motherName = rs.getString(21);
            r.surname = rs.getString(22);
            r.givenName = rs.getString(23);
            r.patronymic = rs.getString(24);
            r.fullName = rs.getString(25);
            r.birthApprox = rs.getBoolean(26);
            r.ageApprox = rs.getBoolean(27);
            r.ageHigh = integer(rs, 28);
            r.address = rs.getString(29);
            r.idNumber = rs.getString(30);
            r.extra = rs.getString(31);
            return r;
        }

        private static Integer integer(ResultSet rs, int column) throws SQLException {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }
    }

    /** Each column of a {@link Row} by its name in {@code source_record}, for {@link #check}. */
    private static final List<Map.Entry<String, Function<Row, Object>>> FIELDS = List.of(
            Map.entry("source_id", r -> r.sourceId), Map.entry("incident_id", r -> r.incidentId),
            Map.entry("status", r -> r.status), Map.entry("status_year", r -> r.statusYear),
            Map.entry("status_month", r -> r.statusMonth), Map.entry("status_day", r -> r.statusDay),
            Map.entry("incident_year", r -> r.incidentYear), Map.entry("incident_month", r -> r.incidentMonth),
            Map.entry("incident_day", r -> r.incidentDay), Map.entry("sex", r -> r.sex),
            Map.entry("sex_inferred", r -> r.sexInferred), Map.entry("birth_year", r -> r.birthYear),
            Map.entry("birth_month", r -> r.birthMonth), Map.entry("birth_day", r -> r.birthDay),
            Map.entry("age", r -> r.age), Map.entry("place", r -> r.place), Map.entry("household", r -> r.household),
            Map.entry("relation", r -> r.relation), Map.entry("father_name", r -> r.fatherName),
            Map.entry("mother_name", r -> r.motherName), Map.entry("surname", r -> r.surname),
            Map.entry("given_name", r -> r.givenName), Map.entry("patronymic", r -> r.patronymic),
            Map.entry("full_name", r -> r.fullName), Map.entry("birth_approx", r -> r.birthApprox),
            Map.entry("age_approx", r -> r.ageApprox), Map.entry("age_high", r -> r.ageHigh),
            Map.entry("address", r -> r.address), Map.entry("id_number", r -> r.idNumber), Map.entry("extra", r -> r.extra));

    /** The source_record columns {@link Row#read} reads, in its order (alias {@code r}). */
    public static final String COLUMNS = """
            r.id, r.source_id, r.incident_id, r.status, r.status_year, r.status_month, r.status_day,
            r.incident_year, r.incident_month, r.incident_day, r.sex, r.sex_inferred, r.birth_year, r.birth_month,
            r.birth_day, r.age, r.place, r.household, r.relation, r.father_name, r.mother_name,
            r.surname, r.given_name, r.patronymic, r.full_name, r.birth_approx, r.age_approx, r.age_high, r.address,
            r.id_number, r.extra""";

    /** Collects the records of one version, in the order of their ids, into chunks; {@link #write} stores one. */
    public static final class Writer {
        private final long versionId;
        private int chunk;
        private VarBytes out;
        private final Map<String, Integer> texts = new HashMap<>();
        /** Texts in the chunk's table, those written as {@link #once} among them (which the map does not hold). */
        private int textCount;
        private int records;
        private long firstId;
        private long lastId;

        /** {@code chunksBefore}: how many chunks of this version are stored already (0 for a new version). */
        public Writer(long versionId, int chunksBefore) {
            this.versionId = versionId;
            this.chunk = chunksBefore;
            reset();
        }

        private void reset() {
            out = new VarBytes("record chunk", 1 << 16);
            texts.clear();
            textCount = 0;
            records = 0;
        }

        public int records() {
            return records;
        }

        /** Adds a record; its id must be above those of the records added before it. */
        public void add(Row r) {
            if (records > 0 && r.id <= lastId) {
                throw new IllegalArgumentException("record " + r.id + " added to a chunk after record " + lastId);
            }
            if (records == 0) {
                firstId = r.id;
            }
            out.varlong(r.id - (records == 0 ? 0 : lastId));
            lastId = r.id;
            records++;
            out.varlong(r.sourceId);
            out.varlong(r.incidentId);
            text(r.status);
            number(r.statusYear);
            number(r.statusMonth);
            number(r.statusDay);
            number(r.incidentYear);
            number(r.incidentMonth);
            number(r.incidentDay);
            text(r.sex);
            out.varint(r.sexInferred ? 1 : 0);
            number(r.birthYear);
            number(r.birthMonth);
            number(r.birthDay);
            number(r.age);
            text(r.place);
            text(r.household);
            text(r.relation);
            text(r.fatherName);
            text(r.motherName);
            text(r.surname);
            text(r.givenName);
            text(r.patronymic);
            once(r.fullName);
            out.varint((r.birthApprox ? 1 : 0) | (r.ageApprox ? 2 : 0));
            number(r.ageHigh);
            once(r.address);
            once(r.idNumber);
            once(r.extra);
        }

        private void number(Integer v) {
            out.varlong(v == null ? 0 : ((((long) v) << 1) ^ (((long) v) >> 63)) + 1);
        }

        private void text(String s) {
            Integer at = texts.get(s);
            if (at != null) {
                out.varint(at);
                return;
            }
            texts.put(s, textCount);
            append(s);
        }

        /**
         * A text that seldom repeats within a chunk (a full name, an address, an identity number, a row's unmapped
         * columns): added to the table without being looked up or kept for lookup (map lookups were 30 of the chunk
         * writer's 47 samples importing 290,000 rows), so a repetition is stored again; "" is looked up, as it repeats.
         */
        private void once(String s) {
            if (s.isEmpty() || s.equals("{}")) {
                text(s);
            } else {
                append(s);
            }
        }

        private void append(String s) {
            out.varint(textCount++);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.varint(utf8.length);
            out.bytes(utf8);
        }

        /** Stores the records added since the last call as one chunk (nothing when there are none), in the connection's transaction. */
        public void write(Connection c) throws SQLException {
            if (records == 0) {
                return;
            }
            byte[] body = out.toArray();
            VarBytes data = new VarBytes("record chunk", body.length + 5);
            data.varint(records);
            data.bytes(body);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TABLE
                    + " (source_version_id, chunk, first_id, last_id, records, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, versionId);
                p.setInt(2, ++chunk);
                p.setLong(3, firstId);
                p.setLong(4, lastId);
                p.setInt(5, records);
                p.setBytes(6, data.toArray());
                p.executeUpdate();
            }
            reset();
        }
    }

    /** Records per chunk when filling from stored records (the importer writes one per commit, at most this many). */
    private static final int FILL_RECORDS = 10_000;

    /**
     * Writes the chunks of every stored record from the records themselves, in id order (a chunk ends where the
     * version changes or at 10,000 records), into an empty table: for migrations (V17 filled the table, V19 fills it
     * again with link's columns). The records are read 10,000 at a time by id, each batch a short query of its own:
     * H2 2.3.232 can lose a long lazy scan when its background writer drops a chunk the scan still reads (h2database
     * issue 4142, seen by link's load right after a register was opened), and a migration that failed so would leave
     * the register unopenable until it was opened again.
     */
    public static void fill(Connection c) throws SQLException {
        Map<Long, Integer> chunksOf = new HashMap<>();
        String sql = "SELECT " + COLUMNS + ", r.source_version_id FROM source_record r WHERE r.id > ? ORDER BY r.id"
                + " FETCH FIRST " + FILL_RECORDS + " ROWS ONLY";
        try (PreparedStatement read = c.prepareStatement(sql)) {
            Writer writer = null;
            long version = -1;
            long after = Long.MIN_VALUE;
            for (boolean more = true; more; ) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        Row row = Row.read(rs);
                        after = row.id;
                        long v = rs.getLong("source_version_id");
                        if (writer == null || v != version || writer.records() >= FILL_RECORDS) {
                            if (writer != null) {
                                writer.write(c);
                                chunksOf.merge(version, 1, Integer::sum);
                            }
                            version = v;
                            writer = new Writer(v, chunksOf.getOrDefault(v, 0));
                        }
                        writer.add(row);
                    }
                }
                more = rows == FILL_RECORDS;
            }
            if (writer != null) {
                writer.write(c);
            }
        }
    }

    /** Decodes one chunk's records, in id order. */
    static void decode(byte[] chunk, Consumer<Row> each) {
        VarBytes in = new VarBytes("record chunk", chunk);
        List<String> texts = new ArrayList<>();
        long id = 0;
        for (int n = in.varint(); n > 0; n--) {
            Row r = new Row();
            id += in.varlong();
            r.id = id;
            r.sourceId = in.varlong();
            r.incidentId = in.varlong();
            r.status = text(in, texts);
            r.statusYear = number(in);
            r.statusMonth = number(in);
            r.statusDay = number(in);
            r.incidentYear = number(in);
            r.incidentMonth = number(in);
            r.incidentDay = number(in);
            r.sex = text(in, texts);
            r.sexInferred = in.varint() != 0;
            r.birthYear = number(in);
            r.birthMonth = number(in);
            r.birthDay = number(in);
            r.age = number(in);
            r.place = text(in, texts);
            r.household = text(in, texts);
            r.relation = text(in, texts);
            r.fatherName = text(in, texts);
            r.motherName = text(in, texts);
            r.surname = text(in, texts);
            r.givenName = text(in, texts);
            r.patronymic = text(in, texts);
            r.fullName = text(in, texts);
            int flags = in.varint();
            r.birthApprox = (flags & 1) != 0;
            r.ageApprox = (flags & 2) != 0;
            r.ageHigh = number(in);
            r.address = text(in, texts);
            r.idNumber = text(in, texts);
            r.extra = text(in, texts);
            each.accept(r);
        }
        if (!in.atEnd()) {
            throw new IllegalStateException("record chunk: bytes left after its last record");
        }
    }

    private static Integer number(VarBytes in) {
        long v = in.varlong();
        if (v == 0) {
            return null;
        }
        long z = v - 1;
        return (int) ((z >>> 1) ^ -(z & 1));
    }

    private static String text(VarBytes in, List<String> texts) {
        int at = in.varint();
        if (at < texts.size()) {
            return texts.get(at);
        }
        if (at != texts.size()) {
            throw new IllegalStateException("record chunk: text " + at + " named before text " + texts.size());
        }
        String s = in.utf8(in.varint());
        texts.add(s);
        return s;
    }

    /**
     * Every stored record's row, in id order, from the chunks. Chunks of imports that ran side by side can hold
     * ids in each other's ranges; then every record is decoded first and sorted, else chunk by chunk.
     */
    public static void scan(Handle h, Consumer<Row> each) {
        record Chunk(long version, int chunk, long first, long last) {
        }
        List<Chunk> chunks = h.createQuery("SELECT source_version_id, chunk, first_id, last_id FROM " + TABLE + " ORDER BY first_id")
                .map((rs, ctx) -> new Chunk(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4))).list();
        boolean overlapping = false;
        for (int i = 1; i < chunks.size() && !overlapping; i++) {
            overlapping = chunks.get(i).first() <= chunks.get(i - 1).last();
        }
        List<Row> all = overlapping ? new ArrayList<>() : null;
        Consumer<Row> to = overlapping ? all::add : each;
        try (PreparedStatement p = h.getConnection().prepareStatement("SELECT data FROM " + TABLE + " WHERE source_version_id = ? AND chunk = ?")) {
            for (Chunk c : chunks) {
                p.setLong(1, c.version());
                p.setInt(2, c.chunk());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        decode(rs.getBytes(1), to);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the record chunks: " + e.getMessage(), e);
        }
        if (overlapping) {
            all.sort(Comparator.comparingLong(r -> r.id));
            all.forEach(each);
        }
    }

    /**
     * On H2, whether the chunks still say what the records say (for {@code verify}): figures reads the chunks, so a
     * record changed outside Nomina, or a chunk damaged, would otherwise be counted as it no longer is. Empty when they
     * agree; else how many records differ, and the first of them with its column and both values.
     */
    public static Optional<String> check(Handle h) {
        long[] differ = {0};
        String[] first = {null};
        try (var stored = h.createQuery("SELECT " + COLUMNS + " FROM source_record r ORDER BY r.id").setFetchSize(10_000)
                .map((rs, ctx) -> Row.read(rs)).stream()) {
            Iterator<Row> records = stored.iterator();
            scan(h, chunk -> {
                Row record = null;
                while (records.hasNext()) {
                    Row next = records.next();
                    if (next.id >= chunk.id) {
                        record = next;
                        break;
                    }
                    note(differ, first, "record " + next.id + " has no copy in the record chunks");
                }
                if (record == null || record.id != chunk.id) {
                    note(differ, first, "the record chunks hold record " + chunk.id + ", which is not stored");
                    return;
                }
                for (Map.Entry<String, Function<Row, Object>> f : FIELDS) {
                    Object a = f.getValue().apply(record);
                    Object b = f.getValue().apply(chunk);
                    if (!java.util.Objects.equals(a, b)) {
                        note(differ, first, "record " + record.id + ", column " + f.getKey() + ": the record says '" + a
                                + "', its copy for figures '" + b + "'");
                        return;
                    }
                }
            });
            while (records.hasNext()) {
                note(differ, first, "record " + records.next().id + " has no copy in the record chunks");
            }
        }
        return differ[0] == 0 ? Optional.empty() : Optional.of(differ[0] + " record(s) differ from their copy that figures "
                + "reads (" + TABLE + "; changed outside Nomina?), the first: " + first[0]);
    }

    private static void note(long[] differ, String[] first, String what) {
        if (differ[0]++ == 0) {
            first[0] = what;
        }
    }
}
