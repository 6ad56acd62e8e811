package org.nomina.app.web;

import java.nio.file.Path;
import org.nomina.store.Database;

class H2PublicationTest extends PublicationContract {
    @Override
    String databaseUrl(Path dir) {
        return Database.h2Url(dir.resolve("db"));
    }

    @Override
    String label() {
        return "h2";
    }
}
