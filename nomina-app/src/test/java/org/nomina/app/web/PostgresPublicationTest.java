package org.nomina.app.web;

import java.nio.file.Path;
import org.nomina.app.cli.TestRegisters;

class PostgresPublicationTest extends PublicationContract {
    @Override
    String databaseUrl(Path dir) {
        return TestRegisters.freshPostgresUrl();
    }

    @Override
    String label() {
        return "postgres";
    }
}
