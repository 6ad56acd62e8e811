package org.nomina.engine.estimation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a comma-separated capture-history table (the published tables, tables written in tests) into the
 * header and rows {@link CaptureHistories#fromRows} takes, with commons-csv. The engine itself reads no
 * files: the command line reads a user's table as {@code import} reads a list.
 */
final class CsvHistories {
    private CsvHistories() {
    }

    static CaptureHistories read(Reader reader) {
        try (CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
            if (rows.isEmpty()) {
                return CaptureHistories.fromRows(List.of(), List.of());
            }
            return CaptureHistories.fromRows(rows.getFirst(), rows.subList(1, rows.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaptureHistories read(String csv) {
        return read(new StringReader(csv));
    }
}
