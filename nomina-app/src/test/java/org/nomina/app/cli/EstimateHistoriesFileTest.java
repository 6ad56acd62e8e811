package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code estimate --histories FILE} reads its table as {@code import} reads a list: encoding and delimiter
 * detected, quoted values, {@code .xlsx}; a bad file exits 2 naming file, row, column and value. Every table
 * is two lists, 60 only on the first, 40 only on the second, 20 on both: Lincoln–Petersen gives 80 × 60 / 20 = 240.
 */
class EstimateHistoriesFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The command line, with a database in the test's folder (estimating from a table never opens it). */
    private InProcess.Result nomina(String... args) {
        return InProcess.runWithDatabaseIn(dir, args);
    }

    private Path write(String name, String content, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(charset));
    }

    private void assertLincolnPetersen(Path table) throws IOException {
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode r = JSON.readTree(result.out());
        assertThat(r.get("observed").asLong()).isEqualTo(120);
        assertThat(r.get("estimate").asDouble()).isCloseTo(240.0, Offset.offset(0.5));
    }

    @Test
    void shouldReadAWindows1251SemicolonTableWithQuotedCyrillicListNames() throws IOException {
        Path table = write("h1251.csv", "\"Больница №1\";\"Министерство; список\";count\n1;0;60\n0;1;40\n1;1;20\n",
                Charset.forName("windows-1251"));
        assertLincolnPetersen(table);
        InProcess.Result text = nomina("estimate", "--histories", table.toString());
        assertThat(text.out()).as(text.toString()).contains("Больница №1", "Министерство; список");
    }

    @Test
    void shouldReadATabSeparatedUtf8TableWithAByteOrderMarkAndEmptyLines() throws IOException {
        assertLincolnPetersen(write("h.tsv", "\uFEFFA\tB\tfreq\n1\t0\t60\n\n0\t1\t40\n1\t1\t20\n", StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadAnXlsxWorkbook() throws IOException {
        Path table = dir.resolve("h.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(table)) {
            Sheet sheet = workbook.createSheet("histories");
            String[][] cells = {{"A", "B", "count"}, {"1", "0", "60"}, {"0", "1", "40"}, {"1", "1", "20"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    if (r == 0) {
                        row.createCell(c).setCellValue(cells[r][c]);
                    } else {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[r][c]));
                    }
                }
            }
            workbook.write(out);
        }
        assertLincolnPetersen(table);
    }

    @Test
    void shouldNameFileRowColumnAndValueOfABadCellInASemicolonTable() throws IOException {
        Path table = write("bad.csv", "A;B;count\n1;0;60\n0;yes;40\n", StandardCharsets.UTF_8);
        InProcess.Result result = nomina("estimate", "--histories", table.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.csv", "row 3", "column \"B\"", "value \"yes\"");
    }

    @Test
    void shouldRefuseAnUnterminatedQuoteAndABinaryFileWithExitTwo() throws IOException {
        InProcess.Result quote = nomina("estimate", "--histories",
                write("quote.csv", "A,B,count\n\"1,0,60\n0,1,40\n", StandardCharsets.UTF_8).toString());
        assertThat(quote.exitCode()).isEqualTo(2);
        assertThat(quote.err()).contains("quote.csv", "line 2", "never closed");

        Path pdf = Files.write(dir.resolve("h.pdf"), "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));
        InProcess.Result binary = nomina("estimate", "--histories", pdf.toString());
        assertThat(binary.exitCode()).isEqualTo(2);
        assertThat(binary.err()).contains("h.pdf", "PDF");

        InProcess.Result missing = nomina("estimate", "--histories", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.csv", "no such file");
    }
}
