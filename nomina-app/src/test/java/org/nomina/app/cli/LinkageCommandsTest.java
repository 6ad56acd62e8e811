package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The commands that came with linkage and estimation — link, review, export clusters, estimate, evaluate —
 * through the command line, each with its bad input: exit 2, a message naming what is wrong, nothing changed.
 * All names are invented.
 */
class LinkageCommandsTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "ID,Surname,Given name,Patronymic,Date of birth,Sex,Village,Status\n";

    private void importTwoLinkedLists() throws IOException {
        assertThat(nomina("import", write("h.csv", HEADER
                + "H1,Qasımzadə,Təhmasib,Ələsgər,12.03.1951,m,Nomkənd,killed\n"
                + "H2,Vəliyeva,Gülbəniz,Mürsəl,05.07.1968,f,Verəsli,killed\n").toString(), "--source", "Hospital").exitCode()).isZero();
        assertThat(nomina("import", write("m.csv", HEADER
                + "M1,Qasımzadə,Təhmasib,Ələsgər,12.03.1951,m,Nomkənd,killed\n"
                + "M2,Şirinbəyli,Aytəkin,Nadir,30.01.1985,f,Talışbəyli,missing\n").toString(), "--source", "Ministry").exitCode()).isZero();
    }

    @Test
    void shouldLinkAndReportTheContractFieldsAsJson() throws IOException {
        importTwoLinkedLists();
        InProcess.Result result = nomina("link", "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("records").asInt()).isEqualTo(4);
        assertThat(report.get("persons").asInt()).isEqualTo(3);
        assertThat(report.has("candidate_pairs_by_rule")).isTrue();
        assertThat(report.get("model").get("fields").isArray()).isTrue();
        // Two lists of two records teach nothing, but the table is always there to be shown.
        assertThat(report.get("model").get("learned_spellings").isArray()).isTrue();
        assertThat(report.get("capped_blocks").isArray()).isTrue();
        assertThat(report.has("review_pairs")).isTrue();
        assertThat(report.has("seconds")).isTrue();
    }

    @Test
    void shouldExportClustersWithTheContractHeader() throws IOException {
        importTwoLinkedLists();
        assertThat(nomina("link").exitCode()).isZero();
        InProcess.Result clusters = nomina("export", "clusters", "--format", "csv");
        List<String> lines = clusters.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("source,record_id,person_id");
        assertThat(lines).hasSize(5);
        String h1 = lines.stream().filter(l -> l.startsWith("Hospital,H1,")).findFirst().orElseThrow();
        String m1 = lines.stream().filter(l -> l.startsWith("Ministry,M1,")).findFirst().orElseThrow();
        assertThat(h1.substring(h1.lastIndexOf(','))).isEqualTo(m1.substring(m1.lastIndexOf(',')));
    }

    @Test
    void shouldRefuseALinkConfigWithAnUnknownFieldAndChangeNothing() throws IOException {
        importTwoLinkedLists();
        Map<String, Object> before = TestRegisters.snapshot(db);
        Path config = write("link.yaml", "comparisons:\n  - {field: burth_year}\n");
        InProcess.Result result = nomina("link", "--config", config.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("link.yaml", "comparisons[0].field", "burth_year");
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
    }

    @Test
    void shouldRecordAReviewDecisionAndRefuseAnUnknownRecord() throws IOException {
        importTwoLinkedLists();
        assertThat(nomina("link").exitCode()).isZero();
        Map<String, Object> before = TestRegisters.snapshot(db);
        InProcess.Result bad = nomina("review", "decide", "Hospital:H9", "Ministry:M1", "same");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Hospital:H9");
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
        InProcess.Result ok = nomina("review", "decide", "Hospital:H1", "Ministry:M1", "different", "--reviewer", "r1", "--json");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("\"verdict\" : \"different\"");
        assertThat(nomina("link").exitCode()).isZero();
        List<String> lines = nomina("export", "clusters").out().lines().toList();
        String h1 = lines.stream().filter(l -> l.startsWith("Hospital,H1,")).findFirst().orElseThrow();
        String m1 = lines.stream().filter(l -> l.startsWith("Ministry,M1,")).findFirst().orElseThrow();
        assertThat(h1.substring(h1.lastIndexOf(','))).isNotEqualTo(m1.substring(m1.lastIndexOf(',')));
    }

    @Test
    void shouldEstimateFromAHistoriesTableAsJson() throws IOException {
        Path table = write("h.csv", "A,B,count\n1,0,60\n0,1,40\n1,1,20\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode r = JSON.readTree(result.out());
        assertThat(r.get("observed").asLong()).isEqualTo(120);
        // Two independent lists: Lincoln–Petersen, 80 × 60 / 20 = 240.
        assertThat(r.get("estimate").asDouble()).isCloseTo(240.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(r.get("lower").asDouble()).isLessThan(240.0);
        assertThat(r.get("upper").asDouble()).isGreaterThan(240.0);
    }

    @Test
    void shouldReportConvergenceAssumptionsAndKeepTheOldKeysWhenTheLatentClassModelEstimates() throws IOException {
        Path table = write("h3.csv", "A,B,C,count\n1,0,0,300\n0,1,0,250\n0,0,1,280\n1,1,0,60\n1,0,1,70\n0,1,1,55\n1,1,1,15\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--json", "--chains", "2", "--burn-in", "1000",
                "--iterations", "4000", "--thin", "4");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode r = JSON.readTree(result.out());
        for (String key : List.of("observed", "estimate", "lower", "upper", "level", "interval", "standard_error", "method", "model",
                "model_description", "criterion", "strata", "warnings", "assumptions", "convergence", "models")) {
            assertThat(r.has(key)).as(key).isTrue();
        }
        assertThat(r.get("method").asText()).isEqualTo("lcmcr");
        assertThat(r.get("interval").asText()).isEqualTo("credible");
        assertThat(r.get("convergence").get("chains").asInt()).isEqualTo(2);
        assertThat(r.get("convergence").get("draws_per_chain").asInt()).isEqualTo(1000);
        assertThat(r.get("convergence").get("r_hat").asDouble()).isPositive();
        assertThat(r.get("assumptions").toString()).contains("Closed population", "Perfect linkage", "only the dead of one kind");
    }

    @Test
    void shouldSayInWordsWhatTheEstimateRestsOnAndHowTheModelsShareIt() throws IOException {
        Path table = write("h3.csv", "A,B,C,count\n1,0,0,300\n0,1,0,250\n0,0,1,280\n1,1,0,60\n1,0,1,70\n0,1,1,55\n1,1,1,15\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--method", "bma");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Models carrying the estimate", "The estimate rests on these assumptions", "Closed population");
    }

    @Test
    void shouldRefuseAnIntervalTheMethodDoesNotGiveAsBadUsage() throws IOException {
        Path table = write("h3.csv", "A,B,C,count\n1,0,0,300\n0,1,0,250\n0,0,1,280\n1,1,0,60\n1,0,1,70\n0,1,1,55\n1,1,1,15\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--interval", "profile");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--method loglinear");
    }

    @Test
    void shouldRefuseSamplerSettingsThatKeepTooFewDraws() throws IOException {
        Path table = write("h3.csv", "A,B,C,count\n1,0,0,300\n0,1,0,250\n0,0,1,280\n1,1,0,60\n1,0,1,70\n0,1,1,55\n1,1,1,15\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString(), "--iterations", "1000", "--thin", "20");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--iterations", "--thin");
    }

    @Test
    void shouldRefuseAHistoriesTableWithABadValueNamingRowColumnAndValue() throws IOException {
        Path table = write("bad.csv", "A,B,count\n1,0,60\n0,2,40\n");
        InProcess.Result result = nomina("estimate", "--histories", table.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.csv", "row 3", "\"B\"", "\"2\"");
    }

    @Test
    void shouldRefuseARegisterEstimateBeforeLinking() throws IOException {
        importTwoLinkedLists();
        InProcess.Result result = nomina("estimate", "--status", "killed");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nomina link");
    }

    @Test
    void shouldMeasureClustersAgainstTruth() throws IOException {
        Path clusters = write("c.csv", "source,record_id,person_id\nA,1,p1\nA,2,p1\nB,1,p1\nB,2,p2\n");
        Path truth = write("t.csv", "source,record_id,entity\nA,1,e1\nA,2,e2\nB,1,e1\nB,2,e2\n");
        InProcess.Result result = nomina("evaluate", "--clusters", clusters.toString(), "--truth", truth.toString(), "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode r = JSON.readTree(result.out());
        // Linked pairs: (A1,A2), (A1,B1), (A2,B1); true pairs: (A1,B1), (A2,B2); one correct.
        assertThat(r.get("predicted_pairs").asLong()).isEqualTo(3);
        assertThat(r.get("true_pairs").asLong()).isEqualTo(2);
        assertThat(r.get("precision").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.get("recall").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void shouldRefuseATruthFileWithTooFewColumnsNamingTheRow() throws IOException {
        Path clusters = write("c.csv", "source,record_id,person_id\nA,1,p1\n");
        Path truth = write("t.csv", "source,record_id,entity\nA,1,e1\nA\n");
        InProcess.Result result = nomina("evaluate", "--clusters", clusters.toString(), "--truth", truth.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("t.csv", "row 3");
    }
}
