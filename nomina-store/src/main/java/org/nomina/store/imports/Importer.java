package org.nomina.store.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.Field;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.StagedImports;
import org.nomina.store.StoreException;
import org.nomina.store.figures.RecordChunks;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.Ledger;

/**
 * Imports one list as a new, immutable source version in a single transaction: either every accepted
 * row, every rejection and the ledger entry are committed together, or nothing is. Rows are streamed
 * and written in batches, so memory does not grow with the file (only the set of record ids seen, to
 * refuse a repeated id).
 */
public final class Importer {

    /** Rejections listed in the result; all are stored. */
    public static final int MAX_REJECTS_LISTED = 1000;
    private static final int BATCH = 2000;
    /**
     * Rows committed at a time into the incomplete version. H2 keeps a transaction's whole undo log and revisits
     * every row of it in every index at the commit; that is cheap only while the rows' pages are still in its
     * cache (16 MB by default). With 50,000 rows the commits were still 47% of the importing thread's samples at a
     * million rows, most of it reading evicted pages back; 10,000 rows' pages fit.
     */
    public static final int COMMIT_ROWS = 10_000;

    /** Told how far an import has got; called from the importing thread. */
    public interface Progress {
        void update(long rowsRead, long bytesRead, long totalBytes);

        Progress NONE = (rows, bytes, total) -> { };
    }

    private final Database database;
    private final int commitRows;

    public Importer(Database database) {
        this(database, COMMIT_ROWS);
    }

    /** With batches of {@code commitRows} committed rows: tests make an import of a few thousand rows commit several. */
    Importer(Database database, int commitRows) {
        if (commitRows < 1) {
            throw new IllegalArgumentException("commitRows must be at least 1, not " + commitRows);
        }
        this.database = database;
        this.commitRows = commitRows;
    }

    public ImportResult importFile(ImportRequest request, Progress progress) {
        long started = System.nanoTime();
        if (request.source().isBlank()) {
            throw BadInputException.naming("{source} must name the list (e.g. \"Hospital list 1992\")", "source");
        }
        request.kind().ifPresent(SourceKind::check);
        Mapping mapping = request.mapping().map(Mapping::load).orElse(Mapping.none());
        FileFacts facts = FileSniffer.sniff(request.file());
        List<String> warnings = new ArrayList<>();
        String file = request.file().toString();
        TextLayout layout = layout(facts, () -> request.encoding().map(e -> Mapping.charset(e, "{encoding}")).or(mapping::encoding),
                () -> request.delimiter().map(d -> Mapping.delimiter(d, "{delimiter}")).or(mapping::delimiter), warnings);
        Charset charset = layout.charset();
        char delimiter = layout.delimiter();
        String mappingSha = Hashes.sha256Hex(mapping.toJson());

        Optional<Integer> existing = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT v.version_no FROM source_version v JOIN source s ON s.id = v.source_id
                WHERE s.name = :source AND v.sha256 = :sha AND v.mapping_sha256 = :msha AND\s""" + StagedImports.VERSION_COMPLETE)
                .bind("source", request.source()).bind("sha", facts.sha256()).bind("msha", mappingSha)
                .mapTo(Integer.class).findFirst());
        if (existing.isPresent()) {
            return new ImportResult(request.source(), existing.get(), file, facts.sha256(), 0, 0, 0, List.of(), false,
                    charset.name(), facts.format() == FileFacts.FileFormat.XLSX ? "" : String.valueOf(delimiter), Map.of(),
                    List.of("this file was already imported into '" + request.source() + "' as version " + existing.get()
                            + " with the same mapping; nothing was changed"), true, seconds(started), 0, Map.of());
        }

        try (Handle main = database.jdbi().open(); Handle lease = database.jdbi().open()) {
            Session session = new Session(main, request, mapping, facts, charset, delimiter, mappingSha, warnings, progress, commitRows);
            main.useTransaction(h -> session.start());
            lease.begin();
            try {
                session.hold(lease, database.isPostgres());
                session.load(database.isPostgres());
                session.finish(lease);
                lease.commit();
            } catch (SQLException | RuntimeException | Error e) {
                session.abandon(lease, e);
                throw e;
            } finally {
                if (lease.isInTransaction()) {
                    lease.rollback();
                }
            }
            // Timed after the last commit.
            return session.result(seconds(started));
        } catch (SQLException e) {
            throw new StoreException("the database refused the import of " + file + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The encoding and delimiter a table is read with (UTF-8 and {@code ,} for a workbook, where they do not apply). */
    record TextLayout(Charset charset, char delimiter) {
    }

    /**
     * How a file is read as a table: refuses what is not one (old .xls, PDF, zip, binary), and for text takes
     * the declared encoding and delimiter or detects them, adding a warning when the lines mix two encodings.
     * The declarations are read only for text (a workbook ignores {@code --encoding} and {@code --delimiter}).
     */
    static TextLayout layout(FileFacts facts, Supplier<Optional<Charset>> declaredCharset,
                             Supplier<Optional<Character>> declaredDelimiter, List<String> warnings) {
        String file = facts.path().toString();
        switch (facts.format()) {
            case XLS -> throw new BadInputException(file + ": an old-style Excel .xls workbook; save it as .xlsx or CSV and import that");
            case PDF -> throw new BadInputException(file + ": a PDF document, not a table; export the list as CSV or .xlsx");
            case ZIP -> throw new BadInputException(file + ": a zip archive, not a table; unpack it and import the list inside");
            case XLSX -> {
                return new TextLayout(StandardCharsets.UTF_8, ',');
            }
            case TEXT -> { }
        }
        Charset charset = chooseCharset(declaredCharset.get(), facts, warnings);
        if (CsvTableReader.readsLineByLine(facts, charset)) {
            FileFacts.LineEncodings lines = facts.lines();
            boolean utf8First = lines.firstUtf8Line() < lines.firstOtherLine();
            warnings.add(String.format("the file mixes two encodings: %,d lines are in %s and %,d in UTF-8 (rows pasted in from "
                    + "another file?); the encoding first changes at line %,d, to %s. Each line was read in its own encoding; "
                    + "check the names from line %,d on", lines.otherLines(), charset.name(), lines.utf8Lines(), lines.changeLine(),
                    utf8First ? charset.name() : "UTF-8", lines.changeLine()));
        }
        if (facts.nulOffset() >= 0 && !charset.name().startsWith("UTF-16")) {
            throw new BadInputException(file + ": contains a NUL byte at byte offset " + facts.nulOffset()
                    + "; this is a binary file, not a text table (CSV, TSV) or .xlsx workbook");
        }
        Optional<Character> delimiter = declaredDelimiter.get();
        return new TextLayout(charset, delimiter.isPresent() ? delimiter.get()
                : DelimiterDetector.detect(CsvTableReader.sample(facts, charset, 1 << 16)));
    }

    static Charset chooseCharset(Optional<Charset> declared, FileFacts facts, List<String> warnings) {
        if (declared.isPresent()) {
            Charset c = declared.get();
            boolean singleByte = c.newEncoder().maxBytesPerChar() == 1.0f;
            if (singleByte && facts.utf8Problem().isEmpty() && facts.highBytes() > 0 && facts.bomCharset().isEmpty()) {
                warnings.add("the file is valid UTF-8 but is being read as " + c.name()
                        + " as asked; if names look garbled, import it without --encoding");
            }
            return c;
        }
        if (facts.bomCharset().isPresent()) {
            return facts.bomCharset().get();
        }
        if (facts.utf8Problem().isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        // A file whose lines mix UTF-8 and a single-byte encoding is named by the single-byte one; the
        // reader then decodes each line in its own (CsvTableReader.readsLineByLine), and the score below
        // counts only the lines that are not UTF-8.
        // Cyrillic in Windows-1251 comes in runs of non-ASCII bytes (whole words); Western text in
        // Windows-1252 has isolated accented letters among ASCII ones.
        return Charset.forName(facts.cyrillicScore() >= 0.5 ? "windows-1251" : "windows-1252");
    }

    /**
     * A row as the read-ahead thread parsed it; for an accepted row of the import's incident also its resolved
     * facts and digest line, else null (resolving an incident a row names may create it, in the transaction).
     */
    private record Parsed(int rowNo, long line, RowParser.Outcome outcome, RecordFacts facts, byte[] digestLine) {
    }

    /** One import's state, inside its transaction. */
    private static final class Session {
        private final Handle handle;
        private final ImportRequest request;
        private final Mapping mapping;
        private final FileFacts facts;
        private final Charset charset;
        private final char delimiter;
        private final String mappingSha;
        private final List<String> warnings;
        private final Progress progress;
        private final int commitRows;
        private final AtomicLong bytesRead = new AtomicLong();
        private final RecordDigest digest = new RecordDigest();
        private final Set<String> recordIds = new HashSet<>();
        private final List<Rejection> rejects = new ArrayList<>();
        private final Map<String, String> columns = new LinkedHashMap<>();
        private RowParser parser;
        private IncidentIds incidents;
        private long sourceId;
        private long versionId;
        private int versionNo;
        private int rowsRead;
        private int rowsImported;
        private int rowsRejected;
        private int rowsWithProblems;
        private final Map<String, Integer> problemsByColumn = new LinkedHashMap<>();
        private boolean truncated;
        private RecordValues records;
        private PreparedStatement insertReject;
        private int pendingRecords;
        private int pendingRejects;
        /** On H2, what figures reads of the records, stored beside them (V17); null on PostgreSQL. */
        private RecordChunks.Writer chunks;
        /** The rows of the batch not yet executed, waiting for their ids (H2 only). */
        private final List<RecordChunks.Row> pendingRows = new ArrayList<>();

        Session(Handle handle, ImportRequest request, Mapping mapping, FileFacts facts, Charset charset, char delimiter,
                String mappingSha, List<String> warnings, Progress progress, int commitRows) {
            this.handle = handle;
            this.commitRows = commitRows;
            this.request = request;
            this.mapping = mapping;
            this.facts = facts;
            this.charset = charset;
            this.delimiter = delimiter;
            this.mappingSha = mappingSha;
            this.warnings = warnings;
            this.progress = progress;
        }

        /**
         * In a transaction of its own, committed: the source (created when new) and the version, marked incomplete,
         * which no reader sees until {@link #finish} (StagedImports).
         */
        void start() {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Optional<Long> known = handle.createQuery("SELECT id FROM source WHERE name = :name").bind("name", request.source())
                    .mapTo(Long.class).findFirst();
            sourceId = known.orElseGet(() -> handle.createUpdate("INSERT INTO source (name, created_at) VALUES (:name, :at)")
                    .bind("name", request.source()).bind("at", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            versionNo = handle.createQuery("SELECT COALESCE(MAX(version_no), 0) + 1 FROM source_version WHERE source_id = :s")
                    .bind("s", sourceId).mapTo(Integer.class).one();
            // Record ids only grow, so every record this import inserts has an id above those stored now.
            long firstRecordId = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM source_record").mapTo(Long.class).one();
            versionId = handle.createUpdate("""
                    INSERT INTO source_version (source_id, version_no, file_name, sha256, size_bytes, file_format, encoding,
                        delimiter, mapping_json, mapping_sha256, rows_read, rows_imported, rows_rejected, records_sha256,
                        imported_at, imported_by, complete, first_record_id, new_source)
                    VALUES (:s, :no, :file, :sha, :size, :format, :enc, :delim, :mapping, :msha, 0, 0, 0, '', :at, :by,
                        FALSE, :first, :new)""")
                    .bind("s", sourceId).bind("no", versionNo).bind("file", facts.fileName()).bind("sha", facts.sha256())
                    .bind("size", facts.size()).bind("format", facts.format() == FileFacts.FileFormat.XLSX ? "xlsx" : "csv")
                    .bind("enc", charset.name()).bind("delim", delimiterText()).bind("mapping", mapping.toJson())
                    .bind("msha", mappingSha).bind("at", now).bind("by", request.actor())
                    .bind("first", firstRecordId).bind("new", known.isEmpty())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }

        /**
         * Locks the version in the transaction that will end the import, so that no one takes it for abandoned. On
         * PostgreSQL a NO KEY UPDATE lock: the foreign key of every record inserted takes a KEY SHARE lock on the
         * version, which FOR UPDATE would block (the import would wait for itself); it still blocks FOR UPDATE.
         */
        void hold(Handle lease, boolean postgres) {
            if (lease.createQuery("SELECT id FROM source_version WHERE id = :v AND NOT complete FOR "
                            + (postgres ? "NO KEY UPDATE" : "UPDATE")).bind("v", versionId)
                    .mapTo(Long.class).findFirst().isEmpty()) {
                throw new IllegalStateException("the new version " + versionNo + " of '" + request.source()
                        + "' was removed as abandoned while the import started (another process opened the register); import again");
            }
        }

        /** Reads, parses and stores every row, committing every {@code commitRows} rows into the incomplete version. */
        void load(boolean postgres) throws SQLException {
            handle.begin();
            chunks = postgres ? null : new RecordChunks.Writer(versionId, 0);
            incidents = new IncidentIds(handle, request.incident(), versionId);
            Connection c = handle.getConnection();
            // Raw JDBC batches for the hot path: Jdbi's per-row binding cost about a third of the
            // import's time on a million rows.
            // On H2 the ids a batch gave are read back (the record chunks hold them); PostgreSQL takes COPY.
            records = postgres ? new RecordValues.Copy(c) : new RecordValues.Batch(c, true);
            insertReject = c.prepareStatement("""
                    INSERT INTO rejected_row (source_version_id, row_no, column_name, cell_value, reason) VALUES (?, ?, ?, ?, ?)""");
            try {
                // Reading and parsing on a second thread, storing on this one (which holds the transaction).
                RecordDigest lines = new RecordDigest(); // the read-ahead thread's own: not thread-safe
                new ReadAhead<Parsed>("nomina-import-reader").run(sink -> {
                    TableHandler parsing = new TableHandler() {
                        @Override
                        public void header(List<String> names) {
                            Session.this.header(names);
                        }

                        @Override
                        public void row(int rowNo, long line, List<String> cells) {
                            RowParser.Outcome outcome = parser.parse(rowNo, line, cells);
                            RecordFacts facts = null;
                            byte[] digestLine = null;
                            if (outcome instanceof RowParser.Accepted accepted) {
                                facts = incidents.resolveDefault(accepted.facts());
                                digestLine = facts == null ? null : lines.line(accepted.record(), facts);
                            }
                            sink.accept(new Parsed(rowNo, line, outcome, facts, digestLine));
                        }
                    };
                    if (facts.format() == FileFacts.FileFormat.XLSX) {
                        XlsxTableReader.read(facts, mapping.sheet(), parsing);
                    } else {
                        CsvTableReader.read(facts, charset, delimiter, bytesRead, parsing);
                    }
                }, this::store);
                flush();
            } finally {
                records.close();
                insertReject.close();
            }
            handle.commit();
            if (rowsRead == 0) {
                throw new BadInputException(request.file() + ": the file has a header but no data rows; nothing to import");
            }
            if (rowsImported == 0) {
                Rejection first = rejects.get(0);
                throw new BadInputException(request.file() + ": none of the " + rowsRead + " rows could be imported; row "
                        + first.row() + (first.column().isEmpty() ? "" : ", column \"" + first.column() + "\"")
                        + (first.value().isEmpty() ? "" : ", value \"" + first.value() + "\"") + ": " + first.reason());
            }
        }

        /** In the transaction that holds the version: its counts and digest, complete (visible), and the ledger entry. */
        void finish(Handle lease) {
            String contentSha = digest.finish();
            lease.createUpdate("""
                    UPDATE source_version SET rows_read = :read, rows_imported = :imported, rows_rejected = :rejected,
                        records_sha256 = :digest, complete = TRUE WHERE id = :id""")
                    .bind("read", rowsRead).bind("imported", rowsImported).bind("rejected", rowsRejected)
                    .bind("digest", contentSha).bind("id", versionId).execute();
            request.kind().ifPresent(kind -> lease.createUpdate("UPDATE source SET kind = :kind WHERE id = :id")
                    .bind("kind", kind).bind("id", sourceId).execute());
            lease.createUpdate("UPDATE incident SET staged_by = NULL WHERE staged_by = :v").bind("v", versionId).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("source", request.source());
            payload.put("source_version_id", versionId);
            payload.put("version", versionNo);
            payload.put("file", facts.fileName());
            payload.put("sha256", facts.sha256());
            payload.put("size", facts.size());
            payload.put("encoding", charset.name());
            payload.put("delimiter", delimiterText());
            payload.put("mapping_sha256", mappingSha);
            payload.put("rows_read", rowsRead);
            payload.put("rows_imported", rowsImported);
            payload.put("rows_rejected", rowsRejected);
            payload.put("records_sha256", contentSha);
            Ledger.append(lease, request.actor(), "import", payload);
        }

        /**
         * After a failure: the batch in progress is rolled back and the committed ones removed with the version, in
         * the transaction that holds it, so the register is exactly as before. A failure here is added to the first.
         */
        void abandon(Handle lease, Throwable failure) {
            try {
                if (handle.isInTransaction()) {
                    handle.rollback();
                }
                StagedImports.remove(lease, versionId);
                lease.commit();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
        }

        private String delimiterText() {
            return facts.format() == FileFacts.FileFormat.XLSX ? "" : String.valueOf(delimiter);
        }

        /** Called on the read-ahead thread, before any row; what it sets is handed to this thread with the first rows. */
        void header(List<String> names) {
            List<String> header = new ArrayList<>(names.size());
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip();
                if (name.isEmpty()) {
                    name = "column " + (i + 1);
                }
                Integer before = seen.put(name, i);
                if (before != null) {
                    throw new BadInputException(request.file() + ": the header names column \"" + name + "\" twice (columns "
                            + (before + 1) + " and " + (i + 1) + "); rename one so that no value is lost or misread");
                }
                header.add(name);
            }
            for (String mapped : mapping.columns().keySet()) {
                if (!seen.containsKey(mapped.strip())) {
                    throw new BadInputException("mapping " + mapping.source().orElse("") + " names column \"" + mapped
                            + "\", which " + request.file() + " does not have; its columns are: " + quoted(header));
                }
            }
            List<ColumnMapping> byIndex = new ArrayList<>(header.size());
            Set<Field> taken = new HashSet<>();
            for (String name : header) {
                ColumnMapping cm = mapping.columns().get(name);
                if (cm == null && !mapping.isExplicit()) {
                    Optional<Field> f = HeaderDictionary.recognise(name).filter(taken::add);
                    cm = f.map(field -> ColumnMapping.recognised(name, field)).orElse(null);
                }
                if (cm == null) {
                    cm = ColumnMapping.extra(name);
                }
                cm.field().ifPresent(taken::add);
                byIndex.add(cm);
                columns.put(name, cm.target());
            }
            boolean hasName = byIndex.stream().anyMatch(cm -> cm.field()
                    .filter(f -> f == Field.FULL_NAME || f == Field.SURNAME || f == Field.GIVEN_NAME).isPresent());
            if (!hasName) {
                throw new BadInputException(request.file() + ": no column holds names (looked for headers such as name, full name, "
                        + "surname, ФИО, фамилия, soyadı); its columns are: " + quoted(header)
                        + ". Give a mapping with --mapping that says which column is full_name");
            }
            parser = new RowParser(header, byIndex, facts.format() != FileFacts.FileFormat.XLSX);
        }

        private static String quoted(List<String> names) {
            return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
        }

        /** Stores one parsed row (or its rejection), on the thread that holds the transaction. */
        private void store(Parsed parsed) {
            rowsRead++;
            int rowNo = parsed.rowNo();
            long line = parsed.line();
            RowParser.Outcome outcome = parsed.outcome();
            if (outcome instanceof RowParser.Accepted accepted && !recordIds.add(accepted.record().recordId())) {
                String idColumn = columns.entrySet().stream().filter(e -> e.getValue().equals("record_id")).map(Map.Entry::getKey)
                        .findFirst().orElse("");
                outcome = new RowParser.Rejected(List.of(new Rejection(rowNo, line, idColumn, accepted.record().recordId(),
                        "the record id '" + accepted.record().recordId() + "' is used by an earlier row of this file")));
            }
            try {
                switch (outcome) {
                    case RowParser.Accepted accepted -> {
                        if (parsed.digestLine() != null) {
                            addRecord(accepted.record(), parsed.facts(), parsed.digestLine());
                        } else {
                            RecordFacts facts = incidents.resolve(accepted.facts());
                            addRecord(accepted.record(), facts, digest.line(accepted.record(), facts));
                        }
                        if (!accepted.record().problems().equals("[]")) {
                            rowsWithProblems++;
                        }
                        for (String column : accepted.problemColumns()) {
                            problemsByColumn.merge(column, 1, Integer::sum);
                        }
                    }
                    case RowParser.Rejected rejected -> addRejection(rejected.reasons());
                }
                if (rowsRead % commitRows == 0) {
                    writeBatches();
                    handle.commit();
                    handle.begin();
                }
                if ((rowsRead & 0x3ff) == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("import interrupted at row " + rowNo + "; nothing was saved");
                    }
                    progress.update(rowsRead, bytesRead.get(), facts.size());
                }
            } catch (SQLException e) {
                throw new StoreException("cannot store row " + rowNo + ": " + e.getMessage(), e);
            }
        }

        private void addRecord(StoredRecord r, RecordFacts facts, byte[] digestLine) throws SQLException {
            rowsImported++;
            digest.addLine(digestLine);
            RecordValues v = records;
            v.id(versionId);
            v.id(sourceId);
            v.text(r.recordId());
            v.integer(r.rowNo());
            v.text(r.verbatim());
            v.text(r.fullName());
            v.text(r.surname());
            v.text(r.givenName());
            v.text(r.patronymic());
            v.text(r.sex());
            v.bool(r.sexInferred());
            v.integer(r.birthYear());
            v.integer(r.birthMonth());
            v.integer(r.birthDay());
            v.bool(r.birthApprox());
            v.integer(r.age());
            v.bool(r.ageApprox());
            v.integer(r.ageHigh());
            v.text(r.place());
            v.text(r.address());
            v.text(r.idNumber());
            v.integer(r.incidentYear());
            v.integer(r.incidentMonth());
            v.integer(r.incidentDay());
            v.text(r.status());
            v.text(r.notes());
            v.text(r.extra());
            v.text(r.problems());
            facts.add(v);
            v.end();
            if (chunks != null) {
                pendingRows.add(chunkRow(r, facts));
            }
            if (++pendingRecords >= BATCH) {
                executeRecords();
            }
        }

        /** What the record chunk holds of a record, its id still to come. */
        private RecordChunks.Row chunkRow(StoredRecord r, RecordFacts facts) {
            RecordChunks.Row row = new RecordChunks.Row();
            row.sourceId = sourceId;
            row.incidentId = facts.incidentId();
            row.status = r.status();
            row.statusYear = facts.statusYear();
            row.statusMonth = facts.statusMonth();
            row.statusDay = facts.statusDay();
            row.incidentYear = r.incidentYear();
            row.incidentMonth = r.incidentMonth();
            row.incidentDay = r.incidentDay();
            row.sex = r.sex();
            row.sexInferred = r.sexInferred();
            row.birthYear = r.birthYear();
            row.birthMonth = r.birthMonth();
            row.birthDay = r.birthDay();
            row.age = r.age();
            row.place = r.place();
            row.household = facts.household();
            row.relation = facts.relation();
            row.fatherName = facts.fatherName();
            row.motherName = facts.motherName();
            row.surname = r.surname();
            row.givenName = r.givenName();
            row.patronymic = r.patronymic();
            row.fullName = r.fullName();
            row.birthApprox = r.birthApprox();
            row.ageApprox = r.ageApprox();
            row.ageHigh = r.ageHigh();
            row.address = r.address();
            row.idNumber = r.idNumber();
            row.extra = r.extra();
            return row;
        }

        /** Executes the batch of records; on H2 gives the rows their ids and adds them to the chunk. */
        private void executeRecords() throws SQLException {
            records.execute();
            pendingRecords = 0;
            if (chunks == null) {
                return;
            }
            try (ResultSet keys = ((RecordValues.Batch) records).statement().getGeneratedKeys()) {
                for (RecordChunks.Row row : pendingRows) {
                    if (!keys.next()) {
                        throw new IllegalStateException("the database gave fewer ids than the " + pendingRows.size() + " records inserted");
                    }
                    row.id = keys.getLong(1);
                    chunks.add(row);
                }
            }
            pendingRows.clear();
        }

        private void addRejection(List<Rejection> reasons) throws SQLException {
            rowsRejected++;
            for (Rejection full : reasons) {
                Rejection r = new Rejection(full.row(), full.line(), truncate(full.column(), 500), truncate(full.value(), 1000),
                        truncate(full.reason(), 2000));
                digest.add(r.row(), r.column(), r.value(), r.reason());
                if (rejects.size() < MAX_REJECTS_LISTED) {
                    rejects.add(r);
                } else {
                    truncated = true;
                }
                insertReject.setLong(1, versionId);
                insertReject.setInt(2, r.row());
                insertReject.setString(3, r.column());
                insertReject.setString(4, r.value());
                insertReject.setString(5, r.reason());
                insertReject.addBatch();
                pendingRejects++;
            }
            if (pendingRejects >= BATCH) {
                insertReject.executeBatch();
                pendingRejects = 0;
            }
        }

        private static String truncate(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max);
        }

        private void flush() throws SQLException {
            writeBatches();
            progress.update(rowsRead, facts.size(), facts.size());
        }

        /** Executes what is batched, and stores the records' chunk: called before each commit. */
        private void writeBatches() throws SQLException {
            if (pendingRecords > 0) {
                executeRecords();
            }
            if (pendingRejects > 0) {
                insertReject.executeBatch();
                pendingRejects = 0;
            }
            if (chunks != null) {
                chunks.write(handle.getConnection());
            }
        }

        ImportResult result(double seconds) {
            return new ImportResult(request.source(), versionNo, request.file().toString(), facts.sha256(), rowsRead, rowsImported,
                    rowsRejected, List.copyOf(rejects), truncated, charset.name(), delimiterText(), columns, warnings, false, seconds,
                    rowsWithProblems, problemsByColumn);
        }
    }
}
