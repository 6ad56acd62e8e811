package org.nomina.store.figures;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresFiguresTest extends FiguresContract {
    @Override
    protected Database open() {
        return TestDatabases.postgres();
    }
}
