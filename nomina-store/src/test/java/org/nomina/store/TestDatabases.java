package org.nomina.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** Fresh real databases for tests: an H2 file in a temporary directory, or a wiped PostgreSQL schema. */
public final class TestDatabases {
    /** The environment variable that points the PostgreSQL tests at a server (CI sets it). */
    public static final String POSTGRES_ENV = "NOMINA_TEST_POSTGRES_URL";

    private static final List<String> TABLES = List.of("source", "source_version", "source_record", "rejected_row", "incident",
            "person", "person_record", "victimisation", "victimisation_status", "ledger_entry", "source_record_chunk");

    private TestDatabases() {
    }

    public static Database h2(Path dir) {
        // Without AUTO_SERVER: its lock file is rewritten by a watchdog thread while the database stays open
        // (DB_CLOSE_DELAY=-1), which made JUnit fail now and then to delete the test's temporary directory.
        // These tests exercise one process; sharing a file between processes is tested by the web's tests.
        return Database.open(Database.h2Url(dir.resolve("db")).replace(";AUTO_SERVER=TRUE", ""));
    }

    /** The PostgreSQL URL, or the test is skipped with a message that says how to run it. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PostgreSQL tests skipped: no server configured. Set " + POSTGRES_ENV
                        + "=jdbc:postgresql://localhost/nomina_test?user=…&password=… (.ci/run does).");
        return url;
    }

    /**
     * This JVM's own schema on the test server: test runs of several checkouts against one server (engineers working
     * side by side) would otherwise wipe one another's tables mid-test. Dropped when the JVM ends.
     */
    public static final String SCHEMA = "nomina_test_" + ProcessHandle.current().pid();

    /** A PostgreSQL database with an empty schema (this JVM's own, {@link #SCHEMA}), migrated. */
    public static Database postgres() {
        return Database.open(freshSchema(postgresUrl()));
    }

    /** Empties {@link #SCHEMA} on the server at {@code url} and returns the URL that works in it. */
    public static String freshSchema(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the PostgreSQL test schema " + SCHEMA + " at " + url + ": " + e.getMessage(), e);
        }
        dropAtExit(url);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static volatile boolean dropHooked;

    private static synchronized void dropAtExit(String url) {
        if (dropHooked) {
            return;
        }
        dropHooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } catch (SQLException e) {
                // best effort: a schema left behind is emptied by the next run of the same process id
            }
        }));
    }

    /** Row counts of every table and the ledger's head hash: equal snapshots mean nothing changed. */
    public static Map<String, Object> snapshot(Database db) {
        return db.jdbi().withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String t : TABLES) {
                out.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
            out.put("head", h.createQuery("SELECT COALESCE(MAX(hash), '') FROM ledger_entry WHERE seq = (SELECT MAX(seq) FROM ledger_entry)")
                    .mapTo(String.class).findFirst().orElse(""));
            return out;
        });
    }
}
