package org.nomina.store.claims;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresClaimsTest extends ClaimsContract {
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
