package org.nomina.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nomina.app.register.Job;
import org.nomina.app.register.LoginResult;
import org.nomina.app.register.MappingChoice;
import org.nomina.app.register.NotAllowedException;
import org.nomina.app.register.Register;
import org.nomina.app.register.Viewer;
import org.nomina.store.BadInputException;
import org.nomina.store.search.RegisterIndex;
import org.nomina.store.users.Role;

/**
 * The team's web application (Javalin, precompiled JTE pages, htmx): sign-in, the register's search,
 * person pages, the review queue, sources and imports, users. Talks only to the {@link Register}.
 *
 * <p>Security: sessions in HttpOnly, SameSite=Strict cookies; every POST carries the session's CSRF token
 * (form field {@code _csrf}, or header {@code X-CSRF-Token} from htmx) or is refused with 403; the login
 * form's token is a double-submit cookie; a Content-Security-Policy without inline script or style, and
 * frames denied.
 */
public final class WebServer implements AutoCloseable {
    static final String SESSION_COOKIE = "nomina_session";
    static final String LOGIN_CSRF_COOKIE = "nomina_login_csrf";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final int PAGE_SIZE = 25;
    private static final int MAX_RESULTS = RegisterIndex.MAX_WINDOW;
    private static final long MAX_UPLOAD_MB = 200;

    private final Register register;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    /** The languages the pages are written in, English first (the fallback). */
    static final List<String> LANGUAGES = List.of("en", "az", "ru", "hy");
    private static final String LANGUAGE_COOKIE = "lang";
    private final Map<String, Messages> bundles = LANGUAGES.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(l -> l, l -> new Messages(Locale.forLanguageTag(l))));
    private final Javalin app;
    /**
     * The memorial's and the public API's rendered responses, per version of what is public: at most 2,000 and 32 MB (a
     * memorial search page is 5 to 20 kB).
     */
    private final PublicResponses publicResponses = new PublicResponses(PUBLIC_RESPONSES, 32L * 1024 * 1024);
    static final int PUBLIC_RESPONSES = 2_000;

    public WebServer(Register register, String bind, int port) {
        this.register = register;
        this.app = Javalin.create(config -> {
            config.jetty.host = bind;
            config.jetty.port = port;
            config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_MB, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_MB + 1, SizeUnit.MB);
            config.http.maxRequestSize = (MAX_UPLOAD_MB + 1) * 1024 * 1024;
            config.startup.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web-static";
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(this::secure);
            config.routes.exception(Refusal.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(NotAllowedException.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
            config.routes.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("nomina serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                if (System.getenv("NOMINA_DEBUG") != null) {
                    e.printStackTrace();
                }
                error(ctx, 500, t(ctx).format("error.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, t(ctx).get("error.not_found"));
                }
            });
            routes(config.routes);
            new MemorialRoutes(register, publicResponses).routes(config.routes);
            new PublishRoutes(register).routes(config.routes);
            new ApiRoutes(register, publicResponses).routes(config.routes);
            new DashboardRoutes(register).routes(config.routes);
        });
    }

    public WebServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/", ctx -> ctx.redirect("/persons"));
        r.get("/login", this::loginForm);
        r.post("/login", this::login);
        r.post("/logout", this::logout);
        r.get("/persons", this::persons);
        r.get("/persons/{id}", this::person);
        r.post("/persons/{id}/corrections", this::correct);
        r.get("/review", this::review);
        r.post("/review/decide", this::decide);
        r.post("/review/undo", this::undo);
        r.get("/sources", this::sources);
        r.get("/sources/versions/{id}", this::version);
        r.post("/sources/upload", this::upload);
        r.post("/sources/link", this::link);
        r.get("/imports/{id}", this::preview);
        r.post("/imports/{id}", this::previewOrImport);
        r.get("/jobs/{id}", this::job);
        r.get("/users", this::users);
        r.post("/users", this::addUser);
        r.post("/users/disable", this::disableUser);
        r.get("/audit", this::audit);
    }

    // --- security ---------------------------------------------------------------------------------------

    private void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        String path = ctx.path();
        if (path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/favicon.ico")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Optional<Viewer> viewer = Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).flatMap(register::session);
        viewer.ifPresent(v -> ctx.attribute("viewer", v));
        if (MemorialRoutes.isPublic(path)) {
            return; // the memorial and the API: no sign-in; they check their own tokens and set their own caching
        }
        boolean post = ctx.method() == HandlerType.POST;
        if (path.equals("/login")) {
            if (post && !sameToken(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam("_csrf"))) {
                throw new Refusal(403, t(ctx).get("error.csrf"));
            }
            return;
        }
        if (viewer.isEmpty()) {
            if (post) {
                throw new Refusal(403, t(ctx).get("error.csrf"));
            }
            String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
            ctx.redirect("/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        if (post) {
            String sent = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam("_csrf"));
            if (!sameToken(viewer.get().csrfToken(), sent)) {
                throw new Refusal(403, t(ctx).get("error.csrf"));
            }
        }
    }

    /**
     * The visitor's language: {@code ?lang=} (remembered in the {@code lang} cookie), else that cookie, else
     * the best of Accept-Language, else English.
     */
    private String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            setCookie(ctx, LANGUAGE_COOKIE, asked, 365 * 24 * 3600);
            return asked;
        }
        String kept = ctx.cookie(LANGUAGE_COOKIE);
        if (kept != null && LANGUAGES.contains(kept)) {
            return kept;
        }
        String accept = ctx.header("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                String best = Locale.lookupTag(Locale.LanguageRange.parse(accept), LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                return "en";
            }
        }
        return "en";
    }

    /** The words of the request's language. */
    private Messages t(Context ctx) {
        Messages m = ctx.attribute("messages");
        if (m == null) {
            m = bundles.get(language(ctx));
            ctx.attribute("messages", m);
        }
        return m;
    }

    static boolean sameToken(String expected, String sent) {
        return expected != null && sent != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private Viewer viewer(Context ctx, Role needed) {
        Viewer v = ctx.attribute("viewer");
        if (v == null) {
            throw new Refusal(403, t(ctx).get("error.csrf"));
        }
        if (!v.may(needed)) {
            throw new Refusal(403, t(ctx).format("error.role", v.role().label(), needed.label()));
        }
        return v;
    }

    private Page page(Context ctx, String titleKey, String section) {
        Optional<Viewer> v = Optional.ofNullable(ctx.attribute("viewer"));
        return new Page(t(ctx).get(titleKey), v, v.map(Viewer::csrfToken).orElse(""), t(ctx), section);
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        Html.send(ctx, templates, template, params);
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        render(ctx, "error.jte", Map.of("page", page(ctx, "error.title", ""), "status", status, "message", message));
    }

    static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        // Written by hand because the header must say SameSite=Strict; Secure is added when the request came over HTTPS.
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds
                + ("https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : ""));
    }

    // --- sign in and out ----------------------------------------------------------------------------------

    private void loginForm(Context ctx) {
        renderLogin(ctx, "", 200);
    }

    private void renderLogin(Context ctx, String problem, int status) {
        // One token per browser, kept while it lasts: a page's other requests (the favicon, a second tab) must not
        // replace the token of a form already shown.
        String token = Optional.ofNullable(ctx.cookie(LOGIN_CSRF_COOKIE)).filter(t -> t.matches("[0-9a-f]{64}"))
                .orElseGet(Register::newToken);
        setCookie(ctx, LOGIN_CSRF_COOKIE, token, 3600);
        ctx.status(status);
        Page base = page(ctx, "login.title", "login");
        Page p = new Page(base.title(), Optional.empty(), token, t(ctx), "login");
        String next = Optional.ofNullable(ctx.queryParam("next")).orElseGet(() -> ctx.method() == HandlerType.POST ? ctx.formParam("next") : null);
        render(ctx, "login.jte", Map.of("page", p, "problem", problem, "next", safeNext(next)));
    }

    private static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/persons";
    }

    private void login(Context ctx) {
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        LoginResult result = register.login(Optional.ofNullable(ctx.formParam("username")).orElse(""), password.toCharArray(), ctx.ip());
        switch (result) {
            case LoginResult.SignedIn s -> {
                setCookie(ctx, SESSION_COOKIE, s.sessionToken(), (int) Register.SESSION_LIFETIME.toSeconds());
                setCookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
                ctx.redirect(safeNext(ctx.formParam("next")));
            }
            case LoginResult.Refused r -> renderLogin(ctx, t(ctx).get("login.refused"), 401);
            case LoginResult.LockedOut l -> renderLogin(ctx, t(ctx).format("login.locked",
                    l.until().withNano(0).toLocalTime().toString() + " UTC"), 401);
            case LoginResult.RateLimited r -> renderLogin(ctx, t(ctx).get("login.rate_limited"), 429);
        }
    }

    private void logout(Context ctx) {
        register.logout(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
        ctx.redirect("/login");
    }

    // --- register and persons -----------------------------------------------------------------------------

    private void persons(Context ctx) {
        viewer(ctx, Role.VIEWER);
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        int pageNo = Math.max(1, parseInt(ctx.queryParam("page"), 1));
        Map<String, String> filters = new LinkedHashMap<>();
        for (String f : List.of("status", "sex", "place", "source", "incident", "age")) {
            filters.put(f, Optional.ofNullable(ctx.queryParam(f)).orElse("").strip());
        }
        RegisterIndex.Page results = register.search(new RegisterIndex.SearchQuery(q, opt(filters.get("status")), opt(filters.get("sex")),
                opt(filters.get("place")), opt(filters.get("source")), opt(filters.get("incident")), opt(filters.get("age")),
                (pageNo - 1) * PAGE_SIZE, PAGE_SIZE));
        List<String> sources = register.sourceNames();
        render(ctx, "persons.jte", Map.of("page", page(ctx, "persons.title", "persons"), "q", q, "filters", filters, "results", results,
                "pageNo", pageNo, "pages", pages(results, pageNo),
                "sources", sources, "incidents", register.incidentNames(), "query", queryWithout(ctx, "page")));
    }

    /** Pages to offer: all when the count is exact, else at least one more than this (the count stopped early). */
    private static int pages(RegisterIndex.Page results, int pageNo) {
        int counted = (int) Math.max(1, (Math.min(results.total(), MAX_RESULTS) + PAGE_SIZE - 1) / PAGE_SIZE);
        return results.totalExact() ? counted : Math.min(Math.max(counted, pageNo + 1), MAX_RESULTS / PAGE_SIZE);
    }

    private static Optional<String> opt(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** The request's query string without one parameter, for pagination links. */
    private static String queryWithout(Context ctx, String name) {
        StringBuilder out = new StringBuilder();
        ctx.queryParamMap().forEach((k, values) -> {
            if (!k.equals(name)) {
                for (String v : values) {
                    out.append(out.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                            .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
        });
        return out.toString();
    }

    private static int parseInt(String s, int otherwise) {
        if (s == null || !s.strip().matches("\\d{1,9}")) {
            return otherwise;
        }
        return Integer.parseInt(s.strip());
    }

    private static long pathId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new Refusal(404, "There is no page " + ctx.path() + ".");
        }
        return Long.parseLong(id);
    }

    private void person(Context ctx) {
        Viewer v = viewer(ctx, Role.VIEWER);
        long id = pathId(ctx);
        renderPerson(ctx, v, id, Optional.ofNullable(ctx.queryParam("notice")).orElse(""), "");
    }

    private void renderPerson(Context ctx, Viewer v, long id, String notice, String problem) {
        var person = register.person(id, v, ctx.path()).orElseThrow(() -> new Refusal(404, t(ctx).format("person.none", id)));
        render(ctx, "person.jte", Map.of("page", page(ctx, "person.title", "persons"), "p", person, "notice", notice, "problem", problem,
                "fields", Register.CORRECTABLE_FIELDS));
    }

    /** An editor's correction: saved and the page shown again with a notice, or the page with the problem and nothing changed. */
    private void correct(Context ctx) {
        Viewer v = viewer(ctx, Role.EDITOR);
        long id = pathId(ctx);
        try {
            var c = register.correct(v, id, ctx.formParam("field"), ctx.formParam("value"), ctx.formParam("reason"));
            ctx.redirect("/persons/" + id + "?notice=" + java.net.URLEncoder.encode(t(ctx).format("person.corrected",
                    t(ctx).get("field." + c.field()), c.oldValue(), c.newValue()), StandardCharsets.UTF_8));
        } catch (BadInputException e) {
            ctx.status(400);
            renderPerson(ctx, v, id, "", e.getMessage());
        }
    }

    // --- review -----------------------------------------------------------------------------------------------

    private void review(Context ctx) {
        Viewer v = viewer(ctx, Role.REVIEWER);
        int pos = parseInt(ctx.queryParam("pos"), 0);
        var held = register.reviewAt(v, pos);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "review.title", "review"));
        params.put("held", held);
        params.put("pending", register.pendingPairs());
        params.put("notice", Optional.ofNullable(ctx.queryParam("notice")).orElse(""));
        render(ctx, "review.jte", params);
    }

    private void decide(Context ctx) {
        Viewer v = viewer(ctx, Role.REVIEWER);
        long a = parseLong(ctx.formParam("a"), "a");
        long b = parseLong(ctx.formParam("b"), "b");
        String verdict = Optional.ofNullable(ctx.formParam("verdict")).orElse("");
        var d = register.decide(v, a, b, verdict, Optional.ofNullable(ctx.formParam("note")).orElse(""));
        ctx.redirect("/review?pos=" + parseInt(ctx.formParam("pos"), 0) + "&notice="
                + java.net.URLEncoder.encode(t(ctx).format("review.recorded", d.recordA(), d.recordB(), t(ctx).get("verdict." + d.verdict().word())),
                StandardCharsets.UTF_8));
    }

    private static long parseLong(String s, String field) {
        if (s == null || !s.strip().matches("\\d{1,18}")) {
            throw new BadInputException("form field " + field + ": '" + s + "' is not a record key");
        }
        return Long.parseLong(s.strip());
    }

    private void undo(Context ctx) {
        Viewer v = viewer(ctx, Role.REVIEWER);
        String notice = register.undoLatestDecision(v).map(w -> t(ctx).format("review.undone", w.recordA(), w.recordB(),
                t(ctx).get("verdict." + w.verdict().word()))).orElse(t(ctx).get("review.nothing_to_undo"));
        ctx.redirect("/review?notice=" + java.net.URLEncoder.encode(notice, StandardCharsets.UTF_8));
    }

    // --- sources and imports --------------------------------------------------------------------------------

    private void sources(Context ctx) {
        viewer(ctx, Role.VIEWER);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "sources.title", "sources"));
        params.put("sources", register.sources());
        params.put("head", register.ledgerHead());
        params.put("jobs", register.recentJobs());
        render(ctx, "sources.jte", params);
    }

    private void version(Context ctx) {
        viewer(ctx, Role.VIEWER);
        long id = pathId(ctx);
        var detail = register.version(id).orElseThrow(() -> new Refusal(404, t(ctx).format("version.none", id)));
        render(ctx, "version.jte", Map.of("page", page(ctx, "version.title", "sources"), "d", detail));
    }

    private void upload(Context ctx) {
        viewer(ctx, Role.EDITOR);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw new BadInputException(t(ctx).get("upload.none"));
        }
        Register.Upload kept;
        try (InputStream in = file.content()) {
            kept = register.keepUpload(file.filename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.redirect("/imports/" + kept.id());
    }

    private Register.Upload upload(Context ctx, String id) {
        return register.upload(id).orElseThrow(() -> new Refusal(404, t(ctx).get("upload.gone")));
    }

    private void preview(Context ctx) {
        viewer(ctx, Role.EDITOR);
        renderPreview(ctx, upload(ctx, ctx.pathParam("id")), MappingChoice.detect(), "");
    }

    private void renderPreview(Context ctx, Register.Upload upload, MappingChoice choice, String source) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "import.title", "sources"));
        params.put("upload", upload);
        params.put("source", source.isBlank() ? upload.fileName().replaceFirst("\\.[^.]+$", "") : source);
        try {
            params.put("preview", Optional.of(register.preview(upload, choice)));
            params.put("problem", "");
        } catch (BadInputException e) {
            ctx.status(400);
            params.put("preview", Optional.empty());
            params.put("problem", e.getMessage().replace(upload.path().toString(), upload.fileName()));
        }
        params.put("targets", MappingChoice.TARGETS);
        params.put("orders", MappingChoice.ORDERS);
        render(ctx, "import.jte", params);
    }

    /** The mapping form's choices: columns arrive as col_N (header) and field_N (target), order_N for full names. */
    private static MappingChoice choice(Context ctx) {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> orders = new LinkedHashMap<>();
        for (int i = 0; ctx.formParam("col_" + i) != null; i++) {
            String column = ctx.formParam("col_" + i);
            columns.put(column, Optional.ofNullable(ctx.formParam("field_" + i)).orElse("extra"));
            Optional.ofNullable(ctx.formParam("order_" + i)).filter(o -> !o.isBlank()).ifPresent(o -> orders.put(column, o));
        }
        return new MappingChoice(columns, orders, opt(ctx.formParam("encoding")), opt(ctx.formParam("delimiter")));
    }

    private void previewOrImport(Context ctx) {
        Viewer v = viewer(ctx, Role.EDITOR);
        Register.Upload upload = upload(ctx, ctx.pathParam("id"));
        MappingChoice choice = choice(ctx);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("preview");
        switch (action) {
            case "yaml" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"mapping.yaml\"");
                ctx.contentType("application/yaml; charset=utf-8");
                ctx.result(choice.toYaml());
            }
            case "import" -> {
                Job job = register.startImport(v, upload, Optional.ofNullable(ctx.formParam("source")).orElse(""), choice);
                ctx.redirect("/jobs/" + job.id());
            }
            default -> renderPreview(ctx, upload, choice, Optional.ofNullable(ctx.formParam("source")).orElse(""));
        }
    }

    private void link(Context ctx) {
        Viewer v = viewer(ctx, Role.EDITOR);
        ctx.redirect("/jobs/" + register.startLink(v).id());
    }

    private void job(Context ctx) {
        viewer(ctx, Role.VIEWER);
        Job.Snapshot job = register.job(ctx.pathParam("id")).orElseThrow(() -> new Refusal(404, t(ctx).get("job.none")));
        render(ctx, "job.jte", Map.of("page", page(ctx, "job.title", "sources"), "job", job));
    }

    // --- users and audit --------------------------------------------------------------------------------------

    private void users(Context ctx) {
        viewer(ctx, Role.ADMIN);
        renderUsers(ctx, "");
    }

    private void renderUsers(Context ctx, String notice) {
        render(ctx, "users.jte", Map.of("page", page(ctx, "users.title", "users"), "users", register.users(), "notice", notice,
                "roles", java.util.Arrays.stream(Role.values()).map(Role::label).toList()));
    }

    private void addUser(Context ctx) {
        Viewer v = viewer(ctx, Role.ADMIN);
        var u = register.addUser(Optional.ofNullable(ctx.formParam("username")).orElse(""),
                Role.parse(Optional.ofNullable(ctx.formParam("role")).orElse("")),
                Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray(), v.username());
        renderUsers(ctx, t(ctx).format("users.added", u.username(), u.role().label()));
    }

    private void disableUser(Context ctx) {
        Viewer v = viewer(ctx, Role.ADMIN);
        var u = register.disableUser(Optional.ofNullable(ctx.formParam("username")).orElse(""), v.username());
        renderUsers(ctx, t(ctx).format("users.disabled", u.username()));
    }

    private void audit(Context ctx) {
        viewer(ctx, Role.ADMIN);
        render(ctx, "audit.jte", Map.of("page", page(ctx, "audit.title", "audit"),
                "views", register.auditViews(500, opt(ctx.queryParam("user")), Optional.empty())));
    }
}
