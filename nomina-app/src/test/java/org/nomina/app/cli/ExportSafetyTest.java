package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomina.store.Database;

/** Exports opened in a spreadsheet run nothing, and keep Cyrillic and Armenian intact with {@code --bom}. All names invented. */
class ExportSafetyTest {
    @TempDir
    Path dir;

    private InProcess.Result nomina(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = Database.h2Url(dir.resolve("db"));
        System.arraycopy(args, 0, all, 2, args.length);
        return InProcess.run(all);
    }

    private void importList() throws IOException {
        Path file = Files.writeString(dir.resolve("list.csv"), """
                ID,Name,Age,Village,Fate
                F-1,"=HYPERLINK(""http://example.invalid"",""Testov"")",34,@Alpha,killed
                F-2,Սարգիս Թեստյան,30,Бета,missing
                F-3,Анна Тестова,40,+Gamma,killed
                """, StandardCharsets.UTF_8);
        InProcess.Result result = nomina("import", file.toString(), "--source", "Test list");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void shouldWriteFormulaLikeCellsAsTextInCsvExports() throws IOException {
        importList();

        InProcess.Result result = nomina("export", "records", "--format", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.out())).getRecords();
        assertThat(rows).extracting(r -> r.get("full_name"))
                .contains("'=HYPERLINK(\"http://example.invalid\",\"Testov\")", "Анна Тестова");
        assertThat(rows).extracting(r -> r.get("place")).contains("'@Alpha", "'+Gamma", "Бета");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("full_name")).doesNotStartWith("="));
    }

    @Test
    void shouldStartTheFileWithAByteOrderMarkOnlyWhenAsked() throws IOException {
        importList();
        Path plain = dir.resolve("plain.csv");
        Path excel = dir.resolve("excel.csv");

        assertThat(nomina("export", "records", "--out", plain.toString()).exitCode()).isZero();
        assertThat(nomina("export", "records", "--bom", "--out", excel.toString()).exitCode()).isZero();

        byte[] bytes = Files.readAllBytes(excel);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllBytes(plain)[0]).isEqualTo((byte) 's');
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Анна Тестова");
    }
}
