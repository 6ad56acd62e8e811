package org.nomina.engine.estimation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The published capture-history tables the tests reproduce (Kosovo, UK modern slavery, HIV, hare; their
 * sources and published estimates are in docs/estimation.md), read in place from the reference data
 * folder, never copied into the repository: the environment variable {@value #SETTING}, else the system
 * property {@code nomina.reference.data} that surefire sets to {@code ../shared/data}. When neither names a
 * folder holding {@code mse/}, the tests that need a table are skipped with a message naming the setting.
 */
final class SharedData {
    static final String SETTING = "NOMINA_REFERENCE_DATA";

    private SharedData() {
    }

    static Optional<Path> mseDirectory() {
        return Stream.of(System.getenv(SETTING), System.getProperty("nomina.reference.data"))
                .filter(value -> value != null && !value.isBlank())
                .map(value -> Path.of(value, "mse"))
                .findFirst()
                .filter(Files::isDirectory);
    }

    static CaptureHistories table(String fileName) {
        Optional<Path> directory = mseDirectory();
        if (directory.isEmpty()) {
            System.err.println("SKIPPED for want of reference data: the published MSE tables were not found; set " + SETTING
                    + " to the folder holding mse/ (e.g. ../shared/data)");
        }
        assumeTrue(directory.isPresent(), () -> "published MSE tables not found; set " + SETTING + " to the folder holding mse/");
        try (Reader reader = Files.newBufferedReader(directory.get().resolve(fileName), StandardCharsets.UTF_8)) {
            return CsvHistories.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory.get().resolve(fileName), e);
        }
    }
}
