package org.nomina.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameTheNewestMigrationAsTheVersionThatSkipsFlyway() throws IOException, URISyntaxException {
        Path migrations = Path.of(DatabaseTest.class.getResource("/db/migration").toURI());
        Pattern name = Pattern.compile("V(\\d+)__.*\\.(sql|class)"); // SQL, or Java (db.migration) compiled beside them
        int newest;
        try (Stream<Path> files = Files.list(migrations)) {
            newest = files.map(f -> name.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
        assertThat(Database.LATEST_MIGRATION).as("Database.LATEST_MIGRATION must follow the newest migration").isEqualTo(newest);
    }

    @Test
    void aServersPoolOfH2ConnectionsKeepsMoreStatementsAndPagesUnlessTheUrlSaysOtherwise() {
        String url = Database.h2Url(dir.resolve("served"));
        assertThat(Database.serverSettings(url)).startsWith(url).contains(";QUERY_CACHE_SIZE=" + Database.SERVER_QUERY_CACHE).contains(";CACHE_SIZE=");
        assertThat(Database.serverSettings(url + ";CACHE_SIZE=4096;QUERY_CACHE_SIZE=3")).isEqualTo(url + ";CACHE_SIZE=4096;QUERY_CACHE_SIZE=3");
        String postgres = "jdbc:postgresql://127.0.0.1:5432/nomina?user=nomina";
        assertThat(Database.serverSettings(postgres)).isEqualTo(postgres);
        try (Database pooled = Database.open(url, 2)) {
            String kept = pooled.jdbi().withHandle(h -> h.createQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'").mapTo(String.class).one());
            assertThat(kept).isEqualTo(Integer.toString(Database.SERVER_QUERY_CACHE));
        }
    }

    @Test
    void shouldReopenACurrentDatabaseWithoutMigratingAgain() {
        String url = Database.h2Url(dir.resolve("db"));
        try (Database first = Database.open(url)) {
            first.jdbi().useHandle(h -> h.execute("INSERT INTO incident (name, created_at) VALUES ('x', CURRENT_TIMESTAMP)"));
        }
        try (Database again = Database.open(url)) {
            long incidents = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one());
            assertThat(incidents).isEqualTo(1);
            assertThat(again.isCurrent()).isTrue();
        }
    }

    @Test
    void shouldKeepAnH2DatabaseOpenBetweenUsesUntilClosed() {
        // An in-memory H2 database without DB_CLOSE_DELAY vanishes when its last connection closes, as an H2
        // file is closed (and reopened at the next use) then: the schema survives the migration's connections
        // and one use to the next only if the Database holds the database open.
        String url = "jdbc:h2:mem:kept-" + java.util.UUID.randomUUID();
        Database db = Database.open(url);
        db.jdbi().useHandle(h -> h.execute("INSERT INTO incident (name, created_at) VALUES ('x', CURRENT_TIMESTAMP)"));
        long incidents = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one());
        assertThat(incidents).isEqualTo(1);
        db.close();
        // Closed: the next connection finds a new, empty database.
        assertThatThrownBy(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incident").mapTo(Long.class).one()))
                .hasMessageContaining("INCIDENT");
    }

    @Test
    void shouldLeaveADatabaseWithAFailedMigrationToFlyway() {
        String url = Database.h2Url(dir.resolve("db"));
        try (Database db = Database.open(url)) {
            db.jdbi().useHandle(h -> h.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'"));
            assertThat(db.isCurrent()).isFalse();
            // Flyway refuses a history with a failed migration; the fast path must not hide that.
            assertThatThrownBy(() -> Database.open(url))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("cannot open the database");
        }
    }

    @Test
    void shouldLeaveADatabaseWithAMigrationMissingInBetweenToFlyway() {
        // Two branches' migrations merged in another order: a register that has the newest but not one below it must
        // go through Flyway (which applies or refuses the missing one), never skip it on the fast path.
        String url = Database.h2Url(dir.resolve("db"));
        try (Database db = Database.open(url)) {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + (Database.LATEST_MIGRATION - 1) + "'"));
            assertThat(db.isCurrent()).isFalse();
        }
    }
}
