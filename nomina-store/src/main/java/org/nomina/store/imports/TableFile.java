package org.nomina.store.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.nomina.store.BadInputException;

/**
 * A small table that is not a list of people (a capture-history table for {@code estimate --histories}),
 * read exactly as {@code import} reads a list: CSV, TSV, {@code ;}- or {@code |}-separated text or
 * {@code .xlsx}; the encoding detected over the whole file (or mixed line by line); the delimiter detected;
 * quoted values; old {@code .xls}, PDF, zip and binary files refused with a message saying what to do.
 * Held in memory: meant for tables of thousands of rows, not millions.
 *
 * @param header   the first row's cells
 * @param rows     the data rows' cells, in file order; {@code rows.get(i)} is row {@code i + 2} as import
 *                 numbers rows in its messages (the header is row 1; empty lines of text are not counted)
 * @param encoding the encoding it was read in ({@code UTF-8} for a workbook)
 * @param warnings what the reader noticed (two encodings mixed)
 */
public record TableFile(List<String> header, List<List<String>> rows, String encoding, List<String> warnings) {

    /**
     * Reads the whole table.
     *
     * @throws BadInputException naming the file (and the line, where there is one) when it cannot be read as a table
     */
    public static TableFile read(Path file) {
        FileFacts facts = FileSniffer.sniff(file);
        List<String> warnings = new ArrayList<>();
        Importer.TextLayout layout = Importer.layout(facts, Optional::empty, Optional::empty, warnings);
        Charset charset = layout.charset();
        List<List<String>> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        TableHandler collect = new TableHandler() {
            @Override
            public void header(List<String> names) {
                header.add(List.copyOf(names));
            }

            @Override
            public void row(int rowNo, long line, List<String> cells) {
                // rows[i] is row i + 2 as import numbers rows: a gap the reader skipped (an empty sheet row)
                // becomes one empty cell, which a reader of rows skips as an empty line
                while (rows.size() + 2 < rowNo) {
                    rows.add(List.of(""));
                }
                rows.add(List.copyOf(cells));
            }
        };
        if (facts.format() == FileFacts.FileFormat.XLSX) {
            XlsxTableReader.read(facts, Optional.empty(), collect);
        } else {
            CsvTableReader.read(facts, charset, layout.delimiter(), new AtomicLong(), collect);
        }
        if (header.isEmpty()) {
            throw new BadInputException(file + ": the file has no rows, not even a header");
        }
        return new TableFile(header.getFirst(), List.copyOf(rows), charset.name(), List.copyOf(warnings));
    }
}
