package org.nomina.engine.estimation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The published capture-history tables the tests reproduce (Kosovo, UK modern slavery, HIV, hare), kept
 * as test resources with their citations in {@code published/README.md} beside them, so that the tests
 * need nothing outside the repository.
 */
final class SharedData {
    private SharedData() {
    }

    static CaptureHistories table(String fileName) {
        try (InputStream in = SharedData.class.getResourceAsStream("published/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no published table named " + fileName);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CsvHistories.read(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
