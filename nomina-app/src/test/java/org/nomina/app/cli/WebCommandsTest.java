package org.nomina.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code user}, {@code audit}, {@code index} and {@code serve}'s refusals, run in-process on a real H2 register. */
class WebCommandsTest extends InRegister {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcess.Result withInput(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return nomina(args);
        } finally {
            System.setIn(original);
        }
    }

    private int users() {
        return TestRegisters.withDatabase(db, opened -> opened.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one()));
    }

    @Test
    void usersAreAddedListedAndDisabled() throws IOException {
        InProcess.Result added = withInput("a fictional passphrase\n", "user", "add", "leyla", "--role", "editor", "--password-stdin");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("Added leyla as editor");
        InProcess.Result list = withInput("", "user", "list", "--json");
        JsonNode users = JSON.readTree(list.out()).get("users");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("role").asText()).isEqualTo("editor");
        assertThat(users.get(0).get("disabled").asBoolean()).isFalse();
        assertThat(withInput("", "user", "disable", "leyla").exitCode()).isZero();
        assertThat(JSON.readTree(withInput("", "user", "list", "--json").out()).get("users").get(0).get("disabled").asBoolean()).isTrue();
    }

    @Test
    void badUserInputExitsTwoAndChangesNothing() {
        assertThat(withInput("a fictional passphrase\n", "user", "add", "leyla", "--role", "viewer", "--password-stdin").exitCode()).isZero();
        Map<String, Object> before = TestRegisters.snapshot(db);
        record Case(String stdin, List<String> args, String says) {
        }
        for (Case c : List.of(
                new Case("a fictional passphrase\n", List.of("user", "add", "leyla", "--role", "viewer", "--password-stdin"), "already a user named leyla"),
                new Case("a fictional passphrase\n", List.of("user", "add", "rauf", "--role", "owner", "--password-stdin"), "role 'owner'"),
                new Case("", List.of("user", "add", "rauf", "--role", "viewer"), "--password-stdin"),
                new Case("short\n", List.of("user", "add", "rauf", "--role", "viewer", "--password-stdin"), "at least 10"),
                new Case("", List.of("user", "add", "rauf", "--role", "viewer", "--password-stdin"), "no password"),
                new Case("", List.of("user", "disable", "nobody"), "no user named 'nobody'"))) {
            InProcess.Result r = withInput(c.stdin(), c.args().toArray(String[]::new));
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).as(c.args().toString()).contains(c.says());
            assertThat(r.out()).isEmpty();
        }
        assertThat(TestRegisters.snapshot(db)).isEqualTo(before);
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void theAuditAndTheIndexReportInJson() throws IOException {
        Path list = dir.resolve("list.csv");
        Files.writeString(list, "ID,Name,Age,Village,Fate\nP-1,Anna Testova,34,Alpha,killed\nP-2,Boris Probov,50,Gamma,injured\n",
                StandardCharsets.UTF_8);
        assertThat(withInput("", "import", list.toString(), "--source", "List").exitCode()).isZero();
        assertThat(withInput("", "link").exitCode()).isZero();
        InProcess.Result index = withInput("", "index", "rebuild", "--index", dir.resolve("index").toString(), "--json");
        assertThat(index.exitCode()).as(index.toString()).isZero();
        assertThat(JSON.readTree(index.out()).get("persons").asLong()).isEqualTo(2);
        InProcess.Result audit = withInput("", "audit", "list", "--json");
        assertThat(audit.exitCode()).isZero();
        assertThat(JSON.readTree(audit.out()).get("views")).isEmpty();
    }

    @Test
    void serveRefusesAPortItCannotHave() throws IOException {
        InProcess.Result bad = withInput("", "serve", "--port", "70000");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--port 70000 is not a port");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InProcess.Result busy = withInput("", "serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(busy.exitCode()).isEqualTo(2);
            assertThat(busy.err()).contains("choose another --port");
        }
    }
}
