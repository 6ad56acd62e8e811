package org.nomina.store.users;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2UsersTest extends UsersContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
