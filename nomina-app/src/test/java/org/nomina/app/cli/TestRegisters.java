package org.nomina.app.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

/**
 * Databases for the app's tests, by URL (the commands take one): a PostgreSQL schema wiped clean, and a snapshot of
 * what a register holds, both through the store's {@code TestDatabases} (its test-jar).
 */
public final class TestRegisters {
    private TestRegisters() {
    }

    /**
     * The PostgreSQL URL of an empty schema of this JVM's own ({@link TestDatabases#freshSchema}), or the test is skipped
     * with a message saying how to run it.
     */
    public static String freshPostgresUrl() {
        return TestDatabases.freshSchema(TestDatabases.postgresUrl());
    }

    /**
     * Closes an embedded H2 database this JVM may still hold open (a URL with {@code DB_CLOSE_DELAY=-1} keeps
     * it open after the last connection), so that another process can open the file. No-op for PostgreSQL.
     */
    static void releaseEmbedded(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        // Plain JDBC: SHUTDOWN closes the connection under the statement, which Jdbi reports as a failure.
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the H2 database " + url + ": " + e.getMessage(), e);
        }
    }

    /** Row counts of every table and the ledger's head hash ({@link TestDatabases#snapshot}): equal snapshots mean nothing changed. */
    static Map<String, Object> snapshot(String url) {
        return withDatabase(url, TestDatabases::snapshot);
    }

    /** The ledger as {@link org.nomina.store.verify.Verifier#verify} finds it. */
    static org.nomina.store.verify.Verifier.Report verify(String url) {
        return withDatabase(url, db -> org.nomina.store.verify.Verifier.verify(db.jdbi()));
    }

    /** Runs {@code sql} (an UPDATE or DELETE a test uses to tamper with a register); the number of rows it changed. */
    static int execute(String url, String sql) {
        return withDatabase(url, db -> db.jdbi().withHandle(handle -> handle.createUpdate(sql).execute()));
    }

    /**
     * {@code use} applied to the database at {@code url}, which is then closed and, when embedded, shut down
     * ({@link #releaseEmbedded}): nothing of it stays open in this JVM to rewrite its lock file in a folder a test deletes.
     */
    static <T> T withDatabase(String url, java.util.function.Function<Database, T> use) {
        try (Database db = Database.open(url)) {
            return use.apply(db);
        } finally {
            if (url.startsWith("jdbc:h2:file:")) {
                releaseEmbedded(url);
            }
        }
    }

}
