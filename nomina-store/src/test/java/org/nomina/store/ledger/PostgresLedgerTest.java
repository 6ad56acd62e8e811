package org.nomina.store.ledger;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresLedgerTest extends LedgerContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
