package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nomina.store.Database;

/** {@code publish} and {@code token}, run in-process on a real H2 register: what they change, and their refusals (exit 2, nothing changed). */
class PublishCommandsTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void register() throws IOException {
        Path list = dir.resolve("list.csv");
        Files.writeString(list, "Name,Born,Fate\n\"Talıbzadə Ülvi Rəşid oğlu\",1961,killed\n\"Qocayeva Səbinə Vaqif qızı\",1970,killed\n",
                StandardCharsets.UTF_8);
        assertThat(nomina("import", list.toString(), "--source", "Committee list").exitCode()).isZero();
        assertThat(nomina("link").exitCode()).isZero();
    }

    private Map<String, Object> snapshot() {
        TestRegisters.releaseEmbedded(db);
        return TestRegisters.snapshot(db);
    }

    private long person(String name) {
        try (Database d = Database.open(db)) {
            return d.jdbi().withHandle(h -> h.createQuery("SELECT id FROM person WHERE display_name = :n").bind("n", name).mapTo(Long.class).one());
        }
    }

    @Test
    void aPersonIsWithheldAndReleasedWithTheLedgerKeepingWhy() throws IOException {
        long id = person("Talıbzadə Ülvi Rəşid oğlu");
        InProcess.Result withheld = nomina("publish", "withhold", Long.toString(id), "--reason", "the family asked", "--actor", "amina", "--json");
        assertThat(withheld.exitCode()).as(withheld.toString()).isZero();
        assertThat(JSON.readTree(withheld.out()).get("reason").asText()).isEqualTo("the family asked");
        JsonNode list = JSON.readTree(nomina("publish", "withheld", "--json").out()).get("withheld");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("person_id").asLong()).isEqualTo(id);
        assertThat(list.get(0).get("withheld_by").asText()).isEqualTo("amina");
        assertThat(nomina("publish", "release", Long.toString(id)).out()).contains("no longer withheld");
        assertThat(JSON.readTree(nomina("publish", "withheld", "--json").out()).get("withheld")).isEmpty();
        InProcess.Result verify = nomina("verify");
        assertThat(verify.exitCode()).as("the ledger still verifies: " + verify).isZero();
    }

    @Test
    void badInputChangesNothingAndExits2() {
        Map<String, Object> before = snapshot();
        InProcess.Result noPerson = nomina("publish", "withhold", "999999", "--reason", "x");
        assertThat(noPerson.exitCode()).isEqualTo(2);
        assertThat(noPerson.err()).contains("there is no person 999999");
        InProcess.Result noReason = nomina("publish", "withhold", Long.toString(person("Talıbzadə Ülvi Rəşid oğlu")), "--reason", "  ");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("needs a reason");
        InProcess.Result noSource = nomina("publish", "source", "No such list", "--published", "false");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).contains("there is no source 'No such list'").contains("Committee list");
        InProcess.Result noUser = nomina("token", "create", "nobody");
        assertThat(noUser.exitCode()).isEqualTo(2);
        assertThat(noUser.err()).contains("no enabled user 'nobody'");
        InProcess.Result badId = nomina("token", "revoke", "xyz");
        assertThat(badId.exitCode()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSourceIsUnpublishedAndTokensAreMadeListedAndRevoked() throws IOException {
        assertThat(nomina("publish", "source", "Committee list", "--published", "false", "--title", "The committee's list").exitCode()).isZero();
        JsonNode sources = JSON.readTree(nomina("publish", "sources", "--json").out()).get("sources");
        assertThat(sources.get(0).get("published").asBoolean()).isFalse();
        assertThat(sources.get(0).get("public_title").asText()).isEqualTo("The committee's list");
        InProcess.Result user = nomina("user", "list");
        assertThat(user.exitCode()).isZero();
        java.io.InputStream original = System.in;
        System.setIn(new java.io.ByteArrayInputStream("a fictional passphrase\n".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(nomina("user", "add", "leyla", "--role", "viewer", "--password-stdin").exitCode()).isZero();
        } finally {
            System.setIn(original);
        }
        InProcess.Result created = nomina("token", "create", "leyla", "--expires", "30", "--json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode token = JSON.readTree(created.out());
        assertThat(token.get("token").asText()).startsWith("nom_");
        String id = token.get("id").asText();
        JsonNode listed = JSON.readTree(nomina("token", "list", "--json").out()).get("tokens");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).toString()).doesNotContain(token.get("token").asText());
        assertThat(nomina("token", "revoke", id).out()).contains("revoked");
        assertThat(JSON.readTree(nomina("token", "list", "--json").out()).get("tokens").get(0).get("revoked_at").isNull()).isFalse();
        assertThat(nomina("token", "revoke", id).exitCode()).as("a token is revoked once").isEqualTo(2);
        assertThat(nomina("token", "create", "leyla", "--expires", "0").exitCode()).isEqualTo(2);
    }
}
