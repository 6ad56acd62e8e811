package org.nomina.store.persons;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2PersonCorrectionsTest extends PersonCorrectionsContract {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
    }

    @Override
    Database db() {
        return db;
    }
}
