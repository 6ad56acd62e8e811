package org.nomina.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.nomina.app.demo.DemoCase;
import org.nomina.app.demo.DemoGenerator;
import org.nomina.app.register.Register;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.Database;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;
import org.nomina.store.linkage.RegisterLinker;
import org.nomina.store.publish.PublicProjection;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The public memorial and {@code /api/v1/public} end to end: a real server over a real database seeded
 * with a fictional case and a list full of protected values (id numbers, addresses, notes naming an
 * informant, a witness column, a contact phone, a living person, a missing one, a withheld one, one known
 * only to an unpublished source). Every public page and response is fetched — the search in each
 * language and page by page, every person id's page, correction form and API document — and none may
 * contain any protected value. Screenshots by Chromium when it is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicationContract {
    static final String KILLED = "Talıbzadə Ülvi Rəşid oğlu";
    static final String ID_NUMBER = "AZE 7734561";
    static final String ADDRESS = "Nizami küçəsi 14 mənzil 7";
    static final String NOTE = "informant Kərimova Sevil at the market";
    static final String INFORMANT = "Kərimova Sevil";
    static final String WITNESS = "Rəhimov Tofiq Əli oğlu";
    static final String PHONE = "+994 55 111 22 33";
    static final String LIVING = "Talıbzadə Nərmin Rəşid qızı";
    static final String MISSING = "Qocayeva Səbinə Vaqif qızı";
    static final String WITHHELD = "Talıbzadə Fərid Rəşid oğlu";
    static final String UNPUBLISHED = "Məlikzadə Turqut Anar oğlu";
    static final String UNPUBLISHED_SOURCE = "Private notebook";
    static final String PASSWORD = "a long fictional passphrase";
    static final String STATEMENT_SOURCE = "A fictional committee";
    /** A fictional statement whose figures the dashboard sets beside the register: 5 killed cannot hold, the register names more. */
    static final String STATEMENT = "The attack killed 5 people, including 2 children. At least 3 people were injured.\n";
    static final List<String> PROTECTED = List.of(ID_NUMBER, ADDRESS, NOTE, INFORMANT, WITNESS, PHONE, LIVING, MISSING, WITHHELD, UNPUBLISHED,
            UNPUBLISHED_SOURCE, "1992-02-26 notebook entry");

    private Path dir;
    String viewerToken;
    String reviewerToken;
    String editorToken;
    private Database db;
    private Register register;
    private WebServer server;
    String base;
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    abstract String databaseUrl(Path dir);

    abstract String label();

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("nomina-publish-test");
        String url = databaseUrl(dir);
        db = Database.open(url);
        DemoCase demo = new DemoGenerator(new DemoGenerator.Options(300, 4, false, 12)).generate(dir.resolve("case"));
        Importer importer = new Importer(db);
        for (DemoCase.ListFile list : demo.lists()) {
            importer.importFile(new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(), Optional.empty(), "test"),
                    Importer.Progress.NONE);
        }
        Path list = dir.resolve("protected.csv");
        Files.writeString(list, "Name,Born,Village,Passport,Address,Notes,Witness,Contact phone,Fate,Date\n"
                + "\"" + KILLED + "\",1961,Nomkənd," + ID_NUMBER + "," + ADDRESS + "," + NOTE + "," + WITNESS + "," + PHONE + ",killed,26.02.1992\n"
                + "\"" + LIVING + "\",1965,Nomkənd,AZE 5550001,,,,,killed,26.02.1992\n"
                + "\"" + MISSING + "\",1970,Nomkənd,,,,,,missing,26.02.1992\n"
                + "\"" + WITHHELD + "\",1963,Nomkənd,,,,,,killed,26.02.1992\n", StandardCharsets.UTF_8);
        Path mapping = dir.resolve("protected.yaml");
        Files.writeString(mapping, """
                columns:
                  Name: {field: full_name}
                  Born: {field: birth_year}
                  Village: {field: place}
                  Passport: {field: id_number}
                  Address: {field: address}
                  Notes: {field: notes}
                  Fate: {field: status}
                  Date: {field: incident_date}
                """, StandardCharsets.UTF_8);
        importer.importFile(new ImportRequest(list, "Committee testimonies", Optional.of(mapping), Optional.empty(), Optional.empty(), "test"),
                Importer.Progress.NONE);
        Path notebook = dir.resolve("notebook.csv");
        Files.writeString(notebook, "Name,Born,Fate,Notes\n\"" + UNPUBLISHED + "\",1958,killed,1992-02-26 notebook entry\n", StandardCharsets.UTF_8);
        importer.importFile(new ImportRequest(notebook, UNPUBLISHED_SOURCE, Optional.empty(), Optional.empty(), Optional.empty(), "test"),
                Importer.Progress.NONE);
        RegisterLinker.link(db, LinkageConfig.defaults(), "test", ProgressListener.NONE);
        Path statement = Files.writeString(dir.resolve("statement.txt"), STATEMENT, StandardCharsets.UTF_8);
        new org.nomina.store.claims.ClaimStore(db).store(new org.nomina.store.claims.ClaimRequest(statement, STATEMENT_SOURCE, "statement",
                Optional.empty(), Optional.empty(), Optional.empty(), "test"));
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE person SET living = TRUE WHERE id = :p").bind("p", personOf(LIVING)).execute());
        PublicProjection projection = new PublicProjection(db);
        projection.withhold(personOf(WITHHELD), "the family asked", "test");
        projection.setSource(UNPUBLISHED_SOURCE, false, "", "test");
        org.nomina.store.users.Users users = new org.nomina.store.users.Users(db);
        users.add("editor-user", org.nomina.store.users.Role.EDITOR, PASSWORD.toCharArray(), "test");
        users.add("viewer-user", org.nomina.store.users.Role.VIEWER, PASSWORD.toCharArray(), "test");
        users.add("reviewer-user", org.nomina.store.users.Role.REVIEWER, PASSWORD.toCharArray(), "test");
        org.nomina.store.publish.ApiTokens tokens = new org.nomina.store.publish.ApiTokens(db);
        viewerToken = tokens.create("viewer-user", "test", Optional.of(30), "test").secret();
        reviewerToken = tokens.create("reviewer-user", "test", Optional.empty(), "test").secret();
        editorToken = tokens.create("editor-user", "test", Optional.empty(), "test").secret();
        register = Register.open(url, dir.resolve("index"));
        server = new WebServer(register, "127.0.0.1", 0).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (register != null) {
            register.close();
        }
        if (db != null) {
            db.close();
        }
    }

    long personOf(String fullName) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT pr.person_id FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id WHERE r.full_name = :n")
                .bind("n", fullName).mapTo(Long.class).one());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    long sourceId(String name) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM source WHERE name = :n").bind("n", name).mapTo(Long.class).one());
    }

    long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    void theSeededRegisterHoldsEveryProtectedValue() {
        // The scan below would pass trivially if the values never reached the database.
        assertThat(count("SELECT COUNT(*) FROM source_record WHERE id_number = '" + ID_NUMBER + "' AND address = '" + ADDRESS
                + "' AND notes = '" + NOTE + "'")).isEqualTo(1);
        String extra = db.jdbi().withHandle(h -> h.createQuery("SELECT extra FROM source_record WHERE id_number = :i").bind("i", ID_NUMBER)
                .mapTo(String.class).one());
        assertThat(extra).contains(WITNESS).contains(PHONE);
        assertThat(count("SELECT COUNT(*) FROM person WHERE living = TRUE")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM person WHERE status = 'killed' AND living = FALSE")).isGreaterThan(20);
    }

    @Test
    void noPublicPageOrResponseHoldsAProtectedValue() throws IOException, InterruptedException {
        List<String> paths = new ArrayList<>();
        for (String lang : MemorialRoutes.LANGUAGES) {
            paths.add("/memorial?lang=" + lang);
        }
        long publicTotal = Long.parseLong(jsonNumber(get("/api/v1/public/persons?limit=1").body(), "total"));
        for (int page = 1; page <= (publicTotal + 24) / 25; page++) {
            paths.add("/memorial?page=" + page);
            paths.add("/api/v1/public/persons?limit=25&offset=" + (page - 1) * 25);
        }
        for (String value : PROTECTED) {
            for (String word : value.split(" ")) {
                paths.add("/memorial?q=" + enc(word));
                paths.add("/api/v1/public/persons?q=" + enc(word));
            }
            paths.add("/memorial?q=" + enc(value));
            paths.add("/api/v1/public/persons?q=" + enc(value));
        }
        List<Long> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM person ORDER BY id").mapTo(Long.class).list());
        for (long id : ids) {
            paths.add("/memorial/" + id);
            paths.add("/memorial/" + id + "/correction");
            paths.add("/api/v1/public/persons/" + id);
        }
        int ok = 0;
        for (String path : paths) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(200, 404);
            ok += r.statusCode() == 200 ? 1 : 0;
            // A search page repeats what the visitor typed in its search field: that is their own text, not the register's.
            String body = r.body();
            Matcher typed = Pattern.compile("id=\"q\" name=\"q\" value=\"[^\"]*\"").matcher(body);
            body = typed.replaceAll("id=\"q\"");
            for (String value : PROTECTED) {
                assertThat(body).as("%s must not show the protected value '%s'", path, value).doesNotContain(value)
                        .doesNotContain(value.replace("+", "&#43;"));
            }
        }
        assertThat(ok).as("most of the scanned pages are real pages, not 404s").isGreaterThan(paths.size() / 3);
    }

    static String jsonNumber(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return m.group(1);
    }

    @Test
    void theMemorialShowsTheKilledAndNotTheLivingTheMissingTheWithheldOrTheUnpublished() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        HttpResponse<String> page = get("/memorial/" + killed);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(KILLED).contains("Talibzada Ulvi").contains("1961").contains("Nomkənd").contains("1992-02-26")
                .contains("Committee testimonies");
        assertThat(get("/memorial?q=" + enc("Талыбзаде")).body()).as("a search in Cyrillic finds the Latin name").contains(KILLED);
        assertThat(get("/api/v1/public/persons?q=Talibzade").body()).contains("\"display_name\":\"" + KILLED + "\"")
                .contains("\"id\":" + killed).doesNotContain("Nərmin").doesNotContain("Fərid");
        for (String hidden : List.of(LIVING, MISSING, WITHHELD, UNPUBLISHED)) {
            assertThat(get("/memorial/" + personOf(hidden)).statusCode()).as(hidden).isEqualTo(404);
            assertThat(get("/api/v1/public/persons/" + personOf(hidden)).statusCode()).as(hidden).isEqualTo(404);
        }
        HttpResponse<String> problem = get("/api/v1/public/persons/" + personOf(LIVING));
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.body()).contains("\"status\":404").contains("\"title\":\"Not Found\"");
        assertThat(get("/api/v1/public/persons?limit=500").statusCode()).as("a limit out of bounds is a problem").isEqualTo(400);
    }

    @Test
    void withholdingAndReleasingShowAtOnce() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        register.publication().withhold(new org.nomina.app.register.Viewer("editor", org.nomina.store.users.Role.EDITOR, ""), killed,
                "test of withholding");
        try {
            assertThat(get("/memorial/" + killed).statusCode()).isEqualTo(404);
            assertThat(get("/memorial?q=Talibzade").body()).doesNotContain(KILLED);
        } finally {
            register.publication().release(new org.nomina.app.register.Viewer("editor", org.nomina.store.users.Role.EDITOR, ""), killed);
        }
        assertThat(get("/memorial/" + killed).statusCode()).isEqualTo(200);
    }

    /**
     * The server keeps rendered public responses per version of what is public: a repeated request is the same bytes, and a
     * withholding, a release or a correction made by another process (a second projection on the database, as the command
     * line beside the server would) shows at the next request, on every public route.
     */
    @Test
    void keptPublicResponsesFollowEveryChangeByAnotherProcess() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        List<String> paths = List.of("/memorial/" + killed, "/memorial?q=Talibzade", "/api/v1/public/persons?q=Talibzade",
                "/api/v1/public/persons/" + killed);
        for (String path : paths) {
            HttpResponse<String> first = get(path);
            HttpResponse<String> again = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(again.body()).as(path).isEqualTo(first.body()).contains(KILLED);
            assertThat(again.headers().firstValue("ETag")).as(path).isEqualTo(first.headers().firstValue("ETag"));
        }
        PublicProjection other = new PublicProjection(db);
        other.withhold(killed, "test of a kept response withheld by another process", "test");
        try {
            assertThat(get(paths.get(0)).statusCode()).isEqualTo(404);
            assertThat(get(paths.get(1)).body()).doesNotContain(KILLED);
            assertThat(get(paths.get(2)).body()).doesNotContain(KILLED);
            assertThat(get(paths.get(3)).statusCode()).isEqualTo(404);
        } finally {
            other.release(killed, "test");
        }
        for (String path : paths) {
            assertThat(get(path).body()).as(path + " after the release").contains(KILLED);
        }
        String etag = get(paths.get(0)).headers().firstValue("ETag").orElseThrow();
        org.nomina.store.persons.PersonCorrections.correct(db.jdbi(), killed, "birth_year", "1960", "test of a kept response", "test");
        try {
            HttpResponse<String> corrected = get(paths.get(0), "If-None-Match", etag);
            assertThat(corrected.statusCode()).as("the held version is no longer current").isEqualTo(200);
            assertThat(corrected.body()).contains("1960").doesNotContain("1961");
            assertThat(get(paths.get(3)).body()).contains("1960");
        } finally {
            org.nomina.store.persons.PersonCorrections.correct(db.jdbi(), killed, "birth_year", "1961", "test of a kept response, undone", "test");
        }
        assertThat(get(paths.get(0)).body()).contains("1961");
    }

    @Test
    void pagesAreCacheableWithETagsAndSpeakTheVisitorsLanguage() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        HttpResponse<String> first = get("/memorial/" + killed + "?lang=ru");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).isEqualTo("public, max-age=60");
        assertThat(first.body()).contains("Погиб").contains("lang=\"ru\"");
        assertThat(first.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase()).isEqualTo("text/html;charset=utf-8");
        HttpResponse<String> again = get("/memorial/" + killed + "?lang=ru", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/memorial", "Accept-Language", "hy-AM,hy;q=0.9,en;q=0.5").body()).contains("Հուշահամալիր");
        assertThat(get("/memorial", "Accept-Language", "az").body()).contains("Xatirə");
        assertThat(get("/memorial", "Accept-Language", "de-DE").body()).contains("Memorial").contains("lang=\"en\"");
        assertThat(get("/memorial?lang=hy", "Accept-Language", "ru").body()).as("?lang= wins").contains("lang=\"hy\"");
    }

    @Test
    void aFamilysCorrectionReachesTheEditorsAndChangesNothingPublic() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        String before = get("/memorial/" + killed).body();
        String apiBefore = get("/api/v1/public/persons/" + killed).body();
        long stored = count("SELECT COUNT(*) FROM correction_submission");
        HttpResponse<String> refused = post("/memorial/" + killed + "/correction", Map.of("message", "He was born in 1960.", "_csrf", "0".repeat(64)));
        assertThat(refused.statusCode()).as("a correction without the form's token").isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM correction_submission")).isEqualTo(stored);
        String form = get("/memorial/" + killed + "/correction").body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"").matcher(form);
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        HttpResponse<String> empty = post("/memorial/" + killed + "/correction", Map.of("message", "  ", "_csrf", token));
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> sent = post("/memorial/" + killed + "/correction", Map.of("message", "He was born in 1960, not 1961.",
                "sender_name", "A fictional niece", "sender_contact", "niece@example.org", "_csrf", token));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Thank you");
        String storedMessage = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT message FROM correction_submission WHERE person_id = :p ORDER BY id DESC").bind("p", killed).mapTo(String.class).first());
        assertThat(storedMessage).isEqualTo("He was born in 1960, not 1961.");
        assertThat(register.publication().corrections(new org.nomina.app.register.Viewer("editor", org.nomina.store.users.Role.EDITOR, ""), 10))
                .anySatisfy(c -> assertThat(c.senderContact()).isEqualTo("niece@example.org"));
        assertThat(get("/memorial/" + killed).body()).isEqualTo(before).doesNotContain("niece");
        assertThat(get("/api/v1/public/persons/" + killed).body()).isEqualTo(apiBefore);
        int status = 200;
        for (int i = 0; i < org.nomina.app.register.Publication.CORRECTIONS_PER_WINDOW && status != 429; i++) {
            status = post("/memorial/" + killed + "/correction", Map.of("message", "again " + i, "_csrf", token)).statusCode();
        }
        assertThat(status).as("an address sending too many corrections waits").isEqualTo(429);
    }

    /** A client signed in as {@code username}, with its session's CSRF token. */
    record Team(HttpClient client, String csrf) {
        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    Team signIn(String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Team anonymous = new Team(client, "");
        String token = csrfIn(anonymous.get(base + "/login").body());
        assertThat(anonymous.post(base + "/login", Map.of("_csrf", token, "username", username, "password", PASSWORD)).statusCode()).isEqualTo(302);
        return new Team(client, csrfIn(anonymous.get(base + "/persons").body()));
    }

    static String csrfIn(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"").matcher(html);
        assertThat(m.find()).as("a _csrf field in the page").isTrue();
        return m.group(1);
    }

    @Test
    void editorsWithholdFromThePersonsPageAndViewersMayNot() throws IOException, InterruptedException {
        long killed = personOf(KILLED);
        Team viewer = signIn("viewer-user");
        assertThat(viewer.get(base + "/publish").statusCode()).isEqualTo(403);
        assertThat(viewer.post(base + "/publish/persons/" + killed, Map.of("_csrf", viewer.csrf(), "reason", "x")).statusCode()).isEqualTo(403);
        Team editor = signIn("editor-user");
        assertThat(editor.get(base + "/persons/" + killed).body()).contains("/publish/persons/" + killed);
        assertThat(editor.get(base + "/publish/persons/" + killed).body()).contains("is on the public memorial");
        assertThat(editor.post(base + "/publish/persons/" + killed, Map.of("reason", "no token")).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(get("/memorial/" + killed).statusCode()).isEqualTo(200);
        HttpResponse<String> withheld = editor.post(base + "/publish/persons/" + killed, Map.of("_csrf", editor.csrf(), "action", "withhold",
                "reason", "the family asked in a test"));
        assertThat(withheld.body()).contains("is not on the public memorial").contains("the family asked in a test");
        try {
            assertThat(get("/memorial/" + killed).statusCode()).isEqualTo(404);
            assertThat(editor.get(base + "/publish").body()).contains("the family asked in a test");
            assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE action = 'publish-withhold'")).isGreaterThanOrEqualTo(2);
        } finally {
            editor.post(base + "/publish/persons/" + killed, Map.of("_csrf", editor.csrf(), "action", "release"));
        }
        assertThat(get("/memorial/" + killed).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> api(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method.toUpperCase(java.util.Locale.ROOT), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Validates a response body against a schema of the served OpenAPI document; returns the errors. */
    static List<String> validate(String openapi, String schemaName, String body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode doc = MAPPER.readTree(openapi);
        com.fasterxml.jackson.databind.node.ObjectNode wrapper = MAPPER.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("components", doc.get("components"));
        wrapper.put("$ref", "#/components/schemas/" + schemaName);
        com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
                .getSchema(MAPPER.writeValueAsString(wrapper), com.networknt.schema.InputFormat.JSON);
        return schema.validate(body, com.networknt.schema.InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void everyApiRouteIsInTheOpenApiDocumentAndEveryResponseValidatesAgainstIt() throws IOException, InterruptedException {
        HttpResponse<String> served = get("/api/v1/openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        String openapi = served.body();
        com.fasterxml.jackson.databind.JsonNode doc = MAPPER.readTree(openapi);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        List<ApiRoutes.Route> table = new ApiRoutes(register).table();
        assertThat(table).hasSizeGreaterThanOrEqualTo(10);
        long killed = personOf(KILLED);
        long pairs = count("SELECT COUNT(*) FROM match_pair WHERE decision = 'REVIEW'");
        List<String> checked = new ArrayList<>();
        for (ApiRoutes.Route route : table) {
            assertThat(doc.at("/paths/" + route.path().replace("/", "~1") + "/" + route.method()).isMissingNode())
                    .as(route.method() + " " + route.path() + " is in the document").isFalse();
            String path = route.path().replace("/sources/{id}", "/sources/" + sourceId("Committee testimonies")).replace("{id}", Long.toString(killed));
            String token = route.role().isEmpty() ? null : switch (route.role().get()) {
                case VIEWER -> viewerToken;
                case REVIEWER -> reviewerToken;
                default -> editorToken;
            };
            String body = null;
            if (route.method().equals("post")) {
                if (pairs == 0) {
                    continue;
                }
                var next = MAPPER.readTree(api("get", "/api/v1/review/next", reviewerToken, null).body()).get("pair").get("pair");
                body = "{\"a\": " + next.get("a").get("key").asLong() + ", \"b\": " + next.get("b").get("key").asLong() + ", \"verdict\": \"unsure\"}";
            }
            if (route.path().equals("/api/v1/persons") || route.path().equals("/api/v1/public/persons")) {
                path += "?q=Talibzade";
            }
            HttpResponse<String> r = api(route.method(), path, token, body);
            assertThat(r.statusCode()).as(route.method() + " " + path + ": " + r.body()).isEqualTo(200);
            assertThat(validate(openapi, route.schema(), r.body())).as(route.method() + " " + path + " against " + route.schema()).isEmpty();
            checked.add(route.path());
        }
        assertThat(checked).contains("/api/v1/persons", "/api/v1/public/persons", "/api/v1/figures", "/api/v1/persons/{id}", "/api/v1/corrections",
                "/api/v1/sources/{id}/records", "/api/v1/claims");
        assertThat(validate(openapi, "SourceRecords", "{\"records\": [], \"offset\": 0, \"limit\": 1, \"source\": \"x\", \"source_id\": 1}"))
                .as("a page without its total").isNotEmpty();
        assertThat(validate(openapi, "Claims", "{\"claims\": [{\"id\": 1}]}")).isNotEmpty();
        // The schemas are not vacuous: a protected field in a public answer, or a missing total, fails them.
        assertThat(validate(openapi, "PublicPersonPage", "{\"persons\": [], \"offset\": 0, \"limit\": 1}")).isNotEmpty();
        String publicPerson = get("/api/v1/public/persons/" + killed).body();
        assertThat(validate(openapi, "PublicPerson", publicPerson.replaceFirst("\\{", "{\"id_number\": \"x\", "))).isNotEmpty();
        HttpResponse<String> problem = api("get", "/api/v1/persons/999999999", viewerToken, null);
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(validate(openapi, "Problem", problem.body())).isEmpty();
    }

    @Test
    void theApiAsksTheRolesOfTheWebAndTakesTokensOrTheSession() throws IOException, InterruptedException {
        HttpResponse<String> anonymous = api("get", "/api/v1/persons?q=Talibzade", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api("get", "/api/v1/persons", "nom_not-a-token", null).statusCode()).isEqualTo(401);
        HttpResponse<String> persons = api("get", "/api/v1/persons?q=Talibzade", viewerToken, null);
        assertThat(persons.statusCode()).isEqualTo(200);
        assertThat(persons.body()).contains("\"display_name\":\"" + KILLED + "\"").contains("\"total\":").contains("\"fate\":\"killed\"")
                .as("the team sees the living, the public does not").contains(LIVING);
        assertThat(api("get", "/api/v1/review/next", viewerToken, null).statusCode()).as("a viewer may not review").isEqualTo(403);
        assertThat(api("get", "/api/v1/corrections", reviewerToken, null).statusCode()).as("only editors read corrections").isEqualTo(403);
        String viewerPerson = api("get", "/api/v1/persons/" + personOf(KILLED), viewerToken, null).body();
        assertThat(viewerPerson).doesNotContain(ID_NUMBER).contains("protected");
        assertThat(api("get", "/api/v1/persons/" + personOf(KILLED), editorToken, null).body()).contains(ID_NUMBER);
        assertThat(count("SELECT COUNT(*) FROM access_audit WHERE path = '/api/v1/persons/" + personOf(KILLED) + "'")).isGreaterThan(0);
        Team viewer = signIn("viewer-user");
        assertThat(viewer.get(base + "/api/v1/persons?q=Talibzade").body()).contains(KILLED);
        Team reviewer = signIn("reviewer-user");
        HttpResponse<String> noCsrf = reviewer.client().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/review/decide"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": 1, \"b\": 2, \"verdict\": \"same\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).as("a session POST without X-CSRF-Token").isEqualTo(403);
        org.nomina.store.publish.ApiTokens tokens = new org.nomina.store.publish.ApiTokens(db);
        var made = tokens.create("viewer-user", "revoked in a test", Optional.empty(), "test");
        assertThat(api("get", "/api/v1/sources", made.secret(), null).statusCode()).isEqualTo(200);
        tokens.revoke(made.token().id(), "test");
        assertThat(api("get", "/api/v1/sources", made.secret(), null).statusCode()).isEqualTo(401);
        var expiring = tokens.create("viewer-user", "expired in a test", Optional.of(1), "test");
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE api_token SET expires_at = created_at - INTERVAL '1' DAY WHERE label = 'expired in a test'")
                .execute());
        assertThat(api("get", "/api/v1/sources", expiring.secret(), null).statusCode()).isEqualTo(401);
        assertThat(count("SELECT COUNT(*) FROM api_token WHERE token_sha256 LIKE 'nom_%'")).as("only hashes are kept").isZero();
    }

    @Test
    void aSourcesRecordsAreServedAsWrittenMaskedForViewersAndPaged() throws IOException, InterruptedException {
        long committee = sourceId("Committee testimonies");
        String path = "/api/v1/sources/" + committee + "/records";
        assertThat(api("get", path, null, null).statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<String> viewed = api("get", path, viewerToken, null);
        assertThat(viewed.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode page = MAPPER.readTree(viewed.body());
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("total_exact").asBoolean()).isTrue();
        assertThat(page.get("source").asText()).isEqualTo("Committee testimonies");
        assertThat(page.get("records")).hasSize(4);
        com.fasterxml.jackson.databind.JsonNode first = page.get("records").get(0);
        assertThat(first.get("verbatim").get("Name").asText()).as("as the source wrote it").isEqualTo(KILLED);
        assertThat(first.get("verbatim").get("Village").asText()).isEqualTo("Nomkənd");
        assertThat(first.get("person_id").asLong()).isEqualTo(personOf(KILLED));
        for (String value : List.of(ID_NUMBER, ADDRESS, NOTE, WITNESS, PHONE, "AZE 5550001")) {
            assertThat(viewed.body()).as("a viewer never sees " + value).doesNotContain(value);
        }
        com.fasterxml.jackson.databind.JsonNode living = page.get("records").get(1);
        assertThat(living.get("verbatim").get("Name").asText()).as("a living person's name stays visible").isEqualTo(LIVING);
        assertThat(living.get("verbatim").get("Born").asText()).as("but not the rest").contains("protected");
        String edited = api("get", path, editorToken, null).body();
        assertThat(edited).contains(ID_NUMBER).contains(PHONE).contains(WITNESS);
        assertThat(count("SELECT COUNT(*) FROM access_audit WHERE path = '" + path + "' AND shown = FALSE")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM access_audit WHERE path = '" + path + "' AND shown = TRUE")).isPositive();
        com.fasterxml.jackson.databind.JsonNode one = MAPPER.readTree(api("get", path + "?offset=1&limit=2", viewerToken, null).body());
        assertThat(one.get("records")).hasSize(2);
        assertThat(one.get("records").get(0).get("key").asLong()).isEqualTo(living.get("key").asLong());
        assertThat(one.get("total").asLong()).isEqualTo(4);
        assertThat(api("get", "/api/v1/sources/999999/records", viewerToken, null).statusCode()).isEqualTo(404);
        assertThat(api("get", "/api/v1/sources/abc/records", viewerToken, null).statusCode()).isEqualTo(400);
        assertThat(api("get", path + "?limit=1000", viewerToken, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theApisClaimsAreTheClaimsListDocument() throws IOException, InterruptedException {
        assertThat(api("get", "/api/v1/claims", null, null).statusCode()).isEqualTo(401);
        String served = api("get", "/api/v1/claims", viewerToken, null).body();
        var expected = Map.of("claims", new org.nomina.store.claims.ClaimStore(db).list(Optional.empty()).stream()
                .map(org.nomina.app.register.ClaimsDocument::listed).toList());
        assertThat(MAPPER.readTree(served)).isEqualTo(MAPPER.readTree(MemorialRoutes.jsonBytes(expected)));
        assertThat(MAPPER.readTree(served).get("claims").size()).isGreaterThanOrEqualTo(3);
        assertThat(served).contains(STATEMENT_SOURCE).contains("\"quote\":\"2 children\"");
        assertThat(MAPPER.readTree(api("get", "/api/v1/claims?incident=" + enc("No such label"), viewerToken, null).body()).get("claims")).isEmpty();
    }

    @Test
    void theApisFiguresAreTheFiguresDocument() throws IOException, InterruptedException {
        String served = api("get", "/api/v1/figures", viewerToken, null).body();
        var expected = org.nomina.app.register.FiguresDocument.of(org.nomina.store.figures.Figures.compute(db.jdbi(), Optional.empty(),
                Optional.empty(), org.nomina.engine.fates.Subgroups.DEFAULT));
        assertThat(MAPPER.readTree(served)).isEqualTo(MAPPER.readTree(MemorialRoutes.jsonBytes(expected)));
        assertThat(MAPPER.readTree(served).get("figures").size()).isGreaterThan(5);
        assertThat(api("get", "/api/v1/figures?incident=" + enc("No such incident"), viewerToken, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theDashboardsFiguresAreTheFiguresDocumentAndLeadToTheirPersons() throws IOException, InterruptedException {
        Team viewer = signIn("viewer-user");
        String html = viewer.get(base + "/dashboard").body();
        Map<String, Long> shown = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("data-figure=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            shown.put(m.group(1), Long.parseLong(m.group(2)));
        }
        var report = org.nomina.store.figures.Figures.compute(db.jdbi(), Optional.empty(), Optional.empty(),
                org.nomina.engine.fates.Subgroups.DEFAULT);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        for (var f : report.figures()) {
            expected.put(f.key(), f.count());
        }
        assertThat(shown).as("every figure of nomina figures --json, with its count").isEqualTo(expected);
        assertThat(expected.get("killed")).isGreaterThan(20);
        for (String chart : List.of("chart-fates", "chart-deaths", "chart-overlap", "chart-sources")) {
            assertThat(html).as(chart).contains("id=\"" + chart + "\"").contains("data-chart=\"" + chart + "\"");
        }
        var killedChildren = report.figure("killed/children").orElseThrow();
        String behind = viewer.get(base + "/dashboard/figure?incident=&key=" + enc("killed/children")).body();
        for (long id : killedChildren.personIds()) {
            assertThat(behind).contains("href=\"/persons/" + id + "\"");
        }
        assertThat(get("/dashboard").statusCode()).as("anonymous visitors are sent to sign in").isEqualTo(302);
        assertThat(viewer.get(base + "/dashboard/figure?key=nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardSetsTheClaimsBesideTheRegisterAsClaimsCompareDoes() throws IOException, InterruptedException {
        Team viewer = signIn("viewer-user");
        String html = viewer.get(base + "/dashboard").body();
        var rows = org.nomina.app.register.ClaimsDocument.compare(db, Optional.empty(), List.of(), new ArrayList<>());
        var killed = rows.stream().filter(r -> r.key().label().equals("killed")).findFirst().orElseThrow();
        assertThat(killed.claimsMinimum().getAsLong()).isEqualTo(5);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        org.jsoup.nodes.Element row = page.selectFirst("tr[data-claim-key=killed]");
        assertThat(row.selectFirst("summary").attr("data-span")).isEqualTo("5");
        assertThat(row.text()).as("each claim with its source and its words").contains(STATEMENT_SOURCE + ": exactly 5 — 5 people");
        assertThat(row.hasClass("flagged")).as("the register names more than the statement says").isTrue();
        for (var flag : rows.stream().flatMap(r -> r.flags().stream()).toList()) {
            assertThat(page.select("#does-not-add-up li").eachText()).contains(flag.message());
        }
        assertThat(page.selectFirst("tr[data-claim-key=killed/children] summary").attr("data-span")).isEqualTo("2");
        assertThat(page.selectFirst("tr[data-claim-key=injured] summary").attr("data-span")).as("the min–max of the numbers, as claims compare").isEqualTo("3");
        assertThat(page.selectFirst("tr[data-claim-key=injured]").text()).contains(STATEMENT_SOURCE + ": at least 3");
    }

    @Test
    void theOverlapChartCountsTheKilledPerCombinationOfSourcesAsTheDatabaseDoes() throws IOException, InterruptedException {
        Team viewer = signIn("viewer-user");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(viewer.get(base + "/dashboard").body());
        Map<String, Long> shown = new java.util.TreeMap<>();
        for (org.jsoup.nodes.Element tr : page.select("table[data-chart=chart-overlap] tbody tr")) {
            if (!tr.child(1).text().equals("set size")) {
                shown.put(tr.child(0).text(), Long.parseLong(tr.child(2).text()));
            }
        }
        var killed = new java.util.HashSet<>(org.nomina.store.figures.Figures.compute(db.jdbi(), Optional.empty(), Optional.empty(),
                org.nomina.engine.fates.Subgroups.DEFAULT).figure("killed").orElseThrow().personIds());
        Map<Long, java.util.TreeMap<Long, String>> sourcesOf = new java.util.HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("""
                        SELECT DISTINCT pr.person_id, s.id, s.name FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                        JOIN source s ON s.id = r.source_id JOIN person p ON p.id = pr.person_id WHERE p.retired_at IS NULL""")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> {
                    if (killed.contains((Long) row[0])) {
                        sourcesOf.computeIfAbsent((Long) row[0], k -> new java.util.TreeMap<>()).put((Long) row[1], (String) row[2]);
                    }
                }));
        Map<String, Long> expected = new java.util.TreeMap<>();
        sourcesOf.values().forEach(names -> expected.merge(String.join(" + ", names.values()), 1L, Long::sum));
        assertThat(shown).as("each combination of sources with its killed persons").isEqualTo(expected);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(killed.size());
    }

    @Test
    void theEstimateIsComputedOnRequestAndKeptForTheRegisterAsItIs() throws IOException, InterruptedException {
        Team viewer = signIn("viewer-user");
        String before = viewer.get(base + "/dashboard").body();
        var viewerRole = new org.nomina.app.register.Viewer("viewer-user", org.nomina.store.users.Role.VIEWER, "");
        if (register.statement(viewerRole, Optional.empty()).estimate().outcome().isEmpty()) {
            assertThat(before).as("a page view does not compute the estimate").contains("id=\"estimate-start\"").doesNotContain("id=\"chart-estimate\"");
        }
        HttpResponse<String> started = viewer.post(base + "/dashboard/estimate", Map.of("_csrf", viewer.csrf(), "incident", ""));
        assertThat(started.statusCode()).isEqualTo(302);
        String job = started.headers().firstValue("Location").orElseThrow();
        assertThat(job).startsWith("/jobs/");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String state = "";
        while (System.nanoTime() < deadline && !state.contains("see-dashboard") && !state.contains("job-error")) {
            Thread.sleep(500);
            state = viewer.get(base + job).body();
        }
        assertThat(state).contains("The estimate is ready");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(viewer.get(base + "/dashboard").body());
        assertThat(page.getElementById("estimate-start")).as("kept: no need to ask again").isNull();
        // A second, independent computation with the same defaults and seed gives what the page shows.
        var expected = new org.nomina.app.register.Statements(db).estimate(Optional.empty());
        switch (expected) {
            case org.nomina.engine.estimation.EstimationResult r -> {
                assertThat(page.selectFirst("#estimate-killed").text()).startsWith(String.format("%,.0f (%,.0f – ", r.estimate(), r.lower()));
                assertThat(page.getElementById("chart-estimate")).isNotNull();
                assertThat(page.select("table[data-chart=chart-estimate] td").eachText()).contains(String.format("%,.0f", r.estimate()));
            }
            case org.nomina.engine.estimation.EstimationRefusal refusal -> {
                // this register's protected lists share nobody with the others, and the engine says so rather than guess
                assertThat(page.selectFirst("#estimate-note").text()).isEqualTo("no estimate: " + refusal.reason());
                assertThat(page.getElementById("chart-estimate")).as("no estimate, no chart of it").isNull();
            }
        }
        assertThat(viewer.post(base + "/dashboard/estimate", Map.of("incident", "")).statusCode()).as("without the form's token").isEqualTo(403);
    }

    @Test
    void screenshotsOfTheMemorial() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(new File(WebContract.CHROMIUM).canExecute() && new File(WebContract.CHROMEDRIVER).canExecute(),
                "screenshots skipped: no Chromium at " + WebContract.CHROMIUM);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(WebContract.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(WebContract.CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Path out = Path.of("target", "screenshots");
            Files.createDirectories(out);
            Map<String, String> pages = Map.of("memorial", "/memorial?q=Talibzade", "memorial-person-hy", "/memorial/" + personOf(KILLED) + "?lang=hy",
                    "memorial-correction", "/memorial/" + personOf(KILLED) + "/correction?lang=az");
            for (Map.Entry<String, String> p : pages.entrySet()) {
                browser.get(base + p.getValue());
                assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
                for (int width : new int[] {1280, 390}) {
                    browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                    Files.write(out.resolve(label() + "-" + p.getKey() + "-" + width + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
            }
            browser.get(base + "/memorial?q=Talibzade");
            assertThat(browser.findElement(By.id("memorial-results")).getText()).contains(KILLED).doesNotContain(LIVING);
            browser.get(base + "/login");
            browser.findElement(By.id("username")).sendKeys("viewer-user");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("login-submit")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/persons"));
            browser.get(base + "/dashboard");
            if (!browser.findElements(By.id("estimate-start")).isEmpty()) {
                browser.findElement(By.id("estimate-start")).click();
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofMinutes(3))
                        .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("see-dashboard")));
                browser.findElement(By.id("see-dashboard")).click();
            }
            assertThat(browser.findElements(By.id("chart-estimate")).size() + browser.findElements(By.id("estimate-note")).size())
                    .as("the estimate, or why there is none").isEqualTo(1);
            // the document nomina figures --json prints
            String figuresJson = new String(MemorialRoutes.jsonBytes(org.nomina.app.register.FiguresDocument.of(org.nomina.store.figures.Figures.compute(db.jdbi(),
                    Optional.empty(), Optional.empty(), org.nomina.engine.fates.Subgroups.DEFAULT))), java.nio.charset.StandardCharsets.UTF_8);
            var figures = MAPPER.readTree(figuresJson).get("figures");
            assertThat(figures.size()).isGreaterThan(10);
            for (var f : figures) {
                String key = f.get("category").asText() + (f.has("subgroup") ? "/" + f.get("subgroup").asText() : "");
                var cells = browser.findElements(By.cssSelector("tr[data-figure='" + key + "'] td"));
                assertThat(cells.get(2).getText()).as("the browser shows nomina figures --json's count of " + key).isEqualTo(f.get("count").asText());
            }
            for (String chart : List.of("chart-fates", "chart-deaths", "chart-overlap", "chart-sources")) {
                assertThat(browser.findElement(By.id(chart)).isDisplayed()).as(chart).isTrue();
                assertThat(browser.findElement(By.id(chart)).getSize().getHeight()).as(chart).isGreaterThan(80);
            }
            browser.findElement(By.cssSelector("#chart-fates-figure summary")).click();
            assertThat(browser.findElement(By.cssSelector("table[data-chart='chart-fates']")).isDisplayed()).as("the numbers one click away").isTrue();
            for (int width : new int[] {1280, 390}) {
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
                Files.write(out.resolve(label() + "-dashboard-" + width + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                for (String chart : List.of("chart-fates", "chart-deaths", "chart-estimate", "chart-overlap", "chart-sources")) {
                    var found = browser.findElements(By.id(chart + "-figure"));
                    if (!found.isEmpty()) {
                        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", found.get(0));
                        Files.write(out.resolve(label() + "-" + chart + "-" + width + ".png"), found.get(0).getScreenshotAs(OutputType.BYTES));
                    }
                }
            }
        } finally {
            browser.quit();
        }
    }
}
