package org.nomina.app.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.nomina.store.Database;

/**
 * Databases for the app's tests: a PostgreSQL schema wiped clean, and a snapshot of what a register
 * holds. The store's own {@code TestDatabases} is test code of another module, so this is a small copy.
 */
public final class TestRegisters {
    /** The environment variable that points the PostgreSQL tests at a server (CI sets it). */
    static final String POSTGRES_ENV = "NOMINA_TEST_POSTGRES_URL";

    private static final List<String> TABLES = List.of("source", "source_version", "source_record", "rejected_row", "incident",
            "person", "person_record", "victimisation", "victimisation_status", "ledger_entry");

    private TestRegisters() {
    }

    /** The PostgreSQL URL with an empty public schema, or the test is skipped with a message saying how to run it. */
    public static String freshPostgresUrl() {
        String url = System.getenv(POSTGRES_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PostgreSQL tests skipped: no server configured. Set " + POSTGRES_ENV
                        + "=jdbc:postgresql://localhost/nomina_test?user=…&password=… (.ci/run does).");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the PostgreSQL test schema at " + url + ": " + e.getMessage(), e);
        }
        return url;
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

    /** Row counts of every table and the ledger's head hash: equal snapshots mean nothing changed. */
    static Map<String, Object> snapshot(String url) {
        return Database.open(url).jdbi().withHandle(handle -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String table : TABLES) {
                out.put(table, handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            out.put("ledger head", handle.createQuery("SELECT hash FROM ledger_entry ORDER BY seq DESC")
                    .setMaxRows(1).mapTo(String.class).findFirst().orElse(""));
            return out;
        });
    }
}
