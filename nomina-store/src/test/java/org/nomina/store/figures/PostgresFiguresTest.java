package org.nomina.store.figures;

import org.junit.jupiter.api.BeforeEach;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;

class PostgresFiguresTest extends FiguresContract {
    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.postgres();
    }

    @Override
    Database db() {
        return db;
    }
}
