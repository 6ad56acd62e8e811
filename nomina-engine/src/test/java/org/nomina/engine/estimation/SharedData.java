package org.nomina.engine.estimation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shared MSE validation tables, read in place (never copied into the repository): from the
 * {@code nomina.shared.data} system property that surefire sets, else {@code ../shared/data} relative
 * to the working directory (or its parent, when run from the module directory).
 */
final class SharedData {
    private SharedData() {
    }

    static Path mseDirectory() {
        Stream<Path> candidates = Stream.of(
                System.getProperty("nomina.shared.data", ""),
                "../shared/data",
                "../../shared/data")
                .filter(path -> !path.isBlank())
                .map(path -> Path.of(path, "mse"));
        return candidates.filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("shared MSE data not found: set -Dnomina.shared.data=…/shared/data"));
    }

    static CaptureHistories table(String fileName) {
        try (Reader reader = Files.newBufferedReader(mseDirectory().resolve(fileName), StandardCharsets.UTF_8)) {
            return CaptureHistories.parseCsv(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
