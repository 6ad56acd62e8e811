package org.nomina.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nomina.app.register.ClaimsDocument;
import org.nomina.app.register.FiguresDocument;
import org.nomina.app.register.PersonPage;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.app.register.Viewer;
import org.nomina.store.publish.Corrections;
import org.nomina.store.publish.PublicProjection;
import org.nomina.store.search.RegisterIndex;
import org.nomina.store.search.RegisterReader;
import org.nomina.store.users.Role;

/**
 * The JSON API, {@code /api/v1}: one route table both registers the routes and writes the OpenAPI 3.1
 * document at {@code /api/v1/openapi.json}, so that the document cannot leave a route out. Callers sign in
 * with the team's session cookie (a POST then carries {@code X-CSRF-Token}) or a bearer token from
 * {@code nomina token create}; each route needs the role the web page needs. {@code /api/v1/public/…}
 * needs nobody and serves exactly the memorial's {@link PublicProjection}. Errors are RFC 9457 problem
 * details.
 */
final class ApiRoutes {
    static final int MAX_LIMIT = 100;

    /** A query or path parameter as the document describes it. */
    record Param(String name, String in, String type, boolean required, String description) {
    }

    /** One route: method, path (Javalin's {@code {id}} syntax, which OpenAPI shares), who may call it, its response schema. */
    record Route(String method, String path, Optional<Role> role, String summary, List<Param> params, String schema, Optional<String> body,
                 Handler handler) {
    }

    @FunctionalInterface
    interface Handler {
        Object handle(Context ctx, Viewer viewer);
    }

    private final Register register;
    private final Publication publication;
    private final List<Route> routes = new ArrayList<>();
    private final PublicResponses responses;
    static final String PUBLIC = "/api/v1/public/";

    /** The routes without keeping public responses (for the route table). */
    ApiRoutes(Register register) {
        this(register, new PublicResponses(0, 0));
    }

    ApiRoutes(Register register, PublicResponses responses) {
        this.register = register;
        this.responses = responses;
        this.publication = register.publication();
        Param q = new Param("q", "query", "string", false, "Words of a name, in any script; nothing typed is query syntax");
        Param offset = new Param("offset", "query", "integer", false, "The first result, from 0 (default 0)");
        Param limit = new Param("limit", "query", "integer", false, "Results per page, 1 to " + MAX_LIMIT + " (default 25)");
        Param id = new Param("id", "path", "integer", true, "The person's id");
        routes.add(new Route("get", "/api/v1/public/persons", Optional.empty(), "Search the public memorial", List.of(q, offset, limit),
                "PublicPersonPage", Optional.empty(), (ctx, v) -> publicSearch(ctx)));
        routes.add(new Route("get", "/api/v1/public/persons/{id}", Optional.empty(), "One person of the public memorial", List.of(id),
                "PublicPerson", Optional.empty(), (ctx, v) -> publicPerson(ctx)));
        routes.add(new Route("get", "/api/v1/persons", Optional.of(Role.VIEWER), "Search the register", List.of(q,
                new Param("status", "query", "string", false, "Only this fate (killed, missing, …)"),
                new Param("sex", "query", "string", false, "male, female or unknown"),
                new Param("place", "query", "string", false, "Only this place"),
                new Param("source", "query", "string", false, "Only persons this source lists"), offset, limit),
                "PersonPage", Optional.empty(), this::persons));
        routes.add(new Route("get", "/api/v1/persons/{id}", Optional.of(Role.VIEWER),
                "One person with every source record; protected values masked below editor, every view audited", List.of(id),
                "Person", Optional.empty(), this::person));
        routes.add(new Route("get", "/api/v1/sources", Optional.of(Role.VIEWER), "The sources and their imported versions", List.of(),
                "Sources", Optional.empty(), (ctx, v) -> sources()));
        routes.add(new Route("get", "/api/v1/sources/{id}/records", Optional.of(Role.VIEWER),
                "A source's records as the source wrote them (every version, by version and row), protected values masked below editor, "
                        + "every view of one audited", List.of(new Param("id", "path", "integer", true, "The source's id (see /api/v1/sources)"), offset, limit),
                "SourceRecords", Optional.empty(), this::sourceRecords));
        routes.add(new Route("get", "/api/v1/claims", Optional.of(Role.VIEWER),
                "Every claim the sources make about people, with its current reading and the machine's: the document of nomina claims list --json",
                List.of(new Param("incident", "query", "string", false, "Only claims with this incident label or assigned to this incident")),
                "Claims", Optional.empty(), (ctx, v) -> Map.of("claims", publication.claims(v, opt(ctx, "incident")).stream()
                        .map(ClaimsDocument::listed).toList())));
        routes.add(new Route("get", "/api/v1/incidents", Optional.of(Role.VIEWER), "The incidents records belong to", List.of(),
                "Incidents", Optional.empty(), (ctx, v) -> incidents(v)));
        routes.add(new Route("get", "/api/v1/figures", Optional.of(Role.VIEWER), "The figures of an incident: the document of nomina figures --json",
                List.of(new Param("incident", "query", "string", false, "The incident's name (default: the whole register)")),
                "Figures", Optional.empty(), (ctx, v) -> FiguresDocument.of(publication.figures(v, Optional.ofNullable(ctx.queryParam("incident"))
                        .filter(s -> !s.isBlank())))));
        routes.add(new Route("get", "/api/v1/review/next", Optional.of(Role.REVIEWER),
                "The next pair to review, held for this reviewer for ten minutes (null when none is left)", List.of(), "ReviewNext",
                Optional.empty(), this::reviewNext));
        routes.add(new Route("post", "/api/v1/review/decide", Optional.of(Role.REVIEWER), "Decide a pair: same, different or unsure", List.of(),
                "Decided", Optional.of("Decision"), this::decide));
        routes.add(new Route("get", "/api/v1/corrections", Optional.of(Role.EDITOR),
                "The corrections families sent from the memorial, newest first (with their contact details)", List.of(limit), "Corrections",
                Optional.empty(), this::corrections));
        routes.add(new Route("get", "/api/v1/openapi.json", Optional.empty(), "This document", List.of(), "OpenApi", Optional.empty(),
                (ctx, v) -> OpenApi.document(routes)));
    }

    List<Route> table() {
        return List.copyOf(routes);
    }

    void routes(RoutesConfig r) {
        for (Route route : routes) {
            io.javalin.http.Handler h = ctx -> Problems.guard(ctx, () -> serve(ctx, route));
            if (route.method().equals("get")) {
                r.get(route.path(), h);
            } else {
                r.post(route.path(), h);
            }
        }
    }

    private void serve(Context ctx, Route route) {
        Viewer viewer = null;
        if (route.role().isPresent()) {
            viewer = caller(ctx);
            if (!viewer.may(route.role().get())) {
                throw new Problems.Problem(403, "Forbidden", viewer.username() + " (" + viewer.role().label() + ") may not call "
                        + route.method().toUpperCase(java.util.Locale.ROOT) + " " + route.path() + "; that needs the role " + route.role().get().label());
            }
        }
        if (route.role().isEmpty()) {
            // The public subset is the memorial's projection: kept per version of what is public, as the memorial's pages are.
            // A refusal (a 404, a bad parameter) is thrown out of the rendering and never kept.
            Supplier<PublicResponses.Response> render = () -> MemorialRoutes.response("application/json",
                    MemorialRoutes.jsonBytes(route.handler().handle(ctx, null)));
            MemorialRoutes.send(ctx, route.path().startsWith(PUBLIC) ? responses.get(publication.version(), PublicResponses.key(ctx, "-"), render)
                    : render.get());
            return;
        }
        Object result = route.handler().handle(ctx, viewer);
        ctx.contentType("application/json");
        ctx.result(MemorialRoutes.jsonBytes(result));
    }

    /** The caller: a bearer token, else the session cookie (whose POSTs must carry X-CSRF-Token). */
    private Viewer caller(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Problems.Problem(401, "Unauthorized", "the Authorization header must say Bearer TOKEN (nomina token create USER)");
            }
            return publication.bearer(authorization.substring(7).strip())
                    .orElseThrow(() -> new Problems.Problem(401, "Unauthorized", "the bearer token is unknown, expired or revoked"));
        }
        Viewer v = ctx.attribute("viewer");
        if (v == null) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Problems.Problem(401, "Unauthorized", "sign in (the session cookie of POST /login) or send a bearer token");
        }
        if (ctx.method() == HandlerType.POST && !WebServer.sameToken(v.csrfToken(), ctx.header("X-CSRF-Token"))) {
            throw new Problems.Problem(403, "Forbidden", "a POST with the session cookie must carry the session's X-CSRF-Token header");
        }
        return v;
    }

    // --- handlers --------------------------------------------------------------------------------------

    /** A page of {@code items}; {@code total} counts every match when {@code exact}, else it is a lower bound (the index stops counting). */
    private static Map<String, Object> page(String key, Object items, long total, boolean exact, int offset, int limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, items);
        out.put("total", total);
        out.put("total_exact", exact);
        out.put("offset", offset);
        out.put("limit", limit);
        return out;
    }

    private static int[] window(Context ctx) {
        int offset = Problems.intParam(ctx, "offset", 0, 0, 9_999);
        int limit = Problems.intParam(ctx, "limit", 25, 1, MAX_LIMIT);
        return new int[] {offset, Math.min(limit, 10_000 - offset)};
    }

    private Object publicSearch(Context ctx) {
        int[] w = window(ctx);
        PublicProjection.Page p = publication.search(Optional.ofNullable(ctx.queryParam("q")).orElse(""), w[0], w[1]);
        return page("persons", p.persons(), p.total(), p.totalExact(), p.offset(), p.limit());
    }

    private static long id(Context ctx) {
        return id(ctx, "person");
    }

    private static long id(Context ctx, String what) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new Problems.Problem(400, "Bad Request", "path parameter id: '" + id + "' is not a " + what + "'s id");
        }
        return Long.parseLong(id);
    }

    private Object publicPerson(Context ctx) {
        long id = id(ctx);
        return publication.person(id).orElseThrow(() -> new Problems.Problem(404, "Not Found", "there is no person " + id + " in the public memorial"));
    }

    private Object persons(Context ctx, Viewer v) {
        int[] w = window(ctx);
        RegisterIndex.Page p = register.search(new RegisterIndex.SearchQuery(Optional.ofNullable(ctx.queryParam("q")).orElse(""),
                opt(ctx, "status"), opt(ctx, "sex"), opt(ctx, "place"), opt(ctx, "source"), w[0], w[1]));
        List<Map<String, Object>> persons = new ArrayList<>();
        for (RegisterIndex.Hit h : p.hits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.personId());
            m.put("display_name", h.displayName());
            m.put("name_variants", h.nameVariants());
            m.put("fate", h.status());
            m.put("sex", h.sex());
            m.put("birth_year", h.birthYear().isBlank() || h.birthYear().equals("0") ? null : Integer.valueOf(h.birthYear()));
            m.put("place", h.place());
            m.put("sources", h.sources());
            persons.add(m);
        }
        return page("persons", persons, p.total(), p.totalExact(), p.offset(), p.limit());
    }

    private static Optional<String> opt(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private Object person(Context ctx, Viewer v) {
        long id = id(ctx);
        PersonPage p = register.person(id, v, ctx.path()).orElseThrow(() -> new Problems.Problem(404, "Not Found", "there is no person " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        RegisterReader.Person person = p.person();
        m.put("id", person.id());
        m.put("display_name", person.displayName());
        m.put("name_variants", p.nameVariants());
        m.put("latin_variants", p.romanised());
        m.put("fate", person.status());
        m.put("sex", person.sex());
        m.put("birth_year", p.livingMasked() ? null : person.birthYear().filter(y -> y != 0).orElse(null));
        m.put("place", p.livingMasked() ? "•••• protected" : person.place());
        m.put("retired", person.retiredAt().isPresent());
        m.put("records", p.records().stream().map(ApiRoutes::record).toList());
        return m;
    }

    /** One source record as the person and source-records routes give it. */
    private static Map<String, Object> record(PersonPage.Column c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("key", c.key());
        r.put("source", c.source());
        r.put("version", c.version());
        r.put("record_id", c.recordId());
        r.put("row", c.row());
        r.put("fields", c.fields());
        r.put("verbatim", c.verbatim());
        r.put("problems", c.problems());
        return r;
    }

    private Object sourceRecords(Context ctx, Viewer v) {
        long id = id(ctx, "source");
        int[] w = window(ctx);
        Register.SourceRecords page = register.sourceRecords(v, id, w[0], w[1], ctx.path())
                .orElseThrow(() -> new Problems.Problem(404, "Not Found", "there is no source " + id + " (see /api/v1/sources)"));
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < page.records().size(); i++) {
            Map<String, Object> r = record(page.records().get(i));
            r.put("person_id", page.personIds().get(i).orElse(null));
            records.add(r);
        }
        Map<String, Object> out = page("records", records, page.total(), true, w[0], w[1]);
        out.put("source", page.source());
        out.put("source_id", page.sourceId());
        return out;
    }

    private Object sources() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegisterReader.Source s : register.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("records", s.records());
            m.put("versions", s.versions().stream().map(v -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", v.id());
                x.put("version", v.versionNo());
                x.put("file_name", v.fileName());
                x.put("sha256", v.sha256());
                x.put("encoding", v.encoding());
                x.put("rows_read", v.rowsRead());
                x.put("rows_imported", v.rowsImported());
                x.put("rows_rejected", v.rowsRejected());
                x.put("imported_at", v.importedAt().toString());
                x.put("imported_by", v.importedBy());
                return x;
            }).toList());
            out.add(m);
        }
        return Map.of("sources", out);
    }

    private Object incidents(Viewer v) {
        return Map.of("incidents", publication.incidents(v).stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("parent_id", i.parentId().orElse(null));
            m.put("date_from", i.dateFrom());
            m.put("date_to", i.dateTo());
            m.put("place", i.place());
            m.put("kind", i.kind());
            return m;
        }).toList());
    }

    private Object corrections(Context ctx, Viewer v) {
        int limit = Problems.intParam(ctx, "limit", 25, 1, MAX_LIMIT);
        return Map.of("corrections", publication.corrections(v, limit).stream().map(Corrections.Submission::fields).toList());
    }

    private Object reviewNext(Context ctx, Viewer v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pair", register.reviewAt(v, 0).orElse(null));
        out.put("pending", register.pendingPairs());
        return out;
    }

    private Object decide(Context ctx, Viewer v) {
        Map<?, ?> body;
        try {
            body = MemorialRoutes.JSON.readValue(ctx.body(), Map.class);
        } catch (JsonProcessingException e) {
            throw new Problems.Problem(400, "Bad Request", "the body must be JSON {\"a\": KEY, \"b\": KEY, \"verdict\": \"same|different|unsure\"}: "
                    + e.getOriginalMessage());
        }
        long a = key(body, "a");
        long b = key(body, "b");
        Object verdict = body.get("verdict");
        Object note = body.get("note");
        return register.decide(v, a, b, verdict == null ? "" : verdict.toString(), note == null ? "" : note.toString());
    }

    private static long key(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        throw new Problems.Problem(400, "Bad Request", "body field " + field + ": '" + value + "' is not a record key (review/next gives them)");
    }
}
