package org.nomina.store.linkage;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresLinkageTest extends LinkageContract {
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
