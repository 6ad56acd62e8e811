package org.nomina.store;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store test written once and run on each database: a subclass per database says how to {@link #open} it (an H2
 * file in {@link #dir}, or a wiped PostgreSQL schema, see {@link TestDatabases}), and every test gets a fresh one.
 */
public abstract class DatabaseContract {
    /** The test's own directory, for its database file and the lists it writes. */
    @TempDir
    protected Path dir;

    private Database db;

    /** A fresh, migrated database for one test. */
    protected abstract Database open();

    @BeforeEach
    void openDatabase() {
        db = open();
    }

    /** The database under test. */
    protected Database db() {
        return db;
    }
}
