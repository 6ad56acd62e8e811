package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nomina.store.figures.RecordChunks;

/**
 * Creates {@code source_record_chunk} ({@link RecordChunks}: what figures reads of every record, as bytes, a commit's
 * records to a row) on both databases; on H2 (V19 fills it from the records stored so far) drops V12's covering index
 * {@code source_record_figures} (every imported row had to be inserted into its 21 columns: about 14% of a million
 * rows' import CPU) and gives {@code source_record.id}'s identity a cache of 1,000
 * values (H2 writes a sequence's state every 32 values by default; a crash then skips up to 1,000 ids, and ids need
 * only grow). PostgreSQL keeps reading the records themselves (it never had the index) and gets an empty table, so
 * that removing an unfinished import is the same statement on both.
 * A Java migration because it reads and encodes the records, and the H2 part does not apply to PostgreSQL.
 */
public class V17__record_chunks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().equals("H2");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + RecordChunks.TABLE + """
                     (
                        source_version_id BIGINT NOT NULL,
                        chunk             INT    NOT NULL,
                        first_id          BIGINT NOT NULL,
                        last_id           BIGINT NOT NULL,
                        records           INT    NOT NULL,
                        data              BYTEA  NOT NULL,
                        PRIMARY KEY (source_version_id, chunk)
                    )""");
            s.execute("CREATE INDEX " + RecordChunks.TABLE + "_first ON " + RecordChunks.TABLE + " (first_id)");
            if (!h2) {
                return;
            }
            // The chunks are filled by V19, which follows in the same run (with link's columns, which V12's index never
            // held): filling them here as well wrote every chunk of an older register twice.
            s.execute("DROP INDEX IF EXISTS source_record_figures");
            s.execute("ALTER TABLE source_record ALTER COLUMN id SET CACHE 1000");
        }
    }
}
