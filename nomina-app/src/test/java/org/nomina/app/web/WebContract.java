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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.nomina.store.incidents.Incidents;
import org.nomina.store.persons.PersonShow;
import org.nomina.store.linkage.RegisterLinker;
import org.nomina.store.users.Role;
import org.nomina.store.users.Users;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application end to end: a real server on a free port over a real database (H2 file, or
 * PostgreSQL), driven by Debian's Chromium through its chromedriver, and by plain HTTP where a browser
 * would hide what is tested (status codes, tokens). Skipped, saying why, when no Chromium is installed.
 * Screenshots of every page at 1280 and 390 pixels wide go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebContract {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String PASSWORD = "a long fictional passphrase";
    static final String PASSPORT = "AZE 0099123";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String WAR = "War in the valley";
    static final String NIGHT_ATTACK = "Night attack on Nomkənd";

    private Path dir;
    private String url;
    private Database db;
    private Register register;
    private WebServer server;
    private WebDriver browser;
    String base;

    /** The database URL to serve; a subclass may skip the tests (no PostgreSQL configured). */
    abstract String databaseUrl(Path dir);

    abstract String label();

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "browser tests skipped: no Chromium at " + CHROMIUM + " with " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does)");
        dir = Files.createTempDirectory("nomina-web-test");
        url = databaseUrl(dir);
        db = Database.open(url);
        DemoCase demo = new DemoGenerator(new DemoGenerator.Options(1000, 4, false, 11)).generate(dir.resolve("case"));
        Importer importer = new Importer(db);
        for (DemoCase.ListFile list : demo.lists()) {
            importer.importFile(new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(), Optional.empty(), "test"),
                    Importer.Progress.NONE);
        }
        Path witnesses = dir.resolve("witnesses.csv");
        Files.writeString(witnesses, "Name,Born,Village,Passport,Fate,Household,Relation\n"
                + "\"" + SCRIPT_NAME + "\",1950,Nomkənd,,killed,,\n"
                + "\"O'Brien Seán\",1960,Nomkənd,,killed,OB-1,head\n"
                + "\"O'Brien Niamh\",1988,Nomkənd,,killed,OB-1,daughter\n"
                + "\"Qasımova Nərgiz\",1971,Nomkənd," + PASSPORT + ",missing,,\n", StandardCharsets.UTF_8);
        Path mapping = dir.resolve("witnesses.yaml");
        Files.writeString(mapping, """
                columns:
                  Name: {field: full_name}
                  Born: {field: birth_year}
                  Village: {field: place}
                  Passport: {field: id_number}
                  Fate: {field: status}
                  Household: {field: household}
                  Relation: {field: relation}
                """, StandardCharsets.UTF_8);
        Incidents.add(db.jdbi(), WAR, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "test");
        Incidents.add(db.jdbi(), NIGHT_ATTACK, Optional.of(WAR), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "test");
        importer.importFile(new ImportRequest(witnesses, "Witness statements", Optional.of(mapping), Optional.empty(), Optional.empty(),
                "test", Optional.of(NIGHT_ATTACK), Optional.empty()), Importer.Progress.NONE);
        RegisterLinker.link(db, LinkageConfig.defaults(), "test", ProgressListener.NONE);
        Users users = new Users(db);
        for (Role role : Role.values()) {
            users.add(role.label() + "-user", role, PASSWORD.toCharArray(), "test");
        }
        users.add("second-reviewer", Role.REVIEWER, PASSWORD.toCharArray(), "test");
        users.add("locked-user", Role.VIEWER, PASSWORD.toCharArray(), "test");
        users.add("leaving-user", Role.VIEWER, PASSWORD.toCharArray(), "test");
        assertThat(query("SELECT COUNT(*) FROM match_pair WHERE decision = 'REVIEW'", Integer.class))
                .as("the fictional case leaves pairs for two reviewers").isGreaterThanOrEqualTo(3);
        register = Register.open(url, dir.resolve("index"));
        server = new WebServer(register, "127.0.0.1", 0).start();
        base = "http://127.0.0.1:" + server.port();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
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

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    void signIn(String username) {
        attemptSignIn(username, PASSWORD);
        assertThat(browser.getCurrentUrl()).as(() -> username + " signs in; the page says: " + browser.findElement(By.tagName("body")).getText())
                .doesNotContain("/login");
    }

    void attemptSignIn(String username, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(By.id("login-submit"));
    }

    /** Clicks what leads to another page and waits until the old page is gone. */
    void click(By what) {
        WebElement element = browser.findElement(what);
        element.click();
        // Chromedriver may answer "node does not belong to the document" while the old page goes: asked again, it says stale.
        waiting().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            try {
                element.getTagName();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /** Screenshots of the current page at a laptop's and a phone's width, for people to look at. */
    void screenshots(String name) throws IOException {
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(out.resolve(label() + "-" + name + "-" + width + ".png"), png);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Waits for an element; on timeout fails with the page's text, which says what went wrong. */
    WebElement expect(String id) {
        try {
            return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no #" + id + " on " + browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    <T> T query(String sql, Class<T> type, Object... args) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(type).one();
        });
    }

    /** A plain HTTP client that keeps cookies, signed in as {@code username}; returns it with the session's CSRF token. */
    record Http(HttpClient client, String csrf) {
    }

    Http http(String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = get(client, "/login").body();
        String loginToken = csrfIn(form);
        HttpResponse<String> signedIn = post(client, "/login", Map.of("_csrf", loginToken, "username", username, "password", PASSWORD), null);
        assertThat(signedIn.statusCode()).as("sign-in of " + username).isEqualTo(302);
        String page = get(client, "/persons").body();
        return new Http(client, csrfIn(page));
    }

    static String csrfIn(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{64})\"").matcher(html);
        assertThat(m.find()).as("a _csrf field in the page").isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(HttpClient client, String path, Map<String, String> form, String csrfHeader) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (csrfHeader != null) {
            b.header("X-CSRF-Token", csrfHeader);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long personOf(String fullName) {
        return query("SELECT pr.person_id FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id WHERE r.full_name = ?",
                Long.class, fullName);
    }

    // --- tests ---------------------------------------------------------------------------------------------------

    @Test
    void signingInAndOutAndTheLockout() throws IOException {
        browser.get(base + "/persons?q=Mamedov");
        assertThat(browser.getCurrentUrl()).as("anonymous visitors are sent to sign in").startsWith(base + "/login");
        screenshots("login");
        browser.findElement(By.id("username")).sendKeys("viewer-user");
        browser.findElement(By.id("password")).sendKeys("not the password");
        click(By.id("login-submit"));
        assertThat(browser.findElement(By.id("login-problem")).getText()).contains("do not match");
        browser.findElement(By.id("username")).sendKeys("viewer-user");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        click(By.id("login-submit"));
        assertThat(browser.getCurrentUrl()).as("back where they were going").isEqualTo(base + "/persons?q=Mamedov");
        Optional<String> cookie = browser.manage().getCookies().stream().filter(c -> c.getName().equals(WebServer.SESSION_COOKIE))
                .map(c -> c.isHttpOnly() + " " + c.getSameSite()).findFirst();
        assertThat(cookie).contains("true Strict");
        click(By.id("logout"));
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
        browser.get(base + "/persons");
        assertThat(browser.getCurrentUrl()).as("signed out").startsWith(base + "/login");

        for (int i = 0; i < Users.LOCKOUT_FAILURES; i++) {
            attemptSignIn("locked-user", "wrong " + i);
            assertThat(browser.findElement(By.id("login-problem")).getText()).contains("do not match");
        }
        attemptSignIn("locked-user", PASSWORD);
        assertThat(browser.findElement(By.id("login-problem")).getText()).contains("locked until");
        assertThat(browser.getCurrentUrl()).startsWith(base + "/login");
    }

    /** Sessions are remembered for a few seconds; signing out or disabling the user still ends them at once. */
    @Test
    void aRememberedSessionEndsAtOnceOnSignOutAndOnDisable() throws IOException, InterruptedException {
        for (boolean disable : List.of(false, true)) {
            Http signedIn = http(disable ? "leaving-user" : "viewer-user");
            String cookie = signedIn.client().cookieHandler().orElseThrow().get(URI.create(base), Map.of()).get("Cookie").stream()
                    .filter(c -> c.contains(WebServer.SESSION_COOKIE)).findFirst().orElseThrow();
            HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpRequest persons = HttpRequest.newBuilder(URI.create(base + "/persons")).header("Cookie", cookie).GET().build();
            assertThat(bare.send(persons, HttpResponse.BodyHandlers.ofString()).statusCode()).as("the session, now remembered").isEqualTo(200);
            if (disable) {
                register.disableUser("leaving-user", "test");
            } else {
                assertThat(post(signedIn.client(), "/logout", Map.of("_csrf", signedIn.csrf()), null).statusCode()).isEqualTo(302);
            }
            HttpResponse<String> after = bare.send(persons, HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).as(disable ? "disabled" : "signed out").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).startsWith("/login");
        }
    }

    @Test
    void aPostWithoutTheTokenIsRefused() throws IOException, InterruptedException {
        Http reviewer = http("reviewer-user");
        assertThat(post(reviewer.client(), "/review/undo", Map.of(), null).statusCode()).isEqualTo(403);
        assertThat(post(reviewer.client(), "/review/undo", Map.of("_csrf", "0".repeat(64)), null).statusCode()).isEqualTo(403);
        assertThat(post(reviewer.client(), "/review/undo", Map.of("_csrf", reviewer.csrf()), null).statusCode()).isEqualTo(302);
        assertThat(post(reviewer.client(), "/review/undo", Map.of(), reviewer.csrf()).statusCode()).as("htmx's header").isEqualTo(302);
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(post(anonymous, "/login", Map.of("username", "admin-user", "password", PASSWORD), null).statusCode()).isEqualTo(403);
        HttpResponse<String> page = get(reviewer.client(), "/persons");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        // The header names the pages' charset, as the memorial's does (it was a bare text/html).
        assertThat(page.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase()).isEqualTo("text/html;charset=utf-8");
        assertThat(page.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
    }

    @Test
    void eachRoleMayWhatItMayAndNoMore() throws IOException, InterruptedException {
        Map<String, List<Integer>> expected = Map.of(
                // path: viewer, reviewer, editor, admin
                "/persons", List.of(200, 200, 200, 200),
                "/persons/" + personOf("Qasımova Nərgiz"), List.of(200, 200, 200, 200),
                "/sources", List.of(200, 200, 200, 200),
                "/review", List.of(403, 200, 200, 200),
                "/users", List.of(403, 403, 403, 200),
                "/audit", List.of(403, 403, 403, 200));
        Role[] roles = Role.values();
        for (int r = 0; r < roles.length; r++) {
            Http h = http(roles[r].label() + "-user");
            for (Map.Entry<String, List<Integer>> e : expected.entrySet()) {
                assertThat(get(h.client(), e.getKey()).statusCode()).as(roles[r].label() + " GET " + e.getKey()).isEqualTo(e.getValue().get(r));
            }
            int addUser = post(h.client(), "/users", Map.of("_csrf", h.csrf(), "username", "made-by-" + roles[r].label(), "role", "viewer",
                    "password", PASSWORD), null).statusCode();
            assertThat(addUser).as(roles[r].label() + " adds a user").isEqualTo(roles[r] == Role.ADMIN ? 200 : 403);
            int upload = post(h.client(), "/imports/" + "0".repeat(24), Map.of("_csrf", h.csrf()), null).statusCode();
            assertThat(upload).as(roles[r].label() + " imports").isEqualTo(roles[r].atLeast(Role.EDITOR) ? 404 : 403);
            int decide = post(h.client(), "/review/decide", Map.of("_csrf", h.csrf(), "a", "1", "b", "1", "verdict", "same"), null).statusCode();
            assertThat(decide).as(roles[r].label() + " decides (a pair of one record is refused as bad input)")
                    .isEqualTo(roles[r].atLeast(Role.REVIEWER) ? 400 : 403);
        }
        assertThat(query("SELECT COUNT(*) FROM app_user WHERE username LIKE 'made-by-%'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aReviewDecidedWithTheKeyboardAndUndone() throws IOException {
        signIn("reviewer-user");
        browser.get(base + "/review");
        long a = Long.parseLong(browser.findElement(By.name("a")).getAttribute("value"));
        long b = Long.parseLong(browser.findElement(By.name("b")).getAttribute("value"));
        screenshots("review");
        // A second reviewer is never given the pair the first one holds.
        signedOutSecond(a, b);
        signIn("reviewer-user");
        browser.get(base + "/review");
        a = Long.parseLong(browser.findElement(By.name("a")).getAttribute("value"));
        b = Long.parseLong(browser.findElement(By.name("b")).getAttribute("value"));
        new Actions(browser).sendKeys("s").perform();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("the same person");
        assertThat(query("SELECT COUNT(*) FROM match_decision WHERE record_a = ? AND record_b = ? AND verdict = 'SAME' AND reviewer = 'reviewer-user'",
                Integer.class, a, b)).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM ledger_entry WHERE action = 'review' AND actor = 'reviewer-user'", Integer.class)).isEqualTo(1);
        new Actions(browser).sendKeys("z").perform();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Taken back"));
        assertThat(query("SELECT COUNT(*) FROM match_decision WHERE record_a = ? AND record_b = ?", Integer.class, a, b)).isZero();
        assertThat(query("SELECT COUNT(*) FROM match_decision_withdrawn WHERE record_a = ? AND record_b = ? AND withdrawn_by = 'reviewer-user'",
                Integer.class, a, b)).isEqualTo(1);
        assertThat(query("SELECT COUNT(*) FROM ledger_entry WHERE action = 'review-undo'", Integer.class)).isEqualTo(1);
        String before = browser.findElement(By.name("a")).getAttribute("value") + "-" + browser.findElement(By.name("b")).getAttribute("value");
        new Actions(browser).sendKeys("j").perform();
        waiting().until(ExpectedConditions.urlContains("pos=1"));
        String after = browser.findElement(By.name("a")).getAttribute("value") + "-" + browser.findElement(By.name("b")).getAttribute("value");
        assertThat(after).as("j moves to the next pair").isNotEqualTo(before);
    }

    /** The second reviewer, in plain HTTP, is shown another pair than the one the first reviewer holds. */
    private void signedOutSecond(long heldA, long heldB) {
        try {
            Http second = http("second-reviewer");
            String page = get(second.client(), "/review").body();
            Matcher ma = Pattern.compile("name=\"a\" value=\"(\\d+)\"").matcher(page);
            Matcher mb = Pattern.compile("name=\"b\" value=\"(\\d+)\"").matcher(page);
            assertThat(ma.find() && mb.find()).as("the second reviewer gets a pair").isTrue();
            assertThat(ma.group(1) + "-" + mb.group(1)).isNotEqualTo(heldA + "-" + heldB);
            post(second.client(), "/logout", Map.of("_csrf", csrfIn(page)), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUploadWithAChangedMappingIsImportedAndItsRejectedRowsShown() throws IOException, InterruptedException {
        Path list = dir.resolve("upload-list.csv");
        Files.writeString(list, """
                Kennung;Name;Geburt;Dorf
                K-1;Əliyev Rəşid;12.03.1951;Nomkənd
                K-2;Hüseynova Aynur;not a date;Nomkənd
                K-3;Кәримов Вагиф;1949;Nomkənd
                K-4;Babayev Elçin;31.02.1960;Nomkənd
                K-5;;1970;Nomkənd
                K-6;N/A;1955;Nomkənd
                """, StandardCharsets.UTF_8);
        signIn("editor-user");
        browser.get(base + "/sources");
        screenshots("sources");
        browser.findElement(By.id("upload-file")).sendKeys(list.toAbsolutePath().toString());
        click(By.id("upload-submit"));
        expect("mapping");
        assertThat(browser.findElement(By.id("detected")).getText()).contains("UTF-8").contains(";");
        screenshots("import-preview");
        new Select(browser.findElement(By.cssSelector("select[data-column='Kennung']"))).selectByValue("record_id");
        new Select(browser.findElement(By.cssSelector("select[data-column='Geburt']"))).selectByValue("birth_date");
        new Select(browser.findElement(By.cssSelector("select[data-column='Dorf']"))).selectByValue("place");
        click(By.id("preview-again"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("would-import"), "4 would be imported, 2 rejected"));
        // The mapping as chosen, downloaded as YAML, is what --mapping reads.
        String upload = browser.getCurrentUrl().replaceFirst(".*/imports/", "");
        Http editor = http("editor-user");
        HttpResponse<String> yaml = post(editor.client(), "/imports/" + upload, Map.of("_csrf", editor.csrf(), "action", "yaml",
                "col_0", "Kennung", "field_0", "record_id", "col_1", "Name", "field_1", "full_name", "col_2", "Geburt", "field_2", "birth_date",
                "col_3", "Dorf", "field_3", "place"), null);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Disposition").orElse("")).contains("mapping.yaml");
        Path downloaded = dir.resolve("downloaded-mapping.yaml");
        Files.writeString(downloaded, yaml.body(), StandardCharsets.UTF_8);
        assertThat(org.nomina.store.imports.Mapping.load(downloaded).columns().get("Kennung").target()).isEqualTo("record_id");
        assertThat(org.nomina.store.imports.Mapping.load(downloaded).columns().get("Geburt").target()).isEqualTo("birth_date");
        // No victim is dropped for a date: the unreadable dates stay with a problem; only the rows naming nobody are rejected.
        assertThat(browser.findElement(By.id("preview-rejects")).getText()).contains("N/A").doesNotContain("not a date");
        WebElement source = browser.findElement(By.id("source"));
        source.clear();
        source.sendKeys("Village council list");
        click(By.id("import-run"));
        expect("see-version");
        assertThat(browser.findElement(By.id("job-result")).getText()).contains("4 rows imported and 2 rejected");
        click(By.id("see-version"));
        String rejects = browser.findElement(By.id("rejects")).getText();
        assertThat(rejects).contains("N/A").doesNotContain("Babayev");
        assertThat(browser.findElement(By.id("problems")).getText()).contains("not a date").contains("31.02.1960");
        screenshots("version");
        assertThat(query("SELECT COUNT(*) FROM source_record r JOIN source s ON s.id = r.source_id WHERE s.name = 'Village council list' "
                + "AND r.record_id IN ('K-1', 'K-2', 'K-3', 'K-4') AND r.place = 'Nomkənd'", Integer.class)).isEqualTo(4);
        assertThat(query("SELECT COUNT(*) FROM rejected_row j JOIN source_version v ON v.id = j.source_version_id JOIN source s ON s.id = v.source_id "
                + "WHERE s.name = 'Village council list'", Integer.class)).isEqualTo(2);
    }

    @Test
    void theSearchFollowsImportsAndLinksMadeBesideTheServer() throws IOException, InterruptedException {
        Http viewer = http("viewer-user");
        assertThat(get(viewer.client(), "/persons?q=Zeynalabdin").body()).contains("0 persons");
        Path list = dir.resolve("late-list.csv");
        Files.writeString(list, "Name,Born,Village,Fate\nZeynalabdinov Tofiq,1944,Nomkənd,killed\n", StandardCharsets.UTF_8);
        // As the command line would: another Database object on the same URL, no server involved.
        try (Database beside = Database.open(url)) {
            new Importer(beside).importFile(new ImportRequest(list, "Late list", Optional.empty(), Optional.empty(), Optional.empty(), "cli"),
                    Importer.Progress.NONE);
            RegisterLinker.link(beside, LinkageConfig.defaults(), "cli", ProgressListener.NONE);
        }
        String body = "";
        for (int i = 0; i < 60 && !body.contains("Zeynalabdinov Tofiq"); i++) {
            Thread.sleep(500);
            body = get(viewer.client(), "/persons?q=Zeynalabdinov").body();
        }
        assertThat(body).as("the index was rebuilt after the link").contains("Zeynalabdinov Tofiq").contains("1 person");
    }

    @Test
    void aNameThatIsMarkupIsShownAsText() throws IOException {
        signIn("viewer-user");
        long id = personOf(SCRIPT_NAME);
        browser.get(base + "/persons/" + id);
        assertThat(browser.findElement(By.id("person-name")).getText()).isEqualTo(SCRIPT_NAME);
        assertThat(browser.getPageSource()).doesNotContain(SCRIPT_NAME).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertNoAlert();
        browser.get(base + "/persons?q=" + URLEncoder.encode("script alert", StandardCharsets.UTF_8));
        assertNoAlert();
        assertThat(browser.getPageSource()).doesNotContain(SCRIPT_NAME);
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
    }

    @Test
    void searchTakesAnyCharactersAsText() throws IOException {
        signIn("viewer-user");
        browser.get(base + "/persons");
        screenshots("persons");
        for (String input : List.of("' OR 1=1 --", "\"; DROP TABLE person; --", "%_\\*?", "Robert'); DELETE FROM person;--")) {
            WebElement q = browser.findElement(By.id("q"));
            q.clear();
            q.sendKeys(input);
            WebElement count = browser.findElement(By.id("result-count"));
            browser.findElement(By.id("search-submit")).click();
            waiting().until(ExpectedConditions.stalenessOf(count));
            assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(input);
            assertThat(browser.findElement(By.id("result-count")).getText()).as(input).isEqualTo("0 persons");
        }
        browser.get(base + "/persons?q=" + URLEncoder.encode("O'Brien", StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.id("persons")).getText()).contains("O'Brien");
        browser.get(base + "/persons?q=Mamedov");
        String found = browser.findElement(By.id("persons")).getText();
        assertThat(found).as("Mamedov finds the Latin and the Cyrillic spellings").contains("Məmmədov").contains("Мамедов");
        assertThat(query("SELECT COUNT(*) FROM person", Integer.class)).isPositive();
    }

    @Test
    void aProtectedFieldIsMaskedForAViewerAndEveryViewAudited() throws IOException {
        long id = personOf("Qasımova Nərgiz");
        String audited = "SELECT COUNT(*) FROM access_audit WHERE field = 'id_number' AND person_id = ? AND username = ? AND shown = ?";
        int viewerBefore = query(audited, Integer.class, id, "viewer-user", false);
        int editorBefore = query(audited, Integer.class, id, "editor-user", true);
        int before = query("SELECT COUNT(*) FROM access_audit WHERE field = 'id_number' AND person_id = ?", Integer.class, id);
        signIn("viewer-user");
        browser.get(base + "/persons/" + id);
        assertThat(browser.getPageSource()).doesNotContain(PASSPORT).contains("protected");
        assertThat(browser.findElement(By.cssSelector("dd[data-field='id_number']")).getText()).contains("protected");
        screenshots("person-viewer");
        assertThat(query(audited, Integer.class, id, "viewer-user", false)).isEqualTo(viewerBefore + 1);
        browser.manage().deleteAllCookies();
        signIn("editor-user");
        browser.get(base + "/persons/" + id);
        assertThat(browser.findElement(By.cssSelector("dd[data-field='id_number']")).getText()).isEqualTo(PASSPORT);
        assertThat(query(audited, Integer.class, id, "editor-user", true)).isEqualTo(editorBefore + 1);
        assertThat(query("SELECT COUNT(*) FROM access_audit WHERE field = 'id_number' AND person_id = ?", Integer.class, id)).isEqualTo(before + 2);
        browser.manage().deleteAllCookies();
        signIn("admin-user");
        browser.get(base + "/audit");
        assertThat(browser.findElement(By.id("audit")).getText()).contains("viewer-user").contains("id_number").contains("masked");
        screenshots("audit");
        browser.get(base + "/users");
        screenshots("users");
    }

    @Test
    void anEditorCorrectsAValueWithAReasonAndAViewerCannot() throws IOException, InterruptedException {
        long id = personOf("O'Brien Seán");
        String corrections = "SELECT COUNT(*) FROM person_correction WHERE person_id = ?";
        int ledgerBefore = query("SELECT COUNT(*) FROM ledger_entry", Integer.class);
        signIn("editor-user");
        browser.get(base + "/persons/" + id);
        expect("corrections-none");
        browser.findElement(By.cssSelector("#correct summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("correct-field"))).selectByValue("birth_year");
        browser.findElement(By.id("correct-value")).sendKeys("1961");
        click(By.id("correct-submit"));
        assertThat(expect("problem").getText()).as("an empty reason is refused").contains("needs a reason");
        assertThat(query("SELECT birth_year FROM person WHERE id = ?", Integer.class, id)).isEqualTo(1960);
        assertThat(query(corrections, Integer.class, id)).isZero();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("correct-field"))).selectByValue("birth_year");
        browser.findElement(By.id("correct-value")).sendKeys("1961");
        browser.findElement(By.id("correct-reason")).sendKeys("The parish register gives 1961");
        click(By.id("correct-submit"));
        assertThat(expect("notice").getText()).contains("1960").contains("1961");
        String shown = browser.findElement(By.id("corrections")).getText();
        assertThat(shown).contains("editor-user").contains("Year of birth").contains("1960").contains("1961").contains("The parish register gives 1961");
        screenshots("person-corrected");
        assertThat(query("SELECT birth_year FROM person WHERE id = ?", Integer.class, id)).isEqualTo(1961);
        assertThat(query("SELECT COUNT(*) FROM ledger_entry", Integer.class)).isEqualTo(ledgerBefore + 1);
        assertThat(query("SELECT action FROM ledger_entry WHERE seq = (SELECT MAX(seq) FROM ledger_entry)", String.class))
                .isEqualTo("person-correct");

        Http editor = http("editor-user");
        HttpResponse<String> unknown = post(editor.client(), "/persons/" + id + "/corrections",
                Map.of("_csrf", editor.csrf(), "field", "id_number", "value", "X 1", "reason", "seen"), null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'id_number' is not a field");
        assertThat(post(editor.client(), "/persons/" + id + "/corrections", Map.of("field", "place", "value", "Elsewhere", "reason", "seen"), null)
                .statusCode()).as("no _csrf").isEqualTo(403);
        Http viewer = http("viewer-user");
        assertThat(post(viewer.client(), "/persons/" + id + "/corrections",
                Map.of("_csrf", viewer.csrf(), "field", "place", "value", "Elsewhere", "reason", "seen"), null).statusCode()).isEqualTo(403);
        assertThat(get(viewer.client(), "/persons/" + id).body()).doesNotContain("id=\"correct\"").contains("The parish register gives 1961");
        assertThat(query(corrections, Integer.class, id)).isEqualTo(1);
        assertThat(query("SELECT place FROM person WHERE id = ?", String.class, id)).isEqualTo("Nomkənd");
    }

    @Test
    void thePersonPageShowsTheFateHistoryAndTheFamily() throws IOException {
        long father = personOf("O'Brien Seán");
        long daughter = personOf("O'Brien Niamh");
        signIn("viewer-user");
        browser.get(base + "/persons/" + daughter);
        WebElement history = browser.findElement(By.cssSelector("section.history"));
        assertThat(history.getText()).contains(NIGHT_ATTACK).contains("killed").contains("Witness statements");
        assertThat(history.findElement(By.cssSelector("[data-fate]")).getAttribute("data-fate")).isEqualTo("killed");
        PersonShow show = PersonShow.load(db.jdbi(), daughter);
        assertThat(history.getText()).contains(show.history().get(0).rule());
        assertThat(show.family()).extracting(PersonShow.Link::personId).contains(father);
        WebElement family = browser.findElement(By.id("family"));
        String fatherName = query("SELECT display_name FROM person WHERE id = ?", String.class, father);
        assertThat(family.getText()).contains("child of").contains(fatherName);
        screenshots("person-family");
        click(By.cssSelector("#family a[href='/persons/" + father + "']"));
        assertThat(browser.findElement(By.id("family")).getText()).contains("parent of")
                .contains(query("SELECT display_name FROM person WHERE id = ?", String.class, daughter));
    }

    @Test
    void thePersonSummaryCountsSourcesAndRecordsInPlainWords() {
        long single = query("SELECT MIN(id) FROM person WHERE record_count = 1 AND retired_at IS NULL", Long.class);
        long several = query("SELECT MIN(id) FROM person WHERE record_count > 1 AND retired_at IS NULL", Long.class);
        signIn("viewer-user");
        browser.get(base + "/persons/" + single);
        assertThat(browser.findElement(By.id("source-count")).getText()).as("one record, in the singular").isEqualTo("1 (1 record)");
        browser.get(base + "/persons/" + several);
        int records = query("SELECT record_count FROM person WHERE id = ?", Integer.class, several);
        int sources = query("SELECT source_count FROM person WHERE id = ?", Integer.class, several);
        assertThat(browser.findElement(By.id("source-count")).getText()).isEqualTo(sources + " (" + records + " records)");
        assertThat(browser.findElements(By.cssSelector("section.record"))).as("every record shown").hasSize(records);
    }

    @Test
    void theRegisterFiltersByIncidentAndAgeGroupAndPages() throws IOException {
        signIn("viewer-user");
        browser.get(base + "/persons");
        WebElement count = browser.findElement(By.id("result-count"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-incident"))).selectByValue(WAR);
        browser.findElement(By.id("search-submit")).click();
        waiting().until(ExpectedConditions.stalenessOf(count));
        assertThat(browser.findElement(By.id("result-count")).getText()).as("the war counts its night attack's four witnesses")
                .isEqualTo("4 persons");
        assertThat(browser.findElement(By.id("persons")).getText()).contains("O'Brien Seán").contains("Qasımova Nərgiz");
        screenshots("persons-filtered");
        browser.get(base + "/persons?age=0-17");
        String children = browser.findElement(By.id("result-count")).getText();
        long shown = Long.parseLong(children.replaceAll("\\D", ""));
        long all = query("SELECT COUNT(*) FROM person WHERE retired_at IS NULL", Long.class);
        assertThat(shown).isPositive().isLessThan(all);
        for (WebElement link : browser.findElements(By.cssSelector("#persons td a")).subList(0, 3)) {
            long id = Long.parseLong(link.getAttribute("href").replaceAll(".*/", ""));
            assertThat(query("""
                    SELECT COUNT(*) FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                    WHERE pr.person_id = ? AND COALESCE(r.age, r.incident_year - r.birth_year) < 18""", Integer.class, id))
                    .as("person " + id + " was under 18").isPositive();
        }
        if (shown > 25) {
            click(By.id("page-next"));
            assertThat(browser.getCurrentUrl()).contains("age=0-17").contains("page=2");
            assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo(children);
        }
        browser.get(base + "/persons?age=elderly");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("'elderly'").contains("0-17, 18-59, 60+, unknown");
    }

    @Test
    void everyPageRendersInEachLanguage() throws IOException, InterruptedException {
        signIn("editor-user");
        Map<String, List<String>> words = Map.of(
                "az", List.of("Reyestr", "Mənbələr və idxal", "Hər hadisədə taleyi", "Memorialda dərc", "həlak olub"),
                "ru", List.of("Реестр", "Источники и импорт", "Судьба в каждом событии", "Публикация на мемориале", "погиб(ла)"),
                "hy", List.of("Ռեգիստր", "Աղբյուրներ և ներմուծում", "Ճակատագիրը յուրաքանչյուր դեպքում", "Հրապարակումը հուշահամալիրում", "զոհված"),
                "en", List.of("Register", "Sources and imports", "Fate in each incident", "Publication on the memorial", "killed"));
        long id = personOf("O'Brien Niamh");
        String englishRule = PersonShow.load(db.jdbi(), id).history().get(0).rule();
        for (String lang : List.of("az", "ru", "hy", "en")) {
            browser.get(base + "/persons");
            click(By.id("lang-" + lang));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(words.get(lang).get(0));
            assertThat(browser.findElement(By.id("result-count")).getText()).doesNotContain("[persons.");
            screenshots("persons-" + lang);
            browser.get(base + "/sources");
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("the cookie keeps the language").isEqualTo(words.get(lang).get(1));
            browser.get(base + "/persons/" + id);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(words.get(lang).get(2)).doesNotContain("[person.");
            // The editor's link to the memorial's publication is in the page's language too.
            assertThat(browser.findElement(By.id("publication")).getText()).isEqualTo(words.get(lang).get(3));
            // So are the fate and the rule that chose it, which the register holds in English words.
            WebElement fate = browser.findElement(By.cssSelector("section.history [data-fate]"));
            assertThat(fate.getAttribute("data-fate")).isEqualTo("killed");
            assertThat(fate.getText()).isEqualTo(words.get(lang).get(4));
            String rule = browser.findElement(By.cssSelector("section.history p.muted")).getText();
            assertThat(rule.contains(englishRule)).as(lang + ": " + rule).isEqualTo(lang.equals("en"));
            if (!lang.equals("en")) {
                screenshots("person-" + lang);
            }
        }
        HttpClient client = HttpClient.newBuilder().build();
        HttpResponse<String> russian = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(russian.body()).contains("<html lang=\"ru\">").contains("Вход");
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept-Language", "de-DE,de;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.body()).contains("<html lang=\"en\">").contains("Sign in");
    }
}
