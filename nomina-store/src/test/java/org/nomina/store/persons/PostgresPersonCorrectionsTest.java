package org.nomina.store.persons;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresPersonCorrectionsTest extends PersonCorrectionsContract {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
    }

    @Override
    Database db() {
        return db;
    }
}
