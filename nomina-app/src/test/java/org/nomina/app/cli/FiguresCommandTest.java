package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nomina.app.demo.TownGenerator;

/**
 * incident, figures, person show and export families on the command line, over the generated town: the
 * JSON contract of issue 9, exit code 2 for bad input with the register unchanged, and figures that match
 * the generator's truth. Every person is invented.
 */
class FiguresCommandTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(String... args) throws IOException {
        InProcess.Result r = nomina(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    private Path town(int residents, long seed) {
        Path town = dir.resolve("town");
        InProcess.Result g = InProcess.run("generate", town.toString(), "--case", "town", "--people", String.valueOf(residents),
                "--seed", String.valueOf(seed));
        assertThat(g.exitCode()).as(g.toString()).isZero();
        assertThat(nomina("incident", "add", TownGenerator.INCIDENT, "--from", "1994-11-14", "--to", "1994-11-15", "--place", "Nomkənd",
                "--kind", "attack").exitCode()).isZero();
        String[][] lists = {
            {"town_residents.csv", "Town residents", "residents", ""},
            {"killed.csv", "Killed", "list", "killed.yaml"},
            {"injured.csv", "Injured", "list", ""},
            {"hostages_taken.tsv", "Hostages taken", "list", ""},
            {"hostages_released.csv", "Hostages released", "official", ""},
            {"commission_missing.csv", "Commission on the missing", "official", ""}};
        for (String[] l : lists) {
            List<String> args = new ArrayList<>(List.of("import", town.resolve("lists").resolve(l[0]).toString(), "--source", l[1],
                    "--kind", l[2], "--incident", TownGenerator.INCIDENT));
            if (!l[3].isEmpty()) {
                args.addAll(List.of("--mapping", town.resolve("mappings").resolve(l[3]).toString()));
            }
            InProcess.Result r = nomina(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        assertThat(nomina("link").exitCode()).isZero();
        return town;
    }

    @Test
    void shouldGiveEveryFigureOfTheTownInTheIssuesJsonShapeAndCloseToTheTruth() throws IOException {
        Path town = town(400, 11);
        JsonNode out = json("figures", "--incident", TownGenerator.INCIDENT, "--json");
        assertThat(out.get("incident").asText()).isEqualTo(TownGenerator.INCIDENT);
        assertThat(out.get("as_of").isNull()).isTrue();
        assertThat(out.get("definitions").get("child_under").asInt()).isEqualTo(18);
        Map<String, Integer> truth = TownGenerator.readTruth(town);
        int checked = 0;
        for (JsonNode f : out.get("figures")) {
            String key = f.get("category").asText() + (f.has("subgroup") ? "/" + f.get("subgroup").asText() : "");
            assertThat(f.has("person_ids") != f.has("family_ids")).as(key).isTrue();
            JsonNode ids = f.has("person_ids") ? f.get("person_ids") : f.get("family_ids");
            assertThat(ids.size()).as(key).isEqualTo(f.get("count").asInt());
            assertThat(f.get("unknown").asInt()).as(key).isZero();
            if (truth.containsKey(key)) {
                int t = truth.get(key);
                assertThat(f.get("count").asInt()).as(key).isBetween(t < 100 ? t - 2 : (int) Math.floor(t * 0.98), t < 100 ? t + 2 : (int) Math.ceil(t * 1.02));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(truth.size());
    }

    @Test
    void shouldExplainAFigureShowAPersonAndExportFamilies() throws IOException {
        town(200, 3);
        JsonNode figures = json("figures", "--json");
        long killed = figures.get("figures").findValues("person_ids").get(1).get(0).asLong();
        JsonNode explain = json("figures", "--explain", "killed", "--json");
        assertThat(explain.get("figure").asText()).isEqualTo("killed");
        assertThat(explain.get("persons").get(0).get("records").size()).isGreaterThanOrEqualTo(1);
        JsonNode person = json("person", "show", String.valueOf(killed), "--json");
        assertThat(person.get("history").get(0).get("fate").asText()).isIn("killed", "remains_identified");
        assertThat(person.get("history").get(0).get("rule").asText()).isNotEmpty();
        assertThat(person.get("records").size()).isGreaterThanOrEqualTo(2);
        JsonNode families = json("export", "families", "--format", "json");
        assertThat(families).anySatisfy(row -> assertThat(row.get("link").asText()).isEqualTo("parent_of"));
        assertThat(families).anySatisfy(row -> assertThat(row.get("link").asText()).isEqualTo("member"));
    }

    @Test
    void shouldNestIncidentsAndRefuseAnUnknownParentWithExitCodeTwo() throws IOException {
        assertThat(nomina("incident", "add", "War", "--kind", "war").exitCode()).isZero();
        assertThat(nomina("incident", "add", "Siege", "--parent", "War", "--from", "01.10.1994").exitCode()).isZero();
        InProcess.Result bad = nomina("incident", "add", "Night", "--parent", "Nowhere");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--parent 'Nowhere'");
        InProcess.Result backwards = nomina("incident", "add", "Later", "--from", "1994-12-01", "--to", "1994-11-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        // The store names the fields (to, from); the command line names them as its options.
        assertThat(backwards.err()).contains("--to 1994-11-01 lies before --from 1994-12-01");
        JsonNode list = json("incident", "list", "--json");
        assertThat(list.get("incidents")).hasSize(2);
        assertThat(list.get("incidents").get(1).get("parent_id").asLong()).isEqualTo(list.get("incidents").get(0).get("id").asLong());
        assertThat(list.get("incidents").get(1).get("from").asText()).isEqualTo("1994-10-01");
    }

    @Test
    void shouldRefuseBadFiguresArgumentsWithExitCodeTwo() {
        town(100, 5);
        assertThat(nomina("figures", "--as-of", "soon").err()).contains("--as-of 'soon'");
        assertThat(nomina("figures", "--as-of", "soon").exitCode()).isEqualTo(2);
        assertThat(nomina("figures", "--explain", "heroes").exitCode()).isEqualTo(2);
        assertThat(nomina("figures", "--incident", "No such").exitCode()).isEqualTo(2);
        assertThat(nomina("figures", "--child-under", "70").exitCode()).isEqualTo(2);
        assertThat(nomina("person", "show", "999999").exitCode()).isEqualTo(2);
        assertThat(nomina("import", dir.resolve("town/lists/killed.csv").toString(), "--source", "Again", "--kind", "rumour").exitCode())
                .isEqualTo(2);
    }

    @Test
    void shouldRunTheTownDemoAndPrintTheStatementBesideTheTruth() {
        InProcess.Result r = InProcess.run("demo", "--no-serve", "--dir", dir.resolve("demo").toString(), "--people", "300");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("the fictional town of Nomkənd").contains("A statement the register can stand behind")
                .contains("children who lost one parent").contains("(verifies)");
    }
}
