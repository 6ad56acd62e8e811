package org.nomina.store.users;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresUsersTest extends UsersContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
