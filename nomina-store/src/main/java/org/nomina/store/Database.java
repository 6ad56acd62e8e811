package org.nomina.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The register's database: an embedded H2 file by default, PostgreSQL for teams. Opening migrates the
 * schema with Flyway, so every command sees the current one. Thread-safe (Jdbi is).
 */
public final class Database implements AutoCloseable {

    /** Default location of the embedded database, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "nomina-data";

    private final String url;
    private final String user;
    private final String password;
    private final Jdbi jdbi;
    /** The connection pool of a long-running process (the web server), or null: commands connect per use. */
    private final com.zaxxer.hikari.HikariDataSource pool;
    /**
     * Without a pool, an H2 database is held open by this one idle connection while the Database is open.
     * H2 closes a database (and compacts and syncs its file) when its last connection closes, unless the URL
     * says {@code DB_CLOSE_DELAY=-1}; connecting per use then reopened the file for every use: {@code person
     * show --timing} on a register of a million persons took 462–793 ms per load, 74–178 ms with the
     * database kept open. Null for PostgreSQL (a server keeps its databases open) and for a pool.
     */
    private volatile Connection keeper;

    private Database(String url, String user, String password, int poolSize) {
        this.url = url;
        this.user = user;
        this.password = password;
        if (poolSize > 0) {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(serverSettings(url));
            if (!user.isEmpty()) {
                config.setUsername(user);
                config.setPassword(password);
            }
            config.setMaximumPoolSize(poolSize);
            config.setPoolName("nomina");
            this.pool = new com.zaxxer.hikari.HikariDataSource(config);
            this.jdbi = Jdbi.create(pool);
        } else {
            this.pool = null;
            this.jdbi = Jdbi.create(() -> connect(url, user, password));
        }
    }

    /**
     * An embedded H2 database as a long-running server uses it: the URL with a larger page cache and statement cache,
     * unless it sets them itself; other URLs as they are. H2's defaults suit a command that runs for seconds: 8 parsed
     * statements per connection (a person page alone runs more, so each was parsed again on every page) and a page
     * cache far smaller than a register of a million persons (each page read from the file was decompressed again).
     * The cache takes an eighth of the heap, from 16 to 512 MB; H2 itself never gives it more than half.
     */
    static String serverSettings(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        StringBuilder out = new StringBuilder(url);
        if (!lower.contains(";query_cache_size=")) {
            out.append(";QUERY_CACHE_SIZE=").append(SERVER_QUERY_CACHE);
        }
        if (!lower.contains(";cache_size=")) {
            long kb = Math.max(16 * 1024, Math.min(512 * 1024, Runtime.getRuntime().maxMemory() / 8 / 1024));
            out.append(";CACHE_SIZE=").append(kb);
        }
        return out.toString();
    }

    /** Parsed statements each pooled H2 connection keeps (H2's default: 8). */
    static final int SERVER_QUERY_CACHE = 64;

    /** The H2 file URL for a directory: the register lives in {@code DIR/nomina.mv.db}. */
    public static String h2Url(Path directory) {
        // DB_CLOSE_DELAY=-1 keeps the database open between connections: without it H2 closes (and
        // compacts and syncs) the file every time the last connection closes, which made a link run
        // of five thousand records spend most of its 13 s reopening the database.
        // AUTO_SERVER=TRUE lets a second process (the command line while `nomina serve` runs) use the same
        // file: the first process to open it serves it over loopback TCP to the others, instead of the
        // second failing with "Database may be already in use".
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("nomina") + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE";
    }

    /**
     * Opens (creating and migrating when needed) the database at {@code url}. User and password may be
     * given in the URL (PostgreSQL: {@code ?user=…&password=…}) or through NOMINA_DB_USER and
     * NOMINA_DB_PASSWORD.
     *
     * @throws BadInputException when the URL is not one Nomina can use or the server refuses it
     */
    public static Database open(String url) {
        return open(url, 0);
    }

    /**
     * Opens the database with a pool of at most {@code poolSize} connections (HikariCP), for a process that
     * serves many requests at once; {@link #close()} closes the pool. {@code poolSize} 0 connects per use.
     */
    public static Database open(String url, int poolSize) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("'" + url + "' is not a database Nomina can use: give a jdbc:h2:… or jdbc:postgresql:… URL");
        }
        if (lower.startsWith("jdbc:h2:file:")) {
            String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            Path parent = Path.of(path).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (java.io.IOException e) {
                throw new BadInputException("cannot create the database directory " + parent + ": " + e.getMessage(), e);
            }
        }
        String user = Optional.ofNullable(System.getenv("NOMINA_DB_USER")).orElse(lower.startsWith("jdbc:h2:") ? "sa" : "");
        String password = Optional.ofNullable(System.getenv("NOMINA_DB_PASSWORD")).orElse("");
        Database db;
        try {
            db = new Database(url, user, password, poolSize);
        } catch (com.zaxxer.hikari.pool.HikariPool.PoolInitializationException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new BadInputException("cannot open the database " + redact(url) + ": " + root.getMessage(), e);
        }
        try {
            if (poolSize == 0 && lower.startsWith("jdbc:h2:")) {
                db.keepOpen();
            }
            db.migrate();
            db.removeAbandonedImports();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Removes the incomplete versions a crashed or killed import left (StagedImports), saying so on stderr: the
     * register then holds exactly what it held before that import began.
     */
    private void removeAbandonedImports() {
        for (StagedImports.Removed r : StagedImports.removeAbandoned(jdbi)) {
            System.err.printf(Locale.ROOT, "nomina: removed an import that did not finish (crash or kill): source '%s' version %d,"
                    + " %,d rows it had stored; the register is as it was before that import%n", r.source(), r.version(), r.records());
        }
    }

    /** Opens {@link #keeper}; a database that cannot be opened is left to the migration, which names the cause. */
    private void keepOpen() {
        try {
            keeper = connect(url, user, password);
        } catch (SQLException e) {
            keeper = null;
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        if (user.isEmpty()) {
            return DriverManager.getConnection(url);
        }
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * The newest migration under {@code db/migration}; a test keeps it equal to the highest V file there.
     * A database already at this version skips Flyway, whose class loading and classpath scan cost
     * about 0.25 s of every command's start (Flyway still validates and migrates anything else).
     */
    static final int LATEST_MIGRATION = 19;

    private void migrate() {
        if (isCurrent()) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new BadInputException("cannot open the database " + redact(url) + ": " + root.getMessage(), e);
        }
    }

    /**
     * True when every recorded migration succeeded and they are exactly 1..LATEST_MIGRATION; false on any doubt
     * (no history table, a failed or repeatable migration, a newer version, one missing in between), which leaves
     * it to Flyway.
     */
    boolean isCurrent() {
        try (Connection c = connect(url, user, password);
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\"")) {
            int newest = -1;
            java.util.Set<Integer> applied = new java.util.HashSet<>();
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(2);
                if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type)) && rs.getBoolean(3)) {
                    continue; // Flyway's own marker rows: history table or schema created
                }
                if (version == null || !version.matches("[0-9]{1,9}") || !rs.getBoolean(3)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(version));
                applied.add(Integer.parseInt(version));
            }
            return newest == LATEST_MIGRATION && applied.size() == LATEST_MIGRATION;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the connection pool, if this database has one, or the connection that holds an H2 database open. */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        Connection held = keeper;
        keeper = null;
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                // The database is closed already (SHUTDOWN, or the JVM's exit); nothing is left to release.
            }
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A read on a plain JDBC connection. */
    @FunctionalInterface
    public interface ConnectionRead<T> {
        T read(Connection c) throws SQLException;
    }

    /**
     * One short read on a plain JDBC connection (from the pool, when there is one), closed afterwards. For a one-row
     * query asked on every request: a Jdbi handle's set-up and a statement's (its configuration copied, the SQL parsed for
     * named parameters, a mapper looked up) cost more CPU than H2's answer to {@code SELECT MAX(seq)} itself.
     */
    public <T> T read(ConnectionRead<T> read) {
        try (Connection c = pool != null ? pool.getConnection() : connect(url, user, password)) {
            return read.read(c);
        } catch (SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
    }

    /** The URL with any password removed, for messages. */
    public String describe() {
        return redact(url);
    }

    public boolean isPostgres() {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
