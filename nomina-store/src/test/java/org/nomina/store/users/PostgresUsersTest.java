package org.nomina.store.users;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresUsersTest extends UsersContract {
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
