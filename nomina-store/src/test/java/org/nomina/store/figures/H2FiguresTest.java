package org.nomina.store.figures;

import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class H2FiguresTest extends FiguresContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }
}
