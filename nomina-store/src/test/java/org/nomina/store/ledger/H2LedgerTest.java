package org.nomina.store.ledger;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2LedgerTest extends LedgerContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
