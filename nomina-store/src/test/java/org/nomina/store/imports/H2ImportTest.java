package org.nomina.store.imports;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2ImportTest extends ImportContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
