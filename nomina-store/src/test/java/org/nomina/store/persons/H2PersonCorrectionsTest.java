package org.nomina.store.persons;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2PersonCorrectionsTest extends PersonCorrectionsContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
