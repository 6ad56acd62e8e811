package org.nomina.store.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimLanguage;
import org.nomina.engine.claims.Qualifier;
import org.nomina.engine.claims.Subgroup;
import org.nomina.store.BadInputException;
import org.nomina.store.DatabaseContract;
import org.nomina.store.TestDatabases;
import org.nomina.store.verify.Verifier;

/**
 * What every database must do with claims; run by {@code H2ClaimsTest} and {@code PostgresClaimsTest}.
 * The statements are fictional.
 */
abstract class ClaimsContract extends DatabaseContract {
    static final String STATEMENT = """
            Statement of the Fernhill Council (fictional)

            On 4 March 1999, 212 people were killed in Fernhill, including 31 children. 96 were wounded, and 40 residents were taken hostage.
            The fate of 12 of them remains unknown.
            """;

    static final String RUSSIAN = "Заявление (вымышленное)\n\nВ Ольховке погибли 57 человек, в том числе 9 детей. Более 200 жителей были изгнаны.\n";

    ClaimStore store() {
        return new ClaimStore(db());
    }

    Path write(String name, String text, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    ClaimImportResult read(Path file, String source) {
        return store().store(new ClaimRequest(file, source, "statement", Optional.empty(), Optional.empty(), Optional.empty(), "tester"));
    }

    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>(TestDatabases.snapshot(db()));
        db().jdbi().useHandle(h -> {
            for (String t : List.of("source_text", "claim", "claim_reading")) {
                out.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
        });
        return out;
    }

    @Test
    void shouldStoreTheTextVerbatimWithItsClaimsAndALedgerEntry() throws IOException {
        Path file = write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8);

        ClaimImportResult result = read(file, "Fernhill Council");

        assertThat(result.version()).isEqualTo(1);
        assertThat(result.alreadyStored()).isFalse();
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.claims()).extracting(c -> c.reading().category(), c -> c.reading().count())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(212)),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(31)),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.INJURED, OptionalLong.of(96)),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.HOSTAGE, OptionalLong.of(40)),
                        org.assertj.core.groups.Tuple.tuple(ClaimCategory.MISSING, OptionalLong.of(12)));
        assertThat(result.claims().get(1).parentId()).contains(result.claims().get(0).id());
        assertThat(result.claims().get(4).parentId()).contains(result.claims().get(3).id());
        db().jdbi().useHandle(h -> {
            assertThat(h.createQuery("SELECT content FROM source_text").mapTo(String.class).one()).isEqualTo(STATEMENT);
            assertThat(h.createQuery("SELECT kind FROM source WHERE name = 'Fernhill Council'").mapTo(String.class).one()).isEqualTo("statement");
            assertThat(h.createQuery("SELECT action FROM ledger_entry ORDER BY seq DESC").mapTo(String.class).first()).isEqualTo("claims");
        });
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldReportTheSameFileAgainWithoutStoringItTwice() throws IOException {
        Path file = write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8);
        read(file, "Fernhill Council");
        Map<String, Object> before = snapshot();

        ClaimImportResult again = read(file, "Fernhill Council");

        assertThat(again.alreadyStored()).isTrue();
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.claims()).hasSize(5);
        assertThat(again.warnings()).singleElement().asString().contains("already read");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldStoreAChangedFileAsTheSourcesNextVersion() throws IOException {
        read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");

        ClaimImportResult second = read(write("fernhill-2.txt", STATEMENT + "\nLater, 3 more people died of their wounds.\n",
                StandardCharsets.UTF_8), "Fernhill Council");

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.claims()).hasSize(6);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldReadRussianTextInWindows1251AndUtf16() throws IOException {
        ClaimImportResult cp1251 = read(write("olkhovka-1251.txt", RUSSIAN, Charset.forName("windows-1251")), "Olkhovka 1251");
        ClaimImportResult utf16 = read(write("olkhovka-16.txt", "\uFEFF" + RUSSIAN, StandardCharsets.UTF_16LE), "Olkhovka 16");

        for (ClaimImportResult r : List.of(cp1251, utf16)) {
            assertThat(r.language()).isEqualTo("ru");
            assertThat(r.claims()).extracting(c -> c.reading().category(), c -> c.reading().low(), c -> c.reading().qualifier())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(57), Qualifier.EXACT),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(9), Qualifier.EXACT),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.DISPLACED, OptionalLong.of(200), Qualifier.MORE_THAN));
        }
        assertThat(cp1251.encoding()).isEqualTo("windows-1251");
        assertThat(utf16.encoding()).isEqualTo("UTF-16LE");
    }

    @Test
    void shouldReadDocxHtmlAndTheTextLayerOfAPdf() throws IOException {
        Path docx = dir.resolve("fernhill.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            for (String paragraph : STATEMENT.split("\n\n")) {
                document.createParagraph().createRun().setText(paragraph.strip());
            }
            document.write(out);
        }
        Path html = write("fernhill.html", "<!DOCTYPE html><html><head><title>Fernhill</title><script>var x = 5;</script></head><body>"
                + "<h1>Statement of the Fernhill Council</h1><p>On 4 March 1999, 212 people were killed in Fernhill, including 31 children.</p>"
                + "<p>96 were wounded, and 40 residents were taken hostage.</p><p>The fate of 12 of them remains unknown.</p></body></html>",
                StandardCharsets.UTF_8);
        Path pdf = dir.resolve("fernhill.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 700);
                content.showText("On 4 March 1999, 212 people were killed in Fernhill, including 31 children.");
                content.newLineAtOffset(0, -30);
                content.showText("96 were wounded, and 40 residents were taken hostage. The fate of 12 of them remains unknown.");
                content.endText();
            }
            document.save(pdf.toFile());
        }

        for (Path file : List.of(docx, html, pdf)) {
            ClaimImportResult r = read(file, "Fernhill " + file.getFileName());
            assertThat(r.claims()).as(file.getFileName().toString())
                    .extracting(c -> c.reading().category(), c -> c.reading().count(), c -> c.reading().subgroup())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(212), Optional.empty()),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.KILLED, OptionalLong.of(31), Optional.of(Subgroup.CHILDREN)),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.INJURED, OptionalLong.of(96), Optional.empty()),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.HOSTAGE, OptionalLong.of(40), Optional.empty()),
                            org.assertj.core.groups.Tuple.tuple(ClaimCategory.MISSING, OptionalLong.of(12), Optional.empty()));
        }
        db().jdbi().useHandle(h -> assertThat(h.createQuery("SELECT file_format FROM source_version ORDER BY id").mapTo(String.class).list())
                .containsExactly("docx", "html", "pdf"));
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldRefuseFilesWithoutTextAndChangeNothing() throws IOException {
        read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");
        Path empty = write("empty.txt", "", StandardCharsets.UTF_8);
        Path binary = dir.resolve("photo.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path scanned = dir.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(50, 50, 200, 300); // a drawing, as a scanner's image would be: no text
                content.fill();
            }
            document.save(scanned.toFile());
        }
        Path blank = write("blank.html", "<html><body><p>   </p></body></html>", StandardCharsets.UTF_8);
        Map<Path, String> expected = Map.of(empty, "empty.txt: the file is empty", binary, "photo.txt: is binary, not text",
                scanned, "scan.pdf: the PDF has no text layer", blank, "blank.html: holds no text");
        Map<String, Object> before = snapshot();
        expected.forEach((file, message) -> assertThatThrownBy(() -> read(file, "Bad"))
                .isInstanceOf(BadInputException.class).hasMessageContaining(message));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldKeepTheMachinesReadingWhenAPersonEditsAndLedgerTheEdit() throws IOException {
        ClaimImportResult result = read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");
        StoredClaim wounded = result.claims().get(2);

        StoredClaim edited = store().edit(wounded.id(), new ClaimEdit(Optional.empty(), Optional.empty(), OptionalLong.of(90),
                OptionalLong.of(100), Optional.empty(), Optional.empty(), Optional.of("the Council's later report says 90 to 100")), "reviewer");

        assertThat(edited.readingNo()).isEqualTo(2);
        assertThat(edited.readBy()).isEqualTo("reviewer");
        assertThat(edited.reading().qualifier()).isEqualTo(Qualifier.RANGE);
        assertThat(edited.reading().low()).hasValue(90);
        assertThat(edited.reading().high()).hasValue(100);
        assertThat(edited.machine().count()).hasValue(96);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
        db().jdbi().useHandle(h -> assertThat(h.createQuery("SELECT action FROM ledger_entry ORDER BY seq DESC").mapTo(String.class).first())
                .isEqualTo("claim_reading"));
    }

    @Test
    void shouldRejectAClaimWithItsReasonAsANewReading() throws IOException {
        ClaimImportResult result = read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");

        StoredClaim rejected = store().reject(result.claims().get(3).id(), "the 40 were soldiers, not residents", "reviewer");

        assertThat(rejected.reading().rejected()).isTrue();
        assertThat(rejected.reading().note()).isEqualTo("the 40 were soldiers, not residents");
        assertThat(rejected.machine().rejected()).isFalse();
        assertThatThrownBy(() -> store().reject(result.claims().get(3).id(), " ", "reviewer")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> store().reject(999_999, "no such", "reviewer"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("there is no claim 999999");
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldAssignALabelsClaimsToAnIncidentCreatedByName() throws IOException {
        read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");

        List<StoredClaim> assigned = store().assign("main", Optional.empty(), "Fernhill, 4 March 1999", "reviewer");

        assertThat(assigned).hasSize(5);
        long incident = db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM incident WHERE name = 'Fernhill, 4 March 1999'")
                .mapTo(Long.class).one());
        assertThat(store().list(Optional.of("Fernhill, 4 March 1999"))).hasSize(5)
                .allSatisfy(c -> assertThat(c.reading().incidentId()).contains(incident));
        assertThat(store().assign("main", Optional.empty(), "Fernhill, 4 March 1999", "reviewer")).as("already assigned").isEmpty();
        assertThatThrownBy(() -> store().assign("no such label", Optional.empty(), "X", "reviewer")).isInstanceOf(BadInputException.class);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldLabelClaimsWithTheIncidentNamedWhenReading() throws IOException {
        ClaimImportResult r = store().store(new ClaimRequest(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council",
                "report", Optional.of("Fernhill 1999"), Optional.of(ClaimLanguage.EN), Optional.empty(), "tester"));

        assertThat(r.claims()).allSatisfy(c -> {
            assertThat(c.reading().incidentLabel()).isEqualTo("Fernhill 1999");
            assertThat(c.reading().incidentId()).isPresent();
            assertThat(c.sourceKind()).isEqualTo("report");
        });
    }

    @Test
    void shouldVerifyFindTextsAndReadingsAlteredWithPlainSql() throws IOException {
        read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");
        db().jdbi().useHandle(h -> h.execute("UPDATE source_text SET content = REPLACE(content, '212', '21')"));
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString().contains("the stored text was altered");

        db().jdbi().useHandle(h -> h.execute("UPDATE source_text SET content = REPLACE(content, '21 people', '212 people')"));
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
        db().jdbi().useHandle(h -> h.execute("UPDATE claim_reading SET low = 2120, high = 2120 WHERE low = 212"));
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString().contains("as the machine read them were altered");
    }

    @Test
    void shouldVerifyFindAnEditedReadingAlteredAfterwards() throws IOException {
        ClaimImportResult result = read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Fernhill Council");
        store().reject(result.claims().get(3).id(), "soldiers", "reviewer");
        db().jdbi().useHandle(h -> h.execute("UPDATE claim_reading SET rejected = FALSE WHERE reading_no = 2"));

        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString().contains("the reading was altered");
    }

    @Test
    void shouldRefuseToReadAStatementIntoAList() throws IOException {
        db().jdbi().useHandle(h -> h.execute("INSERT INTO source (name, kind, created_at) VALUES ('Hospital list', 'list', CURRENT_TIMESTAMP)"));
        Map<String, Object> before = snapshot();

        assertThatThrownBy(() -> read(write("fernhill.txt", STATEMENT, StandardCharsets.UTF_8), "Hospital list"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is a source of kind list");
        assertThat(snapshot()).isEqualTo(before);
    }
}
