package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.nomina.store.figures.RecordChunks;

/**
 * Creates {@code source_record_chunk} ({@link RecordChunks}: what figures reads of every record, as bytes, a commit's
 * records to a row) on both databases; on H2 fills it from the records stored so far, read through V12's covering
 * index {@code source_record_figures}, then drops that index (every imported row had to be inserted into its 21
 * columns: about 14% of a million rows' import CPU) and gives {@code source_record.id}'s identity a cache of 1,000
 * values (H2 writes a sequence's state every 32 values by default; a crash then skips up to 1,000 ids, and ids need
 * only grow). PostgreSQL keeps reading the records themselves (it never had the index) and gets an empty table, so
 * that removing an unfinished import is the same statement on both.
 * A Java migration because it reads and encodes the records, and the H2 part does not apply to PostgreSQL.
 */
public class V17__record_chunks extends BaseJavaMigration {

    /** Records per chunk when filling from stored records (the importer writes one per commit, at most this many). */
    private static final int CHUNK_RECORDS = 10_000;

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
            fill(c, s);
            s.execute("DROP INDEX IF EXISTS source_record_figures");
            s.execute("ALTER TABLE source_record ALTER COLUMN id SET CACHE 1000");
        }
    }

    /** One pass over every record in id order; a chunk ends where the version changes or at CHUNK_RECORDS records. */
    private static void fill(Connection c, Statement s) throws Exception {
        boolean indexed;
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = SCHEMA()"
                + " AND INDEX_NAME = 'SOURCE_RECORD_FIGURES'")) {
            rs.next();
            indexed = rs.getLong(1) > 0;
        }
        Map<Long, Integer> chunksOf = new HashMap<>();
        s.execute("SET LAZY_QUERY_EXECUTION TRUE");
        try (Statement read = c.createStatement()) {
            read.setFetchSize(10_000);
            RecordChunks.Writer writer = null;
            long version = -1;
            String sql = "SELECT " + RecordChunks.COLUMNS + ", r.source_version_id FROM source_record r"
                    + (indexed ? " USE INDEX (source_record_figures)" : "") + " WHERE r.id >= 0 ORDER BY r.id";
            try (ResultSet rs = read.executeQuery(sql)) {
                while (rs.next()) {
                    RecordChunks.Row row = RecordChunks.Row.read(rs);
                    long v = rs.getLong(22);
                    if (writer == null || v != version || writer.records() >= CHUNK_RECORDS) {
                        if (writer != null) {
                            writer.write(c);
                            chunksOf.merge(version, 1, Integer::sum);
                        }
                        version = v;
                        writer = new RecordChunks.Writer(v, chunksOf.getOrDefault(v, 0));
                    }
                    writer.add(row);
                }
            }
            if (writer != null) {
                writer.write(c);
            }
        } finally {
            s.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
    }
}
