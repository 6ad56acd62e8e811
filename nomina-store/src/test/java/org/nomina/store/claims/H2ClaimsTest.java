package org.nomina.store.claims;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2ClaimsTest extends ClaimsContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
