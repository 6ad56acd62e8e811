package org.nomina.store.users;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2UsersTest extends UsersContract {
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
