package org.nomina.store.imports;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresImportTest extends ImportContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
