package org.nomina.store.persons;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresPersonCorrectionsTest extends PersonCorrectionsContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
