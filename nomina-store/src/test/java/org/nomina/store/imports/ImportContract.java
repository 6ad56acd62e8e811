package org.nomina.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.store.BadInputException;
import org.nomina.store.DatabaseContract;
import org.nomina.store.TestDatabases;
import org.nomina.store.verify.Verifier;

/**
 * The import behaviour every database must show; run by {@code H2ImportTest} and {@code PostgresImportTest}.
 * All names in the files are invented.
 */
abstract class ImportContract extends DatabaseContract {
    private ImportResult importFile(Path file, String source) {
        return importFile(file, source, Optional.empty(), Optional.empty());
    }

    private ImportResult importFile(Path file, String source, Optional<Path> mapping, Optional<String> encoding) {
        return new Importer(db()).importFile(new ImportRequest(file, source, mapping, encoding, Optional.empty(), "tester"),
                Importer.Progress.NONE);
    }

    private Map<String, Object> record(String source, String recordId) {
        return db().jdbi().withHandle(h -> h.createQuery("""
                SELECT r.* FROM source_record r JOIN source s ON s.id = r.source_id WHERE s.name = :s AND r.record_id = :id""")
                .bind("s", source).bind("id", recordId).mapToMap().one());
    }

    /** Asserts that importing {@code file} fails with a message containing {@code expected} and changes nothing. */
    private void assertRejectedWhole(Path file, Optional<Path> mapping, Optional<String> encoding, String... expected) {
        importFile(TestFiles.utf8Unchecked(dir, "earlier.csv", "name,status\nZ. Earlier,killed\n"), "Earlier");
        Map<String, Object> before = TestDatabases.snapshot(db());
        assertThatThrownBy(() -> importFile(file, "Bad", mapping, encoding))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(expected));
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
    }

    @Test
    void shouldImportUtf8ListWithRecognisedEnglishHeaders() throws IOException {
        Path file = TestFiles.utf8(dir, "list.csv", """
                ID,Name,Date of birth,Sex,Village,Status,Remarks
                1,Ali Mamedov,12.03.1951,m,Nomkend,killed,seen by a neighbour
                2,Aygun Aliyeva,1960,,Verasli,missing,
                """);
        ImportResult r = importFile(file, "NGO list");
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.rowsImported()).isEqualTo(2);
        assertThat(r.encoding()).isEqualTo("UTF-8");
        assertThat(r.delimiter()).isEqualTo(",");
        assertThat(r.columns()).containsEntry("Name", "full_name").containsEntry("Date of birth", "birth_date")
                .containsEntry("Remarks", "notes").containsEntry("Village", "place");
        Map<String, Object> ali = record("NGO list", "1");
        assertThat(ali).containsEntry("surname", "Mamedov").containsEntry("given_name", "Ali").containsEntry("birth_year", 1951)
                .containsEntry("birth_month", 3).containsEntry("birth_day", 12).containsEntry("sex", "male")
                .containsEntry("sex_inferred", false).containsEntry("status", "killed");
        Map<String, Object> aygun = record("NGO list", "2");
        assertThat(aygun).containsEntry("sex", "female").containsEntry("sex_inferred", true).containsEntry("birth_month", null);
        assertThat((String) aygun.get("verbatim")).contains("\"Name\":\"Aygun Aliyeva\"");
    }

    @Test
    void shouldDetectWindows1251AndSemicolonsInARussianList() throws IOException {
        Path file = TestFiles.write(dir, "ru.csv", """
                №;ФИО;Дата рождения;Пол;Село;Статус
                1;МАМЕДОВ Али Гусейн оглы;12.03.1951;м;Номкенд;погиб
                2;ГАСАНОВА Лейла Вели кызы;;ж;Вересли;пропала без вести
                """, Charset.forName("windows-1251"));
        ImportResult r = importFile(file, "Hospital");
        assertThat(r.encoding()).isEqualTo("windows-1251");
        assertThat(r.delimiter()).isEqualTo(";");
        assertThat(r.rowsImported()).isEqualTo(2);
        assertThat(record("Hospital", "1")).containsEntry("surname", "Мамедов").containsEntry("given_name", "Али")
                .containsEntry("patronymic", "Гусейн оглы").containsEntry("place", "Номкенд");
        assertThat(record("Hospital", "2")).containsEntry("status", "missing").containsEntry("surname", "Гасанова");
    }

    @Test
    void shouldReadUtf16WithByteOrderMarkAndTabs() throws IOException {
        Path file = TestFiles.write(dir, "ministry.tsv", "Фамилия\tИмя\tОтчество\tГод рождения\r\nАлиев\tАли\tВели оглы\t1950\r\n",
                StandardCharsets.UTF_16LE, (byte) 0xFF, (byte) 0xFE);
        ImportResult r = importFile(file, "Ministry");
        assertThat(r.encoding()).isEqualTo("UTF-16LE");
        assertThat(r.delimiter()).isEqualTo("\t");
        assertThat(r.rowsImported()).isEqualTo(1);
    }

    @Test
    void shouldStripUtf8ByteOrderMarkAndReadPipes() throws IOException {
        Path file = TestFiles.write(dir, "press.csv", "Surname|Given name|Year of birth\nHasanov|Rauf|c. 1950\n",
                StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        ImportResult r = importFile(file, "Press");
        assertThat(r.columns()).containsKey("Surname");
        assertThat(record("Press", "row-2")).containsEntry("birth_year", 1950).containsEntry("birth_approx", true);
    }

    @Test
    void shouldDetectWindows1252ForWesternAccents() throws IOException {
        Path file = TestFiles.write(dir, "fr.csv", "Name,Village\nHélène Lefèvre,Saint-Étienne-Nom\n", Charset.forName("windows-1252"));
        ImportResult r = importFile(file, "Western");
        assertThat(r.encoding()).isEqualTo("windows-1252");
        assertThat(record("Western", "row-2")).containsEntry("given_name", "Hélène").containsEntry("place", "Saint-Étienne-Nom");
    }

    @Test
    void shouldImportAnXlsxWorkbookWithDateCellsAsIsoDates() throws IOException {
        Path file = TestFiles.xlsx(dir, "committee.xlsx", List.of(
                List.of("Sıra №", "Soyadı", "Adı", "Atasının adı", "Doğum tarixi", "Cinsi", "Taleyi"),
                List.of(1, "Məmmədov", "Əli", "Hüseyn", LocalDate.of(1951, 3, 12), "kişi", "həlak olub"),
                List.of(2, "Əliyeva", "Aygün", "Vəli", "1960", "qadın", "itkin düşüb")));
        ImportResult r = importFile(file, "Committee");
        assertThat(r.rowsImported()).isEqualTo(2);
        assertThat(record("Committee", "1")).containsEntry("birth_month", 3).containsEntry("birth_day", 12)
                .containsEntry("status", "killed").containsEntry("patronymic", "Hüseyn");
        assertThat(record("Committee", "2")).containsEntry("status", "missing").containsEntry("sex", "female");
    }

    @Test
    void shouldRecogniseArmenianHeadersAndWordsWithoutAMapping() throws IOException {
        Path file = TestFiles.utf8(dir, "hy.csv", "Հ/Հ,Ազգանուն,Անուն,Հայրանուն,Ծննդյան թվական,Սեռ,Բնակավայր,Ճակատագիր\n"
                + "1,Հովհաննիսյան,Անահիտ,Արամի,1971,իգական,գ. Նոմքենդ,անհետ կորած\n"
                + "2,Մամեդով,Ալի,,12.03.1951,արական,Նոմքենդ,զոհված\n");
        ImportResult r = importFile(file, "Armenian");
        assertThat(r.columns()).containsEntry("Հ/Հ", "record_id").containsEntry("Ազգանուն", "surname")
                .containsEntry("Անուն", "given_name").containsEntry("Հայրանուն", "patronymic")
                .containsEntry("Ծննդյան թվական", "birth_date").containsEntry("Սեռ", "sex")
                .containsEntry("Բնակավայր", "place").containsEntry("Ճակատագիր", "status");
        assertThat(r.rowsImported()).isEqualTo(2);
        assertThat(record("Armenian", "1")).containsEntry("surname", "Հովհաննիսյան").containsEntry("patronymic", "Արամի")
                .containsEntry("birth_year", 1971).containsEntry("sex", "female").containsEntry("status", "missing");
        assertThat(record("Armenian", "2")).containsEntry("birth_day", 12).containsEntry("sex", "male")
                .containsEntry("status", "killed").containsEntry("place", "Նոմքենդ");
    }

    @Test
    void shouldApplyAMappingWithValueMapsAndFormats() throws IOException {
        Path file = TestFiles.utf8(dir, "m.csv", "Кто;Когда;Что\nАлиев Али;1994-11-14;убит при обстреле\n");
        Path mapping = TestFiles.utf8(dir, "m.yaml", """
                delimiter: ";"
                columns:
                  "Кто":   {field: full_name, order: surname_first}
                  "Когда": {field: incident_date, format: "yyyy-MM-dd"}
                  "Что":   {field: status, values: {"убит при обстреле": killed}}
                """);
        ImportResult r = importFile(file, "Mapped", Optional.of(mapping), Optional.empty());
        assertThat(r.columns()).containsEntry("Кто", "full_name").containsEntry("Что", "status");
        assertThat(record("Mapped", "row-2")).containsEntry("status", "killed").containsEntry("incident_year", 1994)
                .containsEntry("surname", "Алиев");
    }

    @Test
    void shouldKeepARowWithAnUnreadableValueWhenTheMappingSaysInvalidKeep() throws IOException {
        Path file = TestFiles.utf8(dir, "febrl-like.csv", "id,name,dob\nr1,Ali Mamedov,19510230\nr2,Rauf Hasanov,19600101\n");
        Path mapping = TestFiles.utf8(dir, "keep.yaml", """
                columns:
                  "id":   {field: record_id}
                  "name": {field: full_name}
                  "dob":  {field: birth_date, invalid: keep}
                """);
        ImportResult r = importFile(file, "Keep", Optional.of(mapping), Optional.empty());
        assertThat(r.rowsImported()).isEqualTo(2);
        assertThat(r.rowsRejected()).isZero();
        Map<String, Object> kept = record("Keep", "r1");
        assertThat(kept).containsEntry("birth_year", null);
        assertThat((String) kept.get("problems")).contains("dob", "19510230", "left empty");
        assertThat(record("Keep", "r2")).containsEntry("birth_year", 1960);
    }

    @Test
    void shouldRefuseAnUnknownInvalidPolicyAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "list.csv", "Name\nAli Mamedov\n");
        Path mapping = TestFiles.utf8(dir, "map.yaml", "columns:\n  \"Name\": {field: full_name, invalid: ignore}\n");
        assertRejectedWhole(file, Optional.of(mapping), Optional.empty(), "map.yaml", "invalid must be keep", "or reject", "'ignore'");
    }

    @Test
    void shouldRejectOnlyRowsThatNameNobodyOrAreBrokenWithRowColumnValueAndReason() throws IOException {
        String big = "x".repeat(10 * 1024 * 1024);
        Path file = TestFiles.utf8(dir, "rows.csv", "ID,Name,Date of birth,Status\n"
                + "1,Ali Mamedov,12.03.1951,killed\n"
                + "2,Rauf Hasanov,32.13.1951,killed\n"
                + "3,,1950,killed\n"
                + "4,Leyla Aliyeva,1950,on holiday\n"
                + "5,Too Many,1950,killed,surplus\n"
                + "6,Too Few\n"
                + "7,\"" + big + "\",1950,killed\n"
                + "8,Vugar Kerimov,1955,injured\n"
                + "1,Ali Again,1951,killed\n");
        ImportResult r = importFile(file, "Rows");
        assertThat(r.rowsRead()).isEqualTo(9);
        assertThat(r.rowsImported()).isEqualTo(4);
        assertThat(r.rowsRejected()).isEqualTo(5);
        assertThat(r.rejects()).extracting(Rejection::row).containsExactlyInAnyOrder(4, 6, 7, 8, 10);
        assertThat(r.rejects()).anySatisfy(x -> assertThat(x.row() + x.reason()).isEqualTo("4the row has no name (no surname, given name or full name)"));
        assertThat(r.rejects()).anySatisfy(x -> assertThat(x.row() + x.reason()).isEqualTo("6the row has 5 values but the header has 4 columns"));
        assertThat(r.rejects()).anySatisfy(x -> assertThat(x.row() + x.reason()).isEqualTo("7the row has 2 values but the header has 4 columns"));
        assertThat(r.rejects()).anySatisfy(x -> {
            assertThat(x.row()).isEqualTo(8);
            assertThat(x.column()).isEqualTo("Name");
            assertThat(x.value()).endsWith("(10,485,760 characters)").hasSizeLessThan(100);
            assertThat(x.reason()).contains("limit is 100,000");
        });
        assertThat(r.rejects()).anySatisfy(x -> assertThat(x.row() + x.reason()).contains("10the record id '1' is used by an earlier row"));
        long stored = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT row_no) FROM rejected_row").mapTo(Long.class).one());
        assertThat(stored).isEqualTo(5);
    }

    @Test
    void shouldKeepARowWhoseSecondaryFieldsCannotBeReadWithTheFieldEmptyAndTheProblemNoted() throws IOException {
        Path file = TestFiles.utf8(dir, "keep.csv", """
                ID,Name,Date of birth,Age,Sex,Status,Date of incident
                1,Rauf Hasanov,32.13.1951,about forty-ish,martian,on holiday,14 Brumaire 1994
                2,Leyla Aliyeva,12.03.2051,41,f,killed,14.11.1994
                3,Vugar Kerimov,1955,39,m,injured,15.11.1994
                """);
        ImportResult r = importFile(file, "Keep all");
        assertThat(r.rowsImported()).isEqualTo(3);
        assertThat(r.rowsRejected()).isZero();
        assertThat(r.rowsWithProblems()).isEqualTo(2);
        assertThat(r.problemsByColumn()).containsExactly(Map.entry("Date of birth", 2), Map.entry("Age", 1), Map.entry("Sex", 1),
                Map.entry("Status", 1), Map.entry("Date of incident", 1));
        Map<String, Object> rauf = record("Keep all", "1");
        assertThat(rauf).containsEntry("birth_year", null).containsEntry("age", null).containsEntry("status", "")
                .containsEntry("incident_year", null).containsEntry("surname", "Hasanov");
        assertThat(rauf.get("sex")).as("unreadable sex: inferred from the name instead").isEqualTo("male");
        assertThat((String) rauf.get("problems")).contains("Date of birth: '32.13.1951'", "Age: 'about forty-ish'",
                "Sex: 'martian'", "Status: 'on holiday'", "Date of incident: '14 Brumaire 1994'", "left empty");
        assertThat((String) rauf.get("verbatim")).contains("\"Date of birth\":\"32.13.1951\"", "\"Status\":\"on holiday\"");
        Map<String, Object> leyla = record("Keep all", "2");
        assertThat(leyla).containsEntry("birth_year", null).containsEntry("age", 41);
        assertThat((String) leyla.get("problems")).contains("Date of birth: the birth date 2051-03-12 lies in the future");
        assertThat(record("Keep all", "3")).containsEntry("problems", "[]").containsEntry("birth_year", 1955);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldReadARepeatedDateAlikeOnEveryRowAndKeepEachRowsProblem() throws IOException {
        // RowParser keeps the dates it has read; a value read before must give the same date, and an unreadable or
        // future one its problem again on every row that has it.
        Path file = TestFiles.utf8(dir, "repeat.csv", """
                ID,Name,Date of birth,Date of incident
                1,Rauf Hasanov,12.03.1951,14.11.1994
                2,Leyla Aliyeva,32.13.1951,14.11.1994
                3,Vugar Kerimov,12.03.1951,12.03.2051
                4,Aygun Hasanova,32.13.1951,12.03.2051
                5,Ali Kerimov,12.03.1951,14.11.1994
                """);
        ImportResult r = importFile(file, "Repeats");
        assertThat(r.rowsImported()).isEqualTo(5);
        assertThat(r.problemsByColumn()).containsExactly(Map.entry("Date of birth", 2), Map.entry("Date of incident", 2));
        for (String id : List.of("1", "3", "5")) {
            assertThat(record("Repeats", id)).as("row " + id).containsEntry("birth_year", 1951).containsEntry("birth_month", 3)
                    .containsEntry("birth_day", 12);
        }
        for (String id : List.of("2", "4")) {
            assertThat(record("Repeats", id)).as("row " + id).containsEntry("birth_year", null);
            assertThat((String) record("Repeats", id).get("problems")).contains("Date of birth: '32.13.1951'");
        }
        for (String id : List.of("3", "4")) {
            assertThat(record("Repeats", id)).as("row " + id).containsEntry("incident_year", null);
            assertThat((String) record("Repeats", id).get("problems")).contains("2051-03-12 lies in the future");
        }
        assertThat(record("Repeats", "5")).containsEntry("incident_year", 1994).containsEntry("incident_day", 14)
                .containsEntry("problems", "[]");
    }

    @Test
    void shouldRejectUnreadableValuesOfAColumnMappedInvalidReject() throws IOException {
        Path file = TestFiles.utf8(dir, "strict.csv", "id,name,dob,fate\nr1,Ali Mamedov,19510230,on holiday\nr2,Rauf Hasanov,19600101,killed\n");
        Path mapping = TestFiles.utf8(dir, "strict.yaml", """
                columns:
                  "id":   {field: record_id}
                  "name": {field: full_name}
                  "dob":  {field: birth_date, invalid: reject}
                  "fate": {field: status}
                """);
        ImportResult r = importFile(file, "Strict", Optional.of(mapping), Optional.empty());
        assertThat(r.rowsImported()).isEqualTo(1);
        assertThat(r.rowsRejected()).isEqualTo(1);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.row()).isEqualTo(2);
            assertThat(x.column()).isEqualTo("dob");
            assertThat(x.value()).isEqualTo("19510230");
        });
        assertThat(record("Strict", "r2")).containsEntry("birth_year", 1960);
    }

    @Test
    void shouldTreatPlaceholdersAsEmptyAndRejectARowNamedOnlyByOne() throws IOException {
        Path file = TestFiles.utf8(dir, "placeholders.csv", """
                ID,Name,Date of birth,Age,Sex,Village,Status
                1,-,1950,40,m,Nomkend,killed
                2,N/A,,,,,
                3,неизвестно,,,,Verasli,missing
                4,Ali Mamedov,?,n/a,-,xxx,—
                5,naməlum,1960,,,,
                6,Rauf Hasanov,...,?,?,N/A,unknown
                7,Мамедов ?,,,,,
                8,- -,,,,,
                """);
        ImportResult r = importFile(file, "Placeholders");
        assertThat(r.rowsImported()).isEqualTo(3);
        assertThat(record("Placeholders", "7")).containsEntry("surname", "Мамедов").containsEntry("given_name", "");
        assertThat(r.rowsRejected()).isEqualTo(5);
        assertThat(r.rowsWithProblems()).as("placeholders are empty fields, not problems").isZero();
        assertThat(r.rejects()).anySatisfy(x -> {
            assertThat(x.row()).isEqualTo(2);
            assertThat(x.column()).isEqualTo("Name");
            assertThat(x.value()).isEqualTo("-");
            assertThat(x.reason()).contains("placeholder", "names nobody");
        });
        assertThat(r.rejects()).extracting(Rejection::value).containsExactlyInAnyOrder("-", "N/A", "неизвестно", "naməlum", "- -");
        Map<String, Object> ali = record("Placeholders", "4");
        assertThat(ali).containsEntry("surname", "Mamedov").containsEntry("birth_year", null).containsEntry("age", null)
                .containsEntry("place", "").containsEntry("status", "").containsEntry("problems", "[]");
        assertThat(record("Placeholders", "6")).containsEntry("place", "").containsEntry("status", "").containsEntry("age", null);
        long named = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM source_record WHERE full_name IN ('-', 'N/A')")
                .mapTo(Long.class).one());
        assertThat(named).isZero();
    }

    @Test
    void shouldStoreAgeRangesAndAgesInWords() throws IOException {
        Path file = TestFiles.utf8(dir, "ages.csv", """
                ID,Name,Age
                1,Ali Mamedov,30-40
                2,Rauf Hasanov,forty
                3,Гасан Алиев,сорок лет
                4,Həsən Əliyev,qırx yaşında
                5,Արամ Պետրոսյան,քառասուն
                6,Leyla Aliyeva,about 40
                7,Vugar Kerimov,40 лет
                8,Elchin Aliyev,40 yaşında
                """);
        ImportResult r = importFile(file, "Ages");
        assertThat(r.rowsImported()).isEqualTo(8);
        assertThat(r.rowsWithProblems()).isZero();
        assertThat(record("Ages", "1")).containsEntry("age", 30).containsEntry("age_high", 40);
        for (String id : List.of("2", "3", "4", "5", "7", "8")) {
            assertThat(record("Ages", id)).as(id).containsEntry("age", 40).containsEntry("age_high", null)
                    .containsEntry("age_approx", false);
        }
        assertThat(record("Ages", "6")).containsEntry("age", 40).containsEntry("age_approx", true);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    /** A Windows-1251 list with two rows pasted in from a UTF-8 sheet, as real bytes. */
    private Path mixedEncodingFile(String name) throws IOException {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            out.write("№;ФИО;Село\n1;Алиев Али Гасан оглы;Номкенд\n2;Гасанова Лейла;Вересли\n".getBytes(Charset.forName("windows-1251")));
            out.write("3;Мамедов Вугар;Номкенд\n4;Керимова Гюльнара;Ени Номкенд\n".getBytes(StandardCharsets.UTF_8));
            out.write("5;Велиев Рауф;Вересли\n".getBytes(Charset.forName("windows-1251")));
        }
        return file;
    }

    @Test
    void shouldReadEachLineOfAFileThatMixesWindows1251AndUtf8InItsOwnEncodingWithAWarning() throws IOException {
        ImportResult r = importFile(mixedEncodingFile("mixed-encodings.csv"), "Mixed encodings");
        assertThat(r.rowsImported()).isEqualTo(5);
        assertThat(r.encoding()).isEqualTo("windows-1251");
        assertThat(r.warnings()).singleElement().asString().contains("mixes two encodings", "4 lines are in windows-1251",
                "2 in UTF-8", "first changes at line 4, to UTF-8");
        assertThat(record("Mixed encodings", "3")).containsEntry("surname", "Мамедов").containsEntry("given_name", "Вугар");
        assertThat(record("Mixed encodings", "4")).containsEntry("surname", "Керимова").containsEntry("place", "Ени Номкенд");
        assertThat(record("Mixed encodings", "5")).containsEntry("surname", "Велиев");
        assertThat(record("Mixed encodings", "1")).containsEntry("patronymic", "Гасан оглы");
        long mojibake = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM source_record WHERE full_name LIKE '%Р%Р%'")
                .mapTo(Long.class).one());
        assertThat(mojibake).isZero();
    }

    @Test
    void shouldReadAMixedFileLineByLineAlsoWhenTheMappingDeclaresWindows1251() throws IOException {
        Path mapping = TestFiles.utf8(dir, "cp1251.yaml", """
                encoding: windows-1251
                delimiter: ";"
                columns:
                  "№":   {field: record_id}
                  "ФИО": {field: full_name, order: surname_first}
                  "Село": {field: place}
                """);
        ImportResult r = importFile(mixedEncodingFile("declared.csv"), "Declared", Optional.of(mapping), Optional.empty());
        assertThat(r.rowsImported()).isEqualTo(5);
        assertThat(r.warnings()).singleElement().asString().contains("line 4");
        assertThat(record("Declared", "4")).containsEntry("surname", "Керимова");
    }

    @Test
    void shouldRefuseAMixedFileWithALineValidInNeitherEncodingAndChangeNothing() throws IOException {
        Path file = dir.resolve("neither.csv");
        try (var out = Files.newOutputStream(file)) {
            out.write("ФИО;Село\nАлиев Али;Номкенд\n".getBytes(Charset.forName("windows-1251")));
            out.write("Мамедов Вугар;Номкенд\n".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {'X', (byte) 0x98, (byte) 0xC0, ';', 'Y', '\n'});
        }
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "neither.csv", "line 4 is valid neither as UTF-8 nor as windows-1251");
    }

    @Test
    void shouldReadMixedLineEndingsAsOneTable() throws IOException {
        Path file = TestFiles.utf8(dir, "mixed.csv", "Name,Status\r\nAli Mamedov,killed\nRauf Hasanov,injured\rLeyla Aliyeva,missing\r\n");
        ImportResult r = importFile(file, "Mixed");
        assertThat(r.rowsImported()).isEqualTo(3);
        assertThat(record("Mixed", "row-4")).containsEntry("status", "missing");
    }

    @Test
    void shouldReportNotDuplicateAFileImportedBefore() throws IOException {
        Path file = TestFiles.utf8(dir, "once.csv", "Name\nAli Mamedov\n");
        ImportResult first = importFile(file, "Once");
        Map<String, Object> before = TestDatabases.snapshot(db());
        ImportResult again = importFile(file, "Once");
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
        ImportResult other = importFile(file, "Another source");
        assertThat(other.alreadyImported()).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyFileAndChangeNothing() throws IOException {
        assertRejectedWhole(TestFiles.utf8(dir, "empty.csv", ""), Optional.empty(), Optional.empty(), "empty.csv", "the file is empty");
    }

    @Test
    void shouldRefuseAHeaderWithoutRowsAndChangeNothing() throws IOException {
        assertRejectedWhole(TestFiles.utf8(dir, "header.csv", "Name,Status\n"), Optional.empty(), Optional.empty(),
                "header.csv", "no data rows");
    }

    @Test
    void shouldRefuseABinaryFileAndChangeNothing() throws IOException {
        Path file = dir.resolve("photo.csv");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[10] = 0;
        Files.write(file, bytes);
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "photo.csv", "NUL byte", "binary");
    }

    @Test
    void shouldRefuseAWrongDeclaredEncodingAndChangeNothing() throws IOException {
        Path file = TestFiles.write(dir, "cp1251.csv", "Name;Status\nАлиев Али;погиб\n", Charset.forName("windows-1251"));
        assertRejectedWhole(file, Optional.empty(), Optional.of("UTF-8"), "cp1251.csv", "not valid UTF-8", "line 2", "windows-1251");
    }

    @Test
    void shouldRefuseAnUnterminatedQuoteAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "quote.csv", "Name,Status\nAli Mamedov,killed\n\"Rauf Hasanov,killed\nLeyla Aliyeva,missing\n");
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "quote.csv", "line 3", "never closed");
    }

    @Test
    void shouldRefuseDuplicatedHeaderNamesAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "dup.csv", "Name,Notes,Notes\nAli Mamedov,a,b\n");
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "dup.csv", "\"Notes\" twice", "columns 2 and 3");
    }

    @Test
    void shouldRefuseAMappingThatNamesAMissingColumnAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "list.csv", "Name,Status\nAli Mamedov,killed\n");
        Path mapping = TestFiles.utf8(dir, "map.yaml", "columns:\n  \"ФИО\": {field: full_name}\n");
        assertRejectedWhole(file, Optional.of(mapping), Optional.empty(), "\"ФИО\"", "list.csv", "\"Name\", \"Status\"");
    }

    @Test
    void shouldRefuseAMappingWithAnUnknownFieldAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "list.csv", "Name\nAli Mamedov\n");
        Path mapping = TestFiles.utf8(dir, "map.yaml", "columns:\n  \"Name\": {field: ful_name}\n");
        assertRejectedWhole(file, Optional.of(mapping), Optional.empty(), "map.yaml", "column \"Name\"", "unknown field 'ful_name'");
    }

    @Test
    void shouldRefuseAFileWhoseRowsAreAllBadAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "allbad.csv", "Name,Date of birth\n-,99.99.9999\n,1950\n");
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "allbad.csv", "none of the 2 rows", "row 2", "\"Name\"",
                "value \"-\"", "placeholder");
    }

    @Test
    void shouldRefuseAFileWithoutANameColumnAndChangeNothing() throws IOException {
        Path file = TestFiles.utf8(dir, "noname.csv", "Colour,Size\nred,3\n");
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "noname.csv", "no column holds names", "--mapping");
    }

    @Test
    void shouldRefuseAMissingFileAndChangeNothing() {
        assertRejectedWhole(dir.resolve("nowhere.csv"), Optional.empty(), Optional.empty(), "nowhere.csv", "no such file");
    }

    @Test
    void shouldRefuseACorruptWorkbookAndChangeNothing() throws IOException {
        Path file = dir.resolve("broken.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            zip.write("<not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "broken.xlsx", "not a readable .xlsx workbook");
    }

    @Test
    void shouldVerifyACleanRegisterAndCatchAnAlteredRecord() throws IOException {
        importFile(TestFiles.utf8(dir, "a.csv", "Name,Status\nAli Mamedov,killed\nRauf Hasanov,injured\n"), "A");
        importFile(TestFiles.utf8(dir, "b.csv", "Name,Status\nLeyla Aliyeva,missing\n"), "B");
        Verifier.Report clean = Verifier.verify(db().jdbi());
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.entries()).isEqualTo(2);
        db().jdbi().useHandle(h -> h.execute("UPDATE source_record SET surname = 'Forged' WHERE surname = 'Hasanov'"));
        Verifier.Report tampered = Verifier.verify(db().jdbi());
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.problems().get(0)).contains("ledger entry 1", "a.csv", "altered");
    }

    @Test
    void shouldCatchAnAlteredLedgerEntry() throws IOException {
        importFile(TestFiles.utf8(dir, "a.csv", "Name\nAli Mamedov\n"), "A");
        importFile(TestFiles.utf8(dir, "b.csv", "Name\nRauf Hasanov\n"), "B");
        db().jdbi().useHandle(h -> h.execute("UPDATE ledger_entry SET actor = 'someone else' WHERE seq = 2"));
        Verifier.Report report = Verifier.verify(db().jdbi());
        assertThat(report.problems()).singleElement().asString().contains("ledger entry 2", "was altered");
    }

    @Test
    void shouldCatchADeletedLedgerEntry() throws IOException {
        importFile(TestFiles.utf8(dir, "a.csv", "Name\nAli Mamedov\n"), "A");
        importFile(TestFiles.utf8(dir, "b.csv", "Name\nRauf Hasanov\n"), "B");
        db().jdbi().useHandle(h -> h.execute("DELETE FROM ledger_entry WHERE seq = 1"));
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString().contains("ledger entry 1 is missing");
    }

    /** A list of {@code rows} rows in many read-ahead batches; every 7th names its own incident, every 11th names nobody. */
    private static String manyRows(int rows) {
        StringBuilder text = new StringBuilder("ID,Name,Status,Incident\n");
        for (int i = 1; i <= rows; i++) {
            String name = i % 11 == 0 ? "" : "Person" + i + " Testov";
            String incident = i % 7 == 0 ? "Shelling of Village " + (i % 3) : "";
            text.append(i).append(',').append(name).append(",killed,").append(incident).append('\n');
        }
        return text.toString();
    }

    @Test
    void shouldStoreEveryRowOfAManyBatchImportInFileOrderWithADigestThatVerifies() throws IOException {
        int rows = 5 * ReadAhead.BATCH + 17;
        ImportResult r = importFile(TestFiles.utf8(dir, "many.csv", manyRows(rows)), "Many");
        int nameless = rows / 11;
        assertThat(r.rowsRead()).isEqualTo(rows);
        assertThat(r.rowsRejected()).isEqualTo(nameless);
        assertThat(r.rowsImported()).isEqualTo(rows - nameless);
        assertThat(r.rejects()).hasSize(nameless).allSatisfy(reject -> assertThat((reject.row() - 1) % 11).as("row %d names nobody", reject.row()).isZero());
        List<String> ids = db().jdbi().withHandle(h -> h.createQuery(
                "SELECT record_id FROM source_record ORDER BY id").mapTo(String.class).list());
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, rows).filter(i -> i % 11 != 0)
                .mapToObj(String::valueOf).toList();
        assertThat(ids).as("stored in the file's order").isEqualTo(expected);
        long withIncident = db().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM source_record WHERE incident_id IS NOT NULL").mapTo(Long.class).one());
        assertThat(withIncident).isEqualTo(java.util.stream.IntStream.rangeClosed(1, rows).filter(i -> i % 11 != 0 && i % 7 == 0).count());
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldLeaveNothingWhenTheFileBreaksAfterThousandsOfStoredRows() throws IOException {
        int rows = 4 * ReadAhead.BATCH;
        Path file = TestFiles.utf8(dir, "broken.csv", manyRows(rows) + (rows + 1) + ",\"Unclosed Quote,killed,\n"
                + (rows + 2) + ",After Quote,killed,\n");
        assertRejectedWhole(file, Optional.empty(), Optional.empty(), "broken.csv", "line " + (rows + 2), "never closed");
    }

    @Test
    void shouldLeaveNothingWhenARowFailsInTheDatabaseAfterThousandsOfStoredRows() throws IOException {
        // A record id over the column's 200 characters is refused by the database, not by the parser ("x"s would be
        // a placeholder): the failure comes from the storing thread while the read-ahead thread is ahead of it.
        int rows = 4 * ReadAhead.BATCH;
        StringBuilder text = new StringBuilder(manyRows(rows)).append("7".repeat(300)).append(",Long Id,killed,\n");
        for (int i = 1; i <= rows; i++) {
            text.append("later-").append(i).append(",Later").append(i).append(" Testov,killed,\n");
        }
        Path file = TestFiles.utf8(dir, "long-id.csv", text.toString());
        importFile(TestFiles.utf8Unchecked(dir, "earlier.csv", "name,status\nZ. Earlier,killed\n"), "Earlier");
        Map<String, Object> before = TestDatabases.snapshot(db());
        assertThatThrownBy(() -> importFile(file, "Long ids")).isInstanceOf(RuntimeException.class);
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
    }

    @Test
    void shouldStoreTabsBackslashesLineBreaksAndBackslashNExactlyAsWritten() throws IOException {
        // PostgreSQL takes the records through COPY's text format, where these characters are escapes.
        Path file = TestFiles.utf8(dir, "escapes.csv", "ID,Name,Status,Notes\n"
                + "e1,Back\\slash Testov,killed,\"tab\there\"\n"
                + "e2,\\N Testov,killed,\"two\nlines and \\n\"\n"
                + "e3,Carriage Testov,killed,\"a\rb\\\\c\\\"\n");
        ImportResult r = importFile(file, "Escapes");
        assertThat(r.rowsImported()).isEqualTo(3);
        assertThat(record("Escapes", "e1")).containsEntry("full_name", "Back\\slash Testov").containsEntry("notes", "tab\there");
        assertThat(record("Escapes", "e2")).containsEntry("full_name", "\\N Testov").containsEntry("notes", "two\nlines and \\n");
        assertThat(record("Escapes", "e3")).containsEntry("notes", "a\rb\\\\c\\");
        assertThat(String.valueOf(record("Escapes", "e1").get("verbatim"))).contains("tab\\there");
        Verifier.Report verified = Verifier.verify(db().jdbi());
        assertThat(verified.problems()).isEmpty();
    }

    /** Rows committed at a time by the staged imports below: a few thousand rows make several batches. */
    private static final int SMALL_COMMITS = 500;

    private long rawCount(String table) {
        return db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void shouldRemoveEveryCommittedBatchAndTheIncidentsItMadeWhenTheFileBreaksLater() throws IOException {
        int rows = 4 * ReadAhead.BATCH;
        Path file = TestFiles.utf8(dir, "broken-late.csv", manyRows(rows) + (rows + 1) + ",\"Unclosed Quote,killed,\n"
                + (rows + 2) + ",After Quote,killed,\n");
        importFile(TestFiles.utf8Unchecked(dir, "earlier.csv", "name,status\nZ. Earlier,killed\n"), "Earlier");
        Map<String, Object> before = TestDatabases.snapshot(db());
        long[] stagedSeen = {0, 0};
        Importer.Progress watch = (read, bytes, total) -> {
            if (read >= 3 * SMALL_COMMITS && stagedSeen[0] == 0) {
                stagedSeen[0] = rawCount("source_record") - (Long) before.get("source_record");
                stagedSeen[1] = rawCount("incident") - (Long) before.get("incident");
            }
        };
        assertThatThrownBy(() -> new Importer(db(), SMALL_COMMITS).importFile(new ImportRequest(file, "Broken late", Optional.empty(),
                Optional.empty(), Optional.empty(), "tester"), watch))
                .isInstanceOf(BadInputException.class).hasMessageContaining("never closed");
        assertThat(stagedSeen[0]).as("batches were committed before the failure").isGreaterThanOrEqualTo(2L * SMALL_COMMITS);
        assertThat(stagedSeen[1]).as("the incidents the rows named were created in the batches").isPositive();
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
        assertThat(rawCount("source_version WHERE NOT complete")).isZero();
    }

    @Test
    void shouldHideAnImportFromEveryReaderUntilItEndsAndNotRemoveItAsAbandonedWhileItRuns() throws IOException {
        importFile(TestFiles.utf8Unchecked(dir, "earlier.csv", "name,status\nZ. Earlier,killed\nY. Earlier,missing\n"), "Earlier");
        org.nomina.store.search.RegisterReader reader = new org.nomina.store.search.RegisterReader(db());
        org.nomina.store.stats.Stats.Summary statsBefore = org.nomina.store.stats.Stats.summarise(db().jdbi());
        Verifier.Report verifiedBefore = Verifier.verify(db().jdbi());
        int rows = 6 * ReadAhead.BATCH;
        Path file = TestFiles.utf8(dir, "staged.csv", manyRows(rows));
        List<String> seen = new java.util.ArrayList<>();
        Importer.Progress watch = (read, bytes, total) -> {
            if (read < 3 * SMALL_COMMITS || read >= rows || !seen.isEmpty()) {
                return;
            }
            seen.add("staged " + (rawCount("source_record") - statsBefore.records()));
            org.nomina.store.stats.Stats.Summary stats = org.nomina.store.stats.Stats.summarise(db().jdbi());
            assertThat(stats.records()).as("stats count").isEqualTo(statsBefore.records());
            assertThat(stats.sources()).as("stats sources").isEqualTo(statsBefore.sources());
            assertThat(stats.bySource()).isEqualTo(statsBefore.bySource());
            assertThat(stats.byStatus()).isEqualTo(statsBefore.byStatus());
            assertThat(reader.sources()).extracting(org.nomina.store.search.RegisterReader.Source::name).containsExactly("Earlier");
            assertThat(reader.sourceNames()).containsExactly("Earlier");
            assertThat(reader.newestVersion("Staged")).isEmpty();
            java.io.StringWriter csv = new java.io.StringWriter();
            assertThat(org.nomina.store.export.RecordExporter.export(db().jdbi(), org.nomina.store.export.RecordExporter.Format.CSV, csv))
                    .as("exported records").isEqualTo(statsBefore.records());
            Verifier.Report verified = Verifier.verify(db().jdbi());
            assertThat(verified.problems()).isEmpty();
            assertThat(verified.recordsChecked()).isEqualTo(verifiedBefore.recordsChecked());
            assertThat(org.nomina.store.StagedImports.removeAbandoned(db().jdbi())).as("a running import is not abandoned").isEmpty();
            seen.add("checked");
        };
        ImportResult r = new Importer(db(), SMALL_COMMITS).importFile(new ImportRequest(file, "Staged", Optional.empty(), Optional.empty(),
                Optional.empty(), "tester"), watch);
        assertThat(seen).hasSize(2).last().isEqualTo("checked");
        assertThat(Long.parseLong(seen.get(0).substring("staged ".length()))).as("rows committed while hidden")
                .isGreaterThanOrEqualTo(2L * SMALL_COMMITS);
        org.nomina.store.stats.Stats.Summary after = org.nomina.store.stats.Stats.summarise(db().jdbi());
        assertThat(after.records()).isEqualTo(statsBefore.records() + r.rowsImported());
        assertThat(reader.sourceNames()).containsExactly("Earlier", "Staged");
        Verifier.Report verified = Verifier.verify(db().jdbi());
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.recordsChecked()).isEqualTo(after.records());
        assertThat(rawCount("incident WHERE staged_by IS NOT NULL")).as("its incidents are settled").isZero();
    }

    @Test
    void shouldRemoveAnImportLeftIncompleteByACrashAndNothingElse() throws IOException {
        importFile(TestFiles.utf8Unchecked(dir, "earlier.csv", "name,status\nZ. Earlier,killed\n"), "Earlier");
        Map<String, Object> before = TestDatabases.snapshot(db());
        // What a killed import leaves: its source, an incomplete version, committed records and rejections, an incident.
        db().jdbi().useTransaction(h -> {
            long source = h.createUpdate("INSERT INTO source (name, created_at) VALUES ('Killed', CURRENT_TIMESTAMP)")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long first = h.createQuery("SELECT MAX(id) + 1 FROM source_record").mapTo(Long.class).one();
            long version = h.createUpdate("""
                    INSERT INTO source_version (source_id, version_no, file_name, sha256, size_bytes, file_format, encoding, delimiter,
                        mapping_json, mapping_sha256, rows_read, rows_imported, rows_rejected, records_sha256, imported_at, imported_by,
                        complete, first_record_id, new_source)
                    VALUES (:s, 1, 'killed.csv', :sha, 10, 'csv', 'UTF-8', ',', '{}', :sha, 0, 0, 0, '', CURRENT_TIMESTAMP, 'tester',
                        FALSE, :first, TRUE)""")
                    .bind("s", source).bind("sha", "0".repeat(64)).bind("first", first)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long incident = h.createUpdate("INSERT INTO incident (name, created_at, staged_by) VALUES ('Killed incident', CURRENT_TIMESTAMP, :v)")
                    .bind("v", version).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("""
                    INSERT INTO source_record (source_version_id, source_id, record_id, row_no, verbatim, full_name, surname, given_name,
                        patronymic, sex, sex_inferred, birth_approx, age_approx, place, address, id_number, status, notes, extra, problems,
                        incident_id)
                    VALUES (:v, :s, '1', 1, '{}', 'K. Killed', 'Killed', 'K.', '', 'unknown', FALSE, FALSE, FALSE, '', '', '', 'killed', '',
                        '{}', '[]', :i)""").bind("v", version).bind("s", source).bind("i", incident).execute();
            h.createUpdate("INSERT INTO rejected_row (source_version_id, row_no, column_name, cell_value, reason) VALUES (:v, 2, '', '', 'no name')")
                    .bind("v", version).execute();
        });
        assertThat(org.nomina.store.stats.Stats.summarise(db().jdbi()).records()).as("hidden before it is removed")
                .isEqualTo((Long) before.get("source_record"));
        List<org.nomina.store.StagedImports.Removed> removed = org.nomina.store.StagedImports.removeAbandoned(db().jdbi());
        assertThat(removed).containsExactly(new org.nomina.store.StagedImports.Removed("Killed", 1, 1));
        assertThat(TestDatabases.snapshot(db())).isEqualTo(before);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }
}
