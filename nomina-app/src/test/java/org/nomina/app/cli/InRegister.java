package org.nomina.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.nomina.store.Database;

/** A command-line test with its own H2 register in a temporary directory, and {@code nomina} run on it in this JVM. */
abstract class InRegister {
    @TempDir
    Path dir;

    /** The register's JDBC URL: an H2 file under {@link #dir}, so nothing is written elsewhere. */
    String db;

    @BeforeEach
    void openRegister() {
        db = Database.h2Url(dir.resolve("db"));
    }

    InProcess.Result nomina(String... args) {
        return InProcess.runOn(db, args);
    }

    /** Writes {@code content} as UTF-8 to {@code name} in the test's directory. */
    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
