package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nomina.store.figures.RecordChunks;

/**
 * On H2, writes every record chunk again ({@link RecordChunks}) with the columns link reads besides figures' (names,
 * full name, the approximation flags, the age range's high end, address, identity number, the unmapped columns), so
 * that link's load reads the chunks instead of scanning {@code source_record}, whose every row H2 decodes whole,
 * verbatim text and all (8.0–11.5 s of a million records' link on a 2-core machine, 4 December 2026). The chunks of
 * V17's format are dropped and written again from the records, read 10,000 at a time ({@link RecordChunks#fill}); a
 * register older than V17 gets its first chunks here. PostgreSQL has no chunks and nothing changes.
 */
public class V19__link_chunks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + RecordChunks.TABLE);
        }
        RecordChunks.fill(c);
    }
}
