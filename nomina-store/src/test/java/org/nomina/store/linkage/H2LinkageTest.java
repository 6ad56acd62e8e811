package org.nomina.store.linkage;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2LinkageTest extends LinkageContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
