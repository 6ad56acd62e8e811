package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nomina.store.Database;

/**
 * The command-line contract of docs/DESIGN.md and the README, run in-process through {@link NominaCommand#run}: exit codes,
 * one JSON document on stdout with {@code --json}, messages on stderr, and a bad file that changes nothing.
 * Every test has its own H2 register in a temporary directory; every name in it is invented.
 */
class CommandLineTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A small fictional list: one row without a name, one approximate age, English headers Nomina recognises. */
    private static final String PEOPLE = """
            ID,Name,Age,Village,Fate
            P-1,Anna Testova,34,Alpha,killed
            P-2,,40,Beta,missing
            P-3,Boris Probov,about 50,Gamma,injured
            """;

    private static JsonNode json(InProcess.Result result) throws IOException {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private InProcess.Result importPeople() throws IOException {
        InProcess.Result result = nomina("import", write("people.csv", PEOPLE).toString(), "--source", "Test list", "--actor", "tester");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void shouldPrintOneJsonDocumentWithCountsRejectsAndColumnsWhenImportingWithJson() throws IOException {
        Path file = write("people.csv", PEOPLE);

        InProcess.Result result = nomina("import", file.toString(), "--source", "Test list", "--json");

        JsonNode out = json(result);
        assertThat(keys(out)).containsExactly("source", "version", "file", "sha256", "already_imported", "rows_read", "rows_imported",
                "rows_rejected", "rejects", "rejects_truncated", "rows_with_problems", "problems_by_column", "encoding", "delimiter",
                "columns", "warnings", "seconds");
        assertThat(out.get("source").asText()).isEqualTo("Test list");
        assertThat(out.get("version").asInt()).isEqualTo(1);
        assertThat(out.get("file").asText()).isEqualTo(file.toString());
        assertThat(out.get("sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(out.get("already_imported").asBoolean()).isFalse();
        assertThat(out.get("rows_read").asInt()).isEqualTo(3);
        assertThat(out.get("rows_imported").asInt()).isEqualTo(2);
        assertThat(out.get("rows_rejected").asInt()).isEqualTo(1);
        assertThat(out.get("rejects")).hasSize(1);
        JsonNode reject = out.get("rejects").get(0);
        assertThat(keys(reject)).containsExactly("row", "line", "column", "value", "reason");
        assertThat(reject.get("row").asInt()).as("spreadsheet row: the header is row 1").isEqualTo(3);
        assertThat(reject.get("column").asText()).isEqualTo("Name");
        assertThat(reject.get("value").asText()).isEmpty();
        assertThat(reject.get("reason").asText()).contains("no name");
        assertThat(out.get("rejects_truncated").asBoolean()).isFalse();
        assertThat(out.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(out.get("delimiter").asText()).isEqualTo(",");
        assertThat(keys(out.get("columns"))).containsExactly("ID", "Name", "Age", "Village", "Fate");
        assertThat(keys(out.get("columns"))).extracting(column -> out.get("columns").get(column).asText())
                .containsExactly("record_id", "full_name", "age", "place", "status");
        assertThat(out.get("warnings")).isEmpty();
        assertThat(out.get("seconds").isNumber()).isTrue();
    }

    @Test
    void shouldReportAlreadyImportedAndChangeNothingWhenImportingTheSameFileAgain() throws IOException {
        importPeople();
        Map<String, Object> before = TestRegisters.snapshot(db);

        InProcess.Result again = nomina("import", dir.resolve("people.csv").toString(), "--source", "Test list", "--json");

        JsonNode out = json(again);
        assertThat(out.get("already_imported").asBoolean()).isTrue();
        assertThat(out.get("version").asInt()).isEqualTo(1);
        assertThat(out.get("rows_imported").asInt()).isZero();
        assertThat(out.get("warnings").get(0).asText()).contains("already imported into 'Test list' as version 1");
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
    }

    @Test
    void shouldExitTwoNamingTheOptionWhenSourceIsMissing() throws IOException {
        InProcess.Result result = nomina("import", write("people.csv", PEOPLE).toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--source");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenTheCommandIsUnknown() {
        InProcess.Result result = nomina("imprt", "people.csv");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("imprt");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenAnOptionIsUnknown() throws IOException {
        InProcess.Result result = nomina("import", write("people.csv", PEOPLE).toString(), "--source", "Test list", "--sauce", "x");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--sauce");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenNoCommandIsGiven() {
        InProcess.Result result = nomina();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("name a command");
    }

    @Test
    void shouldExitTwoWhenTheDatabaseUrlIsNotOneNominaCanUse() {
        InProcess.Result result = InProcess.run("--db", "jdbc:sqlite:/tmp/x.db", "stats");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("jdbc:sqlite:/tmp/x.db");
    }

    /** Files an import must refuse whole; each is written by code, and each message must name the file. */
    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("missing.csv", Optional.empty(), "no such file"),
                Arguments.of("empty.csv", Optional.of(new byte[0]), "empty"),
                Arguments.of("header_only.csv", Optional.of("ID,Name,Age\n".getBytes(StandardCharsets.UTF_8)), "no data rows"),
                Arguments.of("no_names.csv", Optional.of("ID,Name,Age\n1,,30\n2,,41\n".getBytes(StandardCharsets.UTF_8)),
                        "none of the 2 rows could be imported"),
                Arguments.of("twice.csv", Optional.of("ID,Name,Name\n1,Anna Testova,Anna\n".getBytes(StandardCharsets.UTF_8)),
                        "twice"),
                Arguments.of("binary.csv", Optional.of(new byte[] {'I', 'D', ',', 'N', 0, 1, 2, '\n', 'x', 0}), "NUL byte"),
                Arguments.of("report.csv", Optional.of("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)),
                        "PDF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void shouldExitTwoNamingTheFileAndChangeNothingWhenTheFileIsBad(String name, Optional<byte[]> content, String reason)
            throws IOException {
        importPeople();
        Map<String, Object> before = TestRegisters.snapshot(db);
        String statsBefore = nomina("stats", "--json").out();
        Path file = dir.resolve(name);
        if (content.isPresent()) {
            Files.write(file, content.get());
        }

        InProcess.Result result = nomina("import", file.toString(), "--source", "Bad list", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(file.toString()).contains(reason);
        assertThat(result.out()).as("no JSON document for a refused file").isEmpty();
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
        assertThat(nomina("stats", "--json").out()).isEqualTo(statsBefore);
    }

    @Test
    void shouldExitZeroAndPrintTheHeadHashWhenTheRegisterVerifies() throws IOException {
        importPeople();
        nomina("import", write("second.csv", "ID,Name\nS-1,Vera Primerova\n").toString(), "--source", "Second list");

        InProcess.Result result = nomina("verify");
        JsonNode report = json(nomina("verify", "--json"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("The register verifies: 2 ledger entries, 2 imports (3 records) match");
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("entries").asInt()).isEqualTo(2);
        assertThat(result.out()).contains(report.get("head_hash").asText());
    }

    @Test
    void shouldExitOneNamingTheLedgerEntryWhenAStoredRecordWasAlteredWithSql() throws IOException {
        importPeople();
        nomina("import", write("second.csv", "ID,Name\nS-1,Vera Primerova\nS-2,Oleg Obraztsov\n").toString(), "--source", "Second list");
        int altered = TestRegisters.execute(db, "UPDATE source_record SET full_name = 'Someone Else' WHERE record_id = 'S-2'");
        assertThat(altered).isEqualTo(1);

        InProcess.Result result = nomina("verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("ledger entry 2 (import of second.csv into 'Second list', version 1)")
                .contains("altered after the import");
        assertThat(result.err()).doesNotContain("ledger entry 1 ");
    }

    @Test
    void shouldExitOneNamingTheLedgerEntryWhenTheEntryItselfWasAlteredWithSql() throws IOException {
        importPeople();
        TestRegisters.execute(db, "UPDATE ledger_entry SET actor = 'someone else' WHERE seq = 1");

        InProcess.Result result = nomina("verify", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("problems")).hasSize(1);
        assertThat(report.get("problems").get(0).asText()).startsWith("ledger entry 1 (import by someone else").contains("was altered");
    }

    @Test
    void shouldExportRecordsAsCsvStartingWithSourceAndRecordId() throws IOException {
        importPeople();

        InProcess.Result result = nomina("export", "records", "--format", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header).startsWith("source,record_id"));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.out())).getRecords();
        assertThat(rows).extracting(row -> row.get("source") + "/" + row.get("record_id")).containsExactly("Test list/P-1", "Test list/P-3");
        assertThat(rows.get(1).get("full_name")).isEqualTo("Boris Probov");
        assertThat(rows.get(1).get("age")).isEqualTo("50");
    }

    @Test
    void shouldExportRecordsAsOneJsonArrayThatParses() throws IOException {
        importPeople();

        JsonNode records = json(nomina("export", "records", "--format", "json"));

        assertThat(records.isArray()).isTrue();
        assertThat(records).hasSize(2);
        JsonNode first = records.get(0);
        assertThat(keys(first)).startsWith("source", "record_id");
        assertThat(first.get("source").asText()).isEqualTo("Test list");
        assertThat(first.get("record_id").asText()).isEqualTo("P-1");
        assertThat(first.get("verbatim").get("Name").asText()).isEqualTo("Anna Testova");
        assertThat(first.get("status").asText()).isEqualTo("killed");
    }

    @Test
    void shouldWriteTheExportToAFileWhenOutIsGiven() throws IOException {
        importPeople();
        Path out = dir.resolve("records.csv");

        InProcess.Result result = nomina("export", "records", "--format", "csv", "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Wrote 2 records to " + out);
        assertThat(Files.readAllLines(out)).hasSize(3).first().asString().startsWith("source,record_id");
        assertThat(dir.resolve("records.csv.part")).doesNotExist();
    }

    @Test
    void shouldCountRecordsBySourceStatusSexAndAgeWhenStatsWithJson() throws IOException {
        importPeople();
        nomina("import", write("second.csv", "ID,Name,Sex,Age,Status\nS-1,Vera Primerova,female,12,missing\n").toString(),
                "--source", "Second list");

        JsonNode stats = json(nomina("stats", "--json"));

        assertThat(stats.get("records").asLong()).isEqualTo(3);
        assertThat(stats.get("sources").asLong()).isEqualTo(2);
        assertThat(stats.get("rejected_rows").asLong()).isEqualTo(1);
        assertThat(stats.get("by_source")).extracting(s -> s.get("source").asText() + ":" + s.get("records").asLong() + ":"
                + s.get("rejected_rows").asLong()).containsExactly("Second list:1:0", "Test list:2:1");
        assertThat(stats.get("by_status").get("killed").asLong()).isEqualTo(1);
        assertThat(stats.get("by_status").get("injured").asLong()).isEqualTo(1);
        assertThat(stats.get("by_status").get("missing").asLong()).isEqualTo(1);
        assertThat(stats.get("by_sex").get("female").asLong()).isEqualTo(2);
        assertThat(stats.get("by_sex").get("male").asLong()).isEqualTo(1);
        assertThat(stats.get("by_age_group").get("0-17").asLong()).isEqualTo(1);
        assertThat(stats.get("by_age_group").get("18-59").asLong()).isEqualTo(2);
    }

    /** One line of {@code nomina generate}: source, rows, file and, if it needs one, its mapping. */
    private record GeneratedList(String source, int rows, Path file, Optional<Path> mapping) {
        private static final Pattern LINE = Pattern.compile("^(.+?)\\s+([\\d,]+) rows  (\\S+)(?:  \\(mapping (\\S+)\\))?$");

        static Optional<GeneratedList> parse(String line) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new GeneratedList(m.group(1).strip(), Integer.parseInt(m.group(2).replace(",", "")), Path.of(m.group(3)),
                    Optional.ofNullable(m.group(4)).map(Path::of)));
        }
    }

    @Test
    void shouldRefuseAPlaceNoiseThatIsNotAShare() {
        InProcess.Result result = InProcess.run("generate", dir.resolve("noisy").toString(), "--place-noise", "1.5");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--place-noise must be between 0 and 1, not 1.5");
        assertThat(dir.resolve("noisy")).doesNotExist();
    }

    @Test
    void shouldImportEveryGeneratedListWithItsMappingEndToEnd() throws IOException {
        Path generated = dir.resolve("case");
        InProcess.Result generate = InProcess.run("generate", generated.toString(), "--people", "300", "--seed", "7");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        List<GeneratedList> lists = generate.out().lines().map(GeneratedList::parse).flatMap(Optional::stream).toList();
        assertThat(lists).extracting(GeneratedList::source)
                .containsExactly("Hospital register", "Committee of families", "NGO testimonies", "Ministry list");
        assertThat(lists).extracting(l -> l.file().getFileName().toString())
                .containsExactly("hospital_register.csv", "families_committee.xlsx", "ngo_testimonies.csv", "ministry_list.tsv");
        assertThat(lists).extracting(l -> l.mapping().isPresent()).containsExactly(true, false, false, true);

        long imported = 0;
        for (GeneratedList list : lists) {
            List<String> args = new ArrayList<>(List.of("import", list.file().toString(), "--source", list.source(), "--json"));
            list.mapping().ifPresent(m -> args.addAll(List.of("--mapping", m.toString())));

            JsonNode out = json(nomina(args.toArray(String[]::new)));

            assertThat(out.get("rows_read").asInt()).as(list.source()).isEqualTo(list.rows());
            assertThat(out.get("rows_imported").asInt() + out.get("rows_rejected").asInt()).as(list.source()).isEqualTo(list.rows());
            assertThat(out.get("rows_imported").asInt()).as(list.source()).isGreaterThan(list.rows() * 9 / 10);
            imported += out.get("rows_imported").asInt();
            switch (list.source()) {
                case "Hospital register" -> {
                    assertThat(out.get("encoding").asText()).isEqualTo("windows-1251");
                    assertThat(out.get("delimiter").asText()).isEqualTo(";");
                    // the generator leaves row no. 41 without a name: spreadsheet row 42
                    assertThat(out.get("rejects")).extracting(r -> r.get("row").asInt()).contains(42);
                }
                case "Committee of families" -> assertThat(out.get("delimiter").asText()).isEmpty();
                case "NGO testimonies" -> assertThat(out.get("encoding").asText()).isEqualTo("UTF-8");
                case "Ministry list" -> {
                    assertThat(out.get("encoding").asText()).isEqualTo("UTF-16LE");
                    assertThat(out.get("delimiter").asText()).isEqualTo("\t");
                }
                default -> throw new AssertionError("unexpected list " + list.source());
            }
        }

        JsonNode stats = json(nomina("stats", "--json"));
        assertThat(stats.get("records").asLong()).isEqualTo(imported);
        assertThat(stats.get("sources").asLong()).isEqualTo(4);
        assertThat(nomina("verify").exitCode()).isZero();
        JsonNode exported = json(nomina("export", "records", "--format", "json"));
        assertThat(exported).hasSize((int) imported);
        assertThat(exported).extracting(r -> r.get("source").asText()).containsOnly(
                lists.stream().map(GeneratedList::source).toArray(String[]::new));
    }

    @Test
    void shouldImportEveryHardGeneratedListKeepingEveryoneNamedAndReadingPastedUtf8Rows() throws IOException {
        Path generated = dir.resolve("hard");
        InProcess.Result generate = InProcess.run("generate", generated.toString(), "--hard", "--lists", "5", "--people", "600",
                "--seed", "3", "--no-xlsx");
        assertThat(generate.exitCode()).as(generate.toString()).isZero();
        List<GeneratedList> lists = generate.out().lines().map(GeneratedList::parse).flatMap(Optional::stream).toList();
        assertThat(lists).extracting(GeneratedList::source).containsExactly("Committee of families", "Hospital register",
                "Press reports", "NGO testimonies", "Armenian list");
        for (GeneratedList list : lists) {
            List<String> args = new ArrayList<>(List.of("import", list.file().toString(), "--source", list.source(), "--json"));
            list.mapping().ifPresent(m -> args.addAll(List.of("--mapping", m.toString())));
            JsonNode out = json(nomina(args.toArray(String[]::new)));
            assertThat(out.get("rows_read").asInt()).as(list.source()).isEqualTo(list.rows());
            assertThat(out.get("rows_rejected").asInt()).as(list.source() + ": only rows that name nobody")
                    .isLessThanOrEqualTo(Math.max(2, list.rows() / 50));
            out.get("rejects").forEach(r -> assertThat(r.get("reason").asText()).as(list.source()).contains("name"));
            if (list.source().equals("Hospital register")) {
                assertThat(out.get("encoding").asText()).isEqualTo("windows-1251");
                assertThat(out.get("warnings").toString()).contains("mixes two encodings", "first changes at line");
            }
        }
        JsonNode records = JSON.readTree(nomina("export", "records", "--format", "json").out());
        List<JsonNode> all = new ArrayList<>();
        records.forEach(all::add);
        assertThat(all).anySatisfy(r -> assertThat(r.get("age_high").isNull()).as("an age range").isFalse());
        assertThat(all).noneSatisfy(r -> assertThat(r.get("full_name").asText()).containsAnyOf("Р°", "Рµ", "Рѕ", "Рё"));
        assertThat(all).anySatisfy(r -> assertThat(r.get("full_name").asText()).containsPattern("\\p{IsArmenian}"));
    }

    @Test
    void shouldLoadTheDemoIntoItsOwnDatabaseAndPrintStatsWhenNotServing() {
        Path demo = dir.resolve("demo");

        InProcess.Result result = nomina("demo", "--no-serve", "--dir", demo.toString(), "--people", "300", "--case", "district");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Nomina demo: the fictional district of Nomkənd, 300 people")
                .contains("source records from 4 sources")
                .contains("By source").contains("Hospital register").contains("Ministry list")
                .contains("By status").contains("(verifies)")
                .contains("Linkage: ").contains("Estimate of the killed").contains("The generator knows the truth");
        assertThat(Files.exists(dir.resolve("db"))).as("the demo never touches the user's --db").isFalse();
        Map<String, Object> demoRegister = TestRegisters.snapshot(Database.h2Url(demo.resolve("db")));
        assertThat((Long) demoRegister.get("source")).as("four lists and two texts read for claims").isEqualTo(6);
        assertThat((Long) demoRegister.get("ledger_entry")).as("four imports, one link and two texts read for claims").isEqualTo(7);
        assertThat(result.out()).contains("Claims: what two fictional statements about the case say")
                .contains("Nomkənd Remembrance Society: exactly");
        assertThat((Long) demoRegister.get("person")).isPositive();
        assertThat((Long) demoRegister.get("source_record")).isPositive();
    }

    @Test
    void shouldRefuseToEmptyADirectoryTheDemoDidNotMake() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Path precious = Files.writeString(mine.resolve("notes.txt"), "not the demo's");

        InProcess.Result result = nomina("demo", "--no-serve", "--dir", mine.toString(), "--people", "50");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(mine.toString()).contains("not made by nomina demo");
        assertThat(precious).hasContent("not the demo's");
    }
}
