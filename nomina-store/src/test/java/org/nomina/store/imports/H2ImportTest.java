package org.nomina.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

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
}
