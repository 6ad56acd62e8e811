package org.nomina.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2ImportTest extends ImportContract {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
    }

    @Override
    Database db() {
        return db;
    }

    private int cacheMb() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'").mapTo(Integer.class).one());
    }

    private ImportResult importFile(java.nio.file.Path file, String source) {
        return new Importer(db).importFile(new ImportRequest(file, source, Optional.empty(), Optional.empty(), Optional.empty(),
                "tester"), Importer.Progress.NONE);
    }

    @Test
    void shouldPutTheCacheBackAfterAnImportAndAfterAFailedOne() throws IOException {
        int before = cacheMb();
        assertThat(before * 1024).as("H2's default is below the import's cache").isLessThan(Importer.IMPORT_CACHE_KB);
        importFile(TestFiles.utf8(dir, "a.csv", "Name,Status\nAli Mamedov,killed\n"), "A");
        assertThat(cacheMb()).isEqualTo(before);
        assertThatThrownBy(() -> importFile(TestFiles.utf8(dir, "b.csv", "Name,Status\n\"Unclosed,killed\n"), "B"))
                .hasMessageContaining("never closed");
        assertThat(cacheMb()).isEqualTo(before);
    }

    @Test
    void shouldMaintainNoSingleColumnForeignKeyIndexBesideTheVersionAndSourceIndexes() {
        // V14: H2 gave each foreign key an index of its own columns; the importer paid for them on every row.
        List<String> single = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT i.TABLE_NAME || '.' || MIN(c.COLUMN_NAME) FROM INFORMATION_SCHEMA.INDEXES i
                JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME
                WHERE i.TABLE_NAME IN ('SOURCE_RECORD', 'REJECTED_ROW') AND i.INDEX_SCHEMA = SCHEMA()
                GROUP BY i.TABLE_NAME, i.INDEX_NAME HAVING COUNT(*) = 1""").mapTo(String.class).list());
        assertThat(single).containsExactlyInAnyOrder("SOURCE_RECORD.ID", "SOURCE_RECORD.INCIDENT_ID", "REJECTED_ROW.ID");
    }
}
