package org.nomina.store.claims;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresClaimsTest extends ClaimsContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
