package org.nomina.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;
import org.nomina.store.figures.RecordChunks;

class H2ImportTest extends ImportContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }

    @Test
    void shouldMaintainNoSingleColumnForeignKeyIndexBesideTheVersionAndSourceIndexes() {
        // V14: H2 gave each foreign key an index of its own columns; the importer paid for them on every row.
        List<String> single = db().jdbi().withHandle(h -> h.createQuery("""
                SELECT i.TABLE_NAME || '.' || MIN(c.COLUMN_NAME) FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME
                WHERE i.TABLE_NAME IN ('SOURCE_RECORD', 'REJECTED_ROW') AND i.INDEX_SCHEMA = SCHEMA()
                GROUP BY i.TABLE_NAME, i.INDEX_NAME HAVING COUNT(*) = 1""").mapTo(String.class).list());
        assertThat(single).containsExactlyInAnyOrder("SOURCE_RECORD.ID", "SOURCE_RECORD.INCIDENT_ID", "REJECTED_ROW.ID");
    }

    /** A list with every column figures reads, some empty, some repeated, dates whole and partial, names in three scripts. */
    private static String everyFiguresColumn(int rows) {
        StringBuilder text = new StringBuilder("ID,Household,Relation,Surname,Given name,Date of birth,Age,Sex,Village,Status,"
                + "Status date,Date of death,Father,Mother,Incident,Address,Passport,Remark\n");
        String[] surnames = {"Вәлиев", "Şirinbəyli", "Ohanian", "Оганесян", "Hovhannisyan"};
        String[] births = {"03.04.1984", "1950", "05.1961", "", "32.13.1951"};
        String[] statuses = {"killed", "taken hostage", "", "missing", "exchanged"};
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(',').append(i % 4 == 0 ? "" : "H" + (i / 4)).append(',').append(i % 4 == 1 ? "head" : i % 4 == 2 ? "son" : "")
                    .append(',').append(surnames[i % 5]).append(',').append("Name").append(i % 13).append(',').append(births[i % 5])
                    .append(',').append(i % 3 == 0 ? "" : i % 3 == 1 ? String.valueOf(i % 90) : "30-40").append(',')
                    .append(i % 6 == 0 ? "" : i % 2 == 0 ? "m" : "f").append(',').append(i % 5 == 0 ? "" : "Village " + (i % 3)).append(',')
                    .append(statuses[i % 5]).append(',').append(i % 3 == 0 ? "14.11.1994" : i % 3 == 1 ? "11.1994" : "").append(',')
                    .append(i % 7 == 0 ? "1992" : "").append(',').append(i % 4 == 2 ? "Father" + (i / 4) : "").append(',')
                    .append(i % 8 == 2 ? "Mother " + (i / 4) : "").append(',').append(i % 9 == 0 ? "Shelling of Village " + (i % 2) : "")
                    .append(',').append(i % 5 == 3 ? "\"ul. Nizami " + i + ", kv. 2\"" : "").append(',').append(i % 7 == 1 ? "AZE" + (1000 + i) : "")
                    .append(',').append(i % 11 == 4 ? "seen " + i : "").append('\n');
        }
        return text.toString();
    }

    private static List<RecordChunks.Row> chunkRows(Database db) {
        List<RecordChunks.Row> out = new ArrayList<>();
        db.jdbi().useHandle(h -> RecordChunks.scan(h, out::add));
        return out;
    }

    private static List<RecordChunks.Row> tableRows(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + RecordChunks.COLUMNS + " FROM source_record r ORDER BY r.id")
                .map((rs, ctx) -> RecordChunks.Row.read(rs)).list());
    }

    @Test
    void shouldKeepInTheRecordChunksExactlyWhatTheRecordsSayOfEveryColumnFiguresReads() throws IOException {
        // Several commits per import (so several chunks), two imports, an incident named by rows.
        Path first = TestFiles.utf8(dir, "first.csv", everyFiguresColumn(1234));
        Path second = TestFiles.utf8(dir, "second.csv", everyFiguresColumn(345));
        new Importer(db(), 100).importFile(new ImportRequest(first, "First", Optional.empty(), Optional.empty(), Optional.empty(), "t"),
                Importer.Progress.NONE);
        new Importer(db(), 100).importFile(new ImportRequest(second, "Second", Optional.empty(), Optional.empty(), Optional.empty(), "t"),
                Importer.Progress.NONE);
        List<RecordChunks.Row> table = tableRows(db());
        assertThat(table).hasSize(1234 + 345);
        assertThat(table).extracting(r -> r.status).contains("killed", "hostage");
        assertThat(table).filteredOn(r -> r.statusYear != null && r.statusMonth != null && r.statusDay == null).isNotEmpty();
        assertThat(table).filteredOn(r -> r.incidentId != 0).isNotEmpty();
        assertThat(table).filteredOn(r -> !r.fatherName.isEmpty()).isNotEmpty();
        assertThat(chunkRows(db())).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(table);
        long chunks = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM source_record_chunk").mapTo(Long.class).one());
        assertThat(chunks).as("one chunk per commit").isEqualTo(13 + 4);
    }

    @Test
    void shouldReportInVerifyARecordChunkThatNoLongerSaysWhatItsRecordsSay() throws Exception {
        new Importer(db(), 100).importFile(new ImportRequest(TestFiles.utf8(dir, "first.csv", everyFiguresColumn(250)), "First",
                Optional.empty(), Optional.empty(), Optional.empty(), "t"), Importer.Progress.NONE);
        assertThat(org.nomina.store.verify.Verifier.verify(db().jdbi()).problems()).isEmpty();
        List<RecordChunks.Row> table = tableRows(db());
        RecordChunks.Row changed = table.get(120);
        String said = changed.status;
        changed.status = said.equals("killed") ? "injured" : "killed";
        long version = db().jdbi().withHandle(h -> h.createQuery("SELECT MIN(source_version_id) FROM source_record_chunk").mapTo(Long.class).one());
        db().jdbi().useHandle(h -> {
            h.execute("DELETE FROM source_record_chunk");
            RecordChunks.Writer w = new RecordChunks.Writer(version, 0);
            table.forEach(w::add);
            w.write(h.getConnection());
        });
        assertThat(org.nomina.store.verify.Verifier.verify(db().jdbi()).problems()).singleElement().asString()
                .contains("1 record(s) differ", "record " + changed.id + ", column status", "'" + said + "'", "'" + changed.status + "'");

        db().jdbi().useHandle(h -> h.execute("DELETE FROM source_record_chunk"));
        assertThat(org.nomina.store.verify.Verifier.verify(db().jdbi()).problems()).singleElement().asString()
                .contains("250 record(s) differ", "record " + table.get(0).id + " has no copy in the record chunks");
    }

    @Test
    void shouldFillTheRecordChunksOfAnOlderRegisterFromItsRecordsAndDropTheFiguresIndex() throws IOException {
        Path first = TestFiles.utf8(dir, "first.csv", everyFiguresColumn(2345));
        new Importer(db(), 1000).importFile(new ImportRequest(first, "First", Optional.empty(), Optional.empty(), Optional.empty(), "t"),
                Importer.Progress.NONE);
        List<RecordChunks.Row> table = tableRows(db());
        // The register as V16 left it: no chunk table, V12's covering index, no V17 in the history.
        db().jdbi().useHandle(h -> {
            h.execute("DROP TABLE source_record_chunk");
            h.execute("""
                    CREATE INDEX source_record_figures ON source_record (id, source_id, incident_id, status, status_year, status_month,
                        status_day, incident_year, incident_month, incident_day, sex, sex_inferred, birth_year, birth_month, birth_day,
                        age, place, household, relation, father_name, mother_name)""");
            // V17 and every migration after it are applied again on open (V18 then finds its keys gone already).
            h.execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INT) >= 17");
        });
        db().close();
        try (Database again = TestDatabases.h2(dir)) {
            assertThat(chunkRows(again)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(table);
            int idCache = again.jdbi().withHandle(h -> h.createQuery("""
                    SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'SOURCE_RECORD'
                      AND COLUMN_NAME = 'ID'""").mapTo(Integer.class).one());
            assertThat(idCache).as("V17's identity cache for source_record.id").isEqualTo(1000);
            long figuresIndexes = again.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_NAME = 'SOURCE_RECORD_FIGURES'").mapTo(Long.class).one());
            assertThat(figuresIndexes).isZero();
            // Importing goes on after the migration, into chunks of its own.
            Path second = TestFiles.utf8(dir, "second.csv", everyFiguresColumn(10));
            new Importer(again).importFile(new ImportRequest(second, "Second", Optional.empty(), Optional.empty(), Optional.empty(), "t"),
                    Importer.Progress.NONE);
            assertThat(chunkRows(again)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(tableRows(again));
        }
    }

    @Test
    void shouldWriteTheChunksAgainWithLinksColumnsWhenARegisterOfV18IsOpened() throws Exception {
        new Importer(db(), 1000).importFile(new ImportRequest(TestFiles.utf8(dir, "first.csv", everyFiguresColumn(2345)), "First",
                Optional.empty(), Optional.empty(), Optional.empty(), "t"), Importer.Progress.NONE);
        List<RecordChunks.Row> table = tableRows(db());
        assertThat(table).filteredOn(r -> !r.address.isEmpty()).isNotEmpty();
        assertThat(table).filteredOn(r -> !r.idNumber.isEmpty()).isNotEmpty();
        assertThat(table).filteredOn(r -> !r.extra.equals("{}")).isNotEmpty();
        assertThat(table).filteredOn(r -> r.ageHigh != null).isNotEmpty();
        // Chunks without link's columns, as V17 wrote them (its format held none of them; blank here), and no V19.
        db().jdbi().useHandle(h -> {
            h.execute("DELETE FROM source_record_chunk");
            long version = h.createQuery("SELECT MIN(source_version_id) FROM source_record").mapTo(Long.class).one();
            RecordChunks.Writer w = new RecordChunks.Writer(version, 0);
            for (RecordChunks.Row r : table) {
                r.surname = r.givenName = r.patronymic = r.fullName = r.address = r.idNumber = "";
                r.extra = "{}";
                r.ageHigh = null;
                w.add(r);
            }
            w.write(h.getConnection());
            h.execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INT) >= 19");
        });
        db().close();
        try (Database again = TestDatabases.h2(dir)) {
            assertThat(chunkRows(again)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(tableRows(again));
            long chunks = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM source_record_chunk").mapTo(Long.class).one());
            assertThat(chunks).as("a chunk per 10,000 records of a version").isEqualTo(1);
        }
    }

    @Test
    void shouldRemoveTheChunksOfAnImportThatBreaksAfterSeveralCommits() throws IOException {
        new Importer(db()).importFile(new ImportRequest(TestFiles.utf8(dir, "earlier.csv", everyFiguresColumn(50)), "Earlier", Optional.empty(),
                Optional.empty(), Optional.empty(), "t"), Importer.Progress.NONE);
        Map<String, Object> before = TestDatabases.snapshot(db());
        Path broken = TestFiles.utf8(dir, "broken.csv", everyFiguresColumn(3000) + "3001,,,\"Unclosed,X\n");
        long[] chunksSeen = {0};
        Importer.Progress watch = (read, bytes, total) -> {
            if (read >= 2048 && chunksSeen[0] == 0) {
                chunksSeen[0] = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM source_record_chunk").mapTo(Long.class).one());
            }
        };
        assertThatThrownBy(() -> new Importer(db(), 500).importFile(new ImportRequest(broken, "Broken", Optional.empty(), Optional.empty(),
                Optional.empty(), "t"), watch)).isInstanceOf(BadInputException.class).hasMessageContaining("never closed");
        assertThat(chunksSeen[0]).as("chunks were committed before the failure").isGreaterThan(1);
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
    }
}
