package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nomina claims …} and {@code export claims} through the real command line, on a real H2 register. Texts are fictional. */
class ClaimsCommandTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String STATEMENT = """
            Statement of the Fernhill Council (fictional)

            On 4 March 1999, 212 people were killed in Fernhill, including 31 children. 96 were wounded.
            During the 44-day war, more than 100 civilians were killed, including 11 children.
            """;

    private Path statement() throws IOException {
        return Files.writeString(dir.resolve("fernhill.txt"), STATEMENT, StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheContractsJsonDocumentWhenReadingClaims() throws IOException {
        InProcess.Result r = nomina("claims", statement().toString(), "--source", "Fernhill Council", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("source", "version", "sha256", "language", "claims", "duplicates_skipped", "warnings");
        assertThat(json.get("language").asText()).isEqualTo("en");
        JsonNode claims = json.get("claims");
        assertThat(claims).hasSize(5);
        assertThat(claims.get(0).fieldNames()).toIterable().containsExactly("id", "category", "subgroup", "count", "low", "high",
                "qualifier", "parent", "incident", "quote", "start", "end");
        assertThat(claims.get(1).get("parent").asLong()).isEqualTo(claims.get(0).get("id").asLong());
        assertThat(claims.get(1).get("subgroup").asText()).isEqualTo("children");
        assertThat(claims.get(3).get("qualifier").asText()).isEqualTo("more_than");
        assertThat(claims.get(3).get("incident").asText()).isEqualTo("44-day war");
        assertThat(claims.get(3).get("count").asLong()).isEqualTo(100);
        JsonNode first = claims.get(0);
        assertThat(STATEMENT.substring(first.get("start").asInt(), first.get("end").asInt())).isEqualTo(first.get("quote").asText());
        assertThat(r.err()).contains("Reading");
    }

    @Test
    void shouldReportTheSameFileAgainAndStoreNothing() throws IOException {
        Path file = statement();
        nomina("claims", file.toString(), "--source", "Fernhill Council");

        InProcess.Result again = nomina("claims", file.toString(), "--source", "Fernhill Council", "--json");

        assertThat(again.exitCode()).isZero();
        assertThat(JSON.readTree(again.out()).get("warnings").get(0).asText()).contains("already read");
        assertThat(JSON.readTree(nomina("claims", "list", "--json").out()).get("claims")).hasSize(5);
    }

    @Test
    void shouldExitTwoWithAClearMessageAndStoreNothingForABadFile() throws IOException {
        Path binary = dir.resolve("scan.txt");
        Files.write(binary, new byte[] {1, 2, 0, 3, 4, 0});
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");

        InProcess.Result bin = nomina("claims", binary.toString(), "--source", "Bad");
        InProcess.Result none = nomina("claims", empty.toString(), "--source", "Bad");
        InProcess.Result language = nomina("claims", statement().toString(), "--source", "Bad", "--language", "fr");

        assertThat(bin.exitCode()).isEqualTo(2);
        assertThat(bin.err()).contains("scan.txt: is binary, not text");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("empty.txt: the file is empty");
        assertThat(language.exitCode()).isEqualTo(2);
        assertThat(language.err()).contains("--language must be auto, en, ru, az or hy");
        assertThat(JSON.readTree(nomina("claims", "list", "--json").out()).get("claims")).isEmpty();
        assertThat(nomina("verify").exitCode()).isZero();
    }

    @Test
    void shouldEditRejectAndAssignAsLedgeredReadingsThatVerify() throws IOException {
        JsonNode claims = JSON.readTree(nomina("claims", statement().toString(), "--source", "Fernhill Council", "--json").out()).get("claims");
        String wounded = claims.get(2).get("id").asText();
        String war = claims.get(3).get("id").asText();

        InProcess.Result edit = nomina("claims", "edit", wounded, "--low", "90", "--high", "100", "--note", "later report", "--actor", "ana", "--json");
        InProcess.Result reject = nomina("claims", "reject", war, "--reason", "about another war", "--json");
        InProcess.Result assign = nomina("claims", "assign", "--label", "main", "--incident", "Fernhill 1999", "--json");

        assertThat(edit.exitCode()).as(edit.toString()).isZero();
        JsonNode edited = JSON.readTree(edit.out());
        assertThat(edited.get("qualifier").asText()).isEqualTo("range");
        assertThat(edited.get("read_by").asText()).isEqualTo("ana");
        assertThat(edited.get("machine").get("low").asLong()).isEqualTo(96);
        assertThat(JSON.readTree(reject.out()).get("rejected").asBoolean()).isTrue();
        assertThat(JSON.readTree(assign.out()).get("assigned").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(nomina("claims", "list", "--incident", "Fernhill 1999", "--json").out()).get("claims")).hasSize(3);
        InProcess.Result verify = nomina("verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(nomina("claims", "edit", "999999", "--count", "3").exitCode()).isEqualTo(2);
        assertThat(nomina("claims", "reject", wounded).exitCode()).as("--reason is required").isEqualTo(2);
    }

    @Test
    void shouldCompareTheClaimsSideBySideAndFlagPartsLargerThanTheWhole() throws IOException {
        Path contradicting = Files.writeString(dir.resolve("bad.txt"), "In Fernhill 20 people were killed, including 31 children.\n");
        nomina("claims", statement().toString(), "--source", "Fernhill Council");
        nomina("claims", contradicting.toString(), "--source", "Press");

        InProcess.Result r = nomina("claims", "compare", "--incident", "main", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode rows = JSON.readTree(r.out()).get("rows");
        JsonNode killed = rows.get(0);
        assertThat(killed.get("category").asText()).isEqualTo("killed");
        assertThat(killed.get("claims_minimum").asLong()).isEqualTo(20);
        assertThat(killed.get("claims_maximum").asLong()).isEqualTo(212);
        List<String> kinds = new ArrayList<>();
        killed.get("flags").forEach(f -> kinds.add(f.get("kind").asText()));
        assertThat(kinds).containsExactly("sources_disagree", "parts_exceed_whole");
        assertThat(nomina("claims", "compare").out()).contains("killed/children", "Press: exactly 20");
    }

    @Test
    void shouldSetTheClaimsBesideTheRegistersOwnFigures() throws IOException {
        Path list = Files.writeString(dir.resolve("killed.csv"), """
                ID,Surname,Given name,Year of birth,Sex,Date of death,Status
                K1,Testova,Lale,1985,f,12.03.1994,killed
                K2,Probov,Ruslan,1920,m,12.03.1994,killed
                K3,Probova,Mina,1930,f,12.03.1994,missing
                """, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(nomina("import", list.toString(), "--source", "Killed", "--incident", "Fernhill raid").exitCode()).isZero();
        assertThat(nomina("link").exitCode()).isZero();
        nomina("claims", statement().toString(), "--source", "Fernhill Council");

        JsonNode rows = JSON.readTree(nomina("claims", "compare", "--incident", "Fernhill raid", "--json").out()).get("rows");
        JsonNode figures = JSON.readTree(nomina("figures", "--incident", "Fernhill raid", "--json").out()).get("figures");

        // The elderly killed man's age is known only from his birth year and the date of his death, which the
        // register's figures reckon with; counting every person's status alone could not place him.
        for (String subgroup : new String[] {"", "elderly"}) {
            long register = -1;
            for (JsonNode row : rows) {
                if (row.get("category").asText().equals("killed") && row.get("subgroup").asText("").equals(subgroup)) {
                    register = row.get("register").asLong();
                }
            }
            long counted = -1;
            for (JsonNode f : figures) {
                JsonNode sub = f.get("subgroup");
                if (f.get("category").asText().equals("killed") && (sub == null || sub.isNull() ? "" : sub.asText()).equals(subgroup)) {
                    counted = f.get("count").asLong();
                }
            }
            assertThat(register).as("killed/" + subgroup).isEqualTo(counted).isEqualTo(subgroup.isEmpty() ? 2 : 1);
        }
    }

    @Test
    void shouldExportClaimsAsCsvAndJson() throws IOException {
        nomina("claims", statement().toString(), "--source", "Fernhill Council");

        InProcess.Result csv = nomina("export", "claims", "--format", "csv");
        InProcess.Result json = nomina("export", "claims", "--format", "json");

        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out().lines().toList()).hasSize(6);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("id,source,source_kind,version,claim_no,category,subgroup,count");
        assertThat(JSON.readTree(json.out())).hasSize(5);
    }

    @Test
    void shouldAskForAFileOrASubcommand() {
        InProcess.Result r = nomina("claims");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("name a FILE to read, or say list, edit, reject, assign or compare");
    }
}
