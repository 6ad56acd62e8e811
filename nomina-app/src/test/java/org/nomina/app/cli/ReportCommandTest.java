package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nomina.app.demo.TownGenerator;

/**
 * {@code nomina report} through the real command line over the demo's town (a real H2 register with its
 * fictional statements read as claims): the HTML's figures are those of {@code nomina figures --json}, its
 * claims those of {@code claims list}, it carries the ledger head; the PDF parses with PDFBox, holds the
 * same figures and hash, and renders Azerbaijani, Cyrillic and Armenian; bad input exits 2 and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A sub-incident named in Armenian and Russian, so that the PDF must draw both scripts. */
    static final String SCRIPTS = "Հարձակում Նոմքենդի վրա — Нападение на Номкенд";

    private Path dir;
    private String db;

    @BeforeAll
    void demo() throws IOException {
        dir = Files.createTempDirectory("nomina-report-test");
        InProcess.Result r = InProcess.run("demo", "--dir", dir.resolve("demo").toString(), "--people", "300", "--seed", "5", "--no-serve");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Matcher m = Pattern.compile("The demo database is (jdbc:\\S+?); explore").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        db = m.group(1);
        assertThat(nomina("incident", "add", SCRIPTS, "--parent", TownGenerator.INCIDENT).exitCode()).isZero();
    }

    @AfterAll
    void release() {
        TestRegisters.releaseEmbedded(db);
    }

    private InProcess.Result nomina(String... args) {
        return InProcess.runOn(db, args);
    }

    private Map<String, Long> figures() throws IOException {
        InProcess.Result r = nomina("figures", "--incident", TownGenerator.INCIDENT, "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(r.out()).get("figures")) {
            out.put(f.get("category").asText() + (f.has("subgroup") ? "/" + f.get("subgroup").asText() : ""), f.get("count").asLong());
        }
        return out;
    }

    private String head() {
        return (String) TestRegisters.snapshot(db).get("head");
    }

    @Test
    void theHtmlReportHoldsTheFiguresOfFiguresJsonTheClaimsTheEstimateAndTheLedgerHead() throws IOException {
        Path out = dir.resolve("report.html");
        InProcess.Result r = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "html", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String html = Files.readString(out);
        Map<String, Long> shown = new LinkedHashMap<>();
        Matcher m = Pattern.compile("data-figure=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            shown.put(m.group(1), Long.parseLong(m.group(2)));
        }
        Map<String, Long> expected = figures();
        assertThat(shown).as("every figure of nomina figures --json").isEqualTo(expected);
        assertThat(expected.get("killed")).isGreaterThan(10);
        assertThat(head()).hasSize(64);
        assertThat(html).contains("<p class=\"hash\" id=\"ledger-head\">" + head() + "</p>");
        String text = org.jsoup.Jsoup.parse(html).text();
        JsonNode claims = JSON.readTree(nomina("claims", "list", "--incident", TownGenerator.INCIDENT, "--json").out()).get("claims");
        assertThat(claims.size()).isGreaterThan(3);
        for (JsonNode c : claims) {
            if (!c.get("rejected").asBoolean()) {
                assertThat(text).as("claim " + c.get("id")).contains(c.get("source").asText()).contains(c.get("quote").asText());
            }
        }
        assertThat(text).contains("Estimated total of the killed").contains(expected.get("killed") + " killed are on at least one of");
        for (String chart : new String[] {"chart-fates", "chart-deaths", "chart-estimate", "chart-overlap", "chart-sources"}) {
            assertThat(html).as(chart).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + chart + "\"");
        }
        assertThat(html).as("a report stands alone: no links into the web application").doesNotContain("href=\"/dashboard");
        InProcess.Result stdout = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "html");
        assertThat(stdout.exitCode()).isZero();
        assertThat(stdout.out()).contains(head()).contains("data-figure=\"killed\" data-count=\"" + expected.get("killed") + "\"");
    }

    @Test
    void thePdfParsesAndHoldsTheFiguresTheHashAndEveryScript() throws IOException {
        Path out = dir.resolve("report.pdf");
        InProcess.Result r = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "pdf", "--out", out.toString());
        org.junit.jupiter.api.Assumptions.assumeFalse(r.err().contains("needs the font DejaVu Sans"), "no DejaVu Sans on this machine: " + r.err());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).doesNotContain("INFO");
        Map<String, Long> expected = figures();
        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(head()).contains("Attack on Nomkənd").contains("Estimated total of the killed");
            assertThat(text).contains("killed children " + expected.get("killed/children")).contains("killed women " + expected.get("killed/women"));
            java.util.Set<String> fonts = new java.util.TreeSet<>();
            for (PDPage page : pdf.getPages()) {
                for (org.apache.pdfbox.cos.COSName n : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(n).getName());
                }
            }
            assertThat(fonts).as("the fonts are embedded subsets of DejaVu").anyMatch(f -> f.contains("DejaVuSans"));
        }
        Path scripts = dir.resolve("scripts.pdf");
        InProcess.Result s = nomina("report", "--incident", SCRIPTS, "--format", "pdf", "--out", scripts.toString());
        assertThat(s.exitCode()).as("an incident with no persons of its own still gets a report: " + s).isZero();
        try (PDDocument pdf = Loader.loadPDF(scripts.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Հարձակում Նոմքենդի վրա").contains("Нападение на").contains("Номкенд").contains("no estimate");
        }
    }

    @Test
    void badInputExitsTwoNamingItAndChangesNothing() throws IOException {
        Map<String, Object> before = TestRegisters.snapshot(db);
        InProcess.Result unknown = nomina("report", "--incident", "No such attack", "--format", "html");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'No such attack'").contains("no such incident");
        InProcess.Result folder = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "pdf", "--out",
                dir.resolve("missing-folder").resolve("r.pdf").toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains("missing-folder").contains("does not exist");
        InProcess.Result isFolder = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "html", "--out", dir.toString());
        assertThat(isFolder.exitCode()).isEqualTo(2);
        assertThat(isFolder.err()).contains("is a folder");
        InProcess.Result format = nomina("report", "--incident", TownGenerator.INCIDENT, "--format", "docx");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format must be html or pdf, not 'docx'");
        assertThat(nomina("report", "--format", "html").exitCode()).as("--incident is required").isEqualTo(2);
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
    }
}
