package org.nomina.store.linkage;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresLinkageTest extends LinkageContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
