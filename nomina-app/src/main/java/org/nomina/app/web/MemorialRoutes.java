package org.nomina.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.store.BadInputException;
import org.nomina.store.publish.PublicProjection;

/**
 * The public memorial (no sign-in, read-only) and {@code /api/v1/public}, both serving exactly the
 * {@link PublicProjection}: {@code /memorial?q=NAME}, {@code /memorial/{id}}, the correction form
 * {@code /memorial/{id}/correction} (a double-submit CSRF cookie, rate-limited, stored for editors);
 * {@link ApiRoutes} serves the same projection as {@code /api/v1/public}. Pages and responses carry
 * an ETag and {@code Cache-Control: public, max-age=60}; the words come in English, Azerbaijani, Russian
 * and Armenian, chosen by {@code ?lang=} or the browser's Accept-Language.
 */
final class MemorialRoutes {
    static final String CSRF_COOKIE = "nomina_memorial_csrf";
    static final List<String> LANGUAGES = List.of("en", "az", "ru", "hy");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "az", "Azərbaycanca", "ru", "Русский", "hy", "Հայերեն");
    static final int PAGE_SIZE = 25;
    static final String CACHE = "public, max-age=60";
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());

    private final Publication publication;
    private final PublicResponses responses;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, Messages> messages = new ConcurrentHashMap<>();

    MemorialRoutes(Register register, PublicResponses responses) {
        this.publication = register.publication();
        this.responses = responses;
    }

    /** Paths served without signing in (the API's other routes check sessions and tokens themselves). */
    static boolean isPublic(String path) {
        return path.equals("/memorial") || path.startsWith("/memorial/") || path.startsWith("/api/");
    }

    void routes(RoutesConfig r) {
        r.get("/memorial", this::search);
        r.get("/memorial/{id}", this::person);
        r.get("/memorial/{id}/correction", this::correctionForm);
        r.post("/memorial/{id}/correction", this::correction);
    }

    // --- language ---------------------------------------------------------------------------------------

    static String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked != null && LANGUAGES.contains(asked)) {
            return asked;
        }
        String header = ctx.header("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), LANGUAGES);
                if (tag != null) {
                    return tag;
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: English
            }
        }
        return "en";
    }

    private Messages words(String lang) {
        return messages.computeIfAbsent(lang, l -> new Messages("org.nomina.app.web.memorial", Locale.forLanguageTag(l)));
    }

    private MemorialPage page(Context ctx, String lang, String title) {
        List<MemorialPage.Language> links = new ArrayList<>();
        for (String l : LANGUAGES) {
            StringBuilder q = new StringBuilder();
            ctx.queryParamMap().forEach((k, values) -> {
                if (!k.equals("lang")) {
                    values.forEach(v -> q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
                }
            });
            links.add(new MemorialPage.Language(l, LANGUAGE_NAMES.get(l), ctx.path() + "?" + q + "lang=" + l, l.equals(lang)));
        }
        String name = words(lang).get("memorial.name");
        return new MemorialPage(title.equals(name) ? name : title + " · " + name, words(lang), links);
    }

    // --- pages ------------------------------------------------------------------------------------------

    private void search(Context ctx) {
        String lang = language(ctx);
        send(ctx, responses.get(publication.version(), PublicResponses.key(ctx, lang), () -> searchPage(ctx, lang)));
    }

    private PublicResponses.Response searchPage(Context ctx, String lang) {
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        int pageNo = Math.max(1, parseInt(ctx.queryParam("page"), 1));
        int offset = Math.min((pageNo - 1) * PAGE_SIZE, 10_000 - PAGE_SIZE);
        PublicProjection.Page results = publication.search(q, offset, PAGE_SIZE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, lang, words(lang).get("memorial.name")));
        params.put("q", q);
        params.put("results", results);
        params.put("pageNo", pageNo);
        params.put("pages", (int) Math.max(1, (Math.min(results.total(), 10_000) + PAGE_SIZE - 1) / PAGE_SIZE));
        params.put("lang", lang);
        params.put("qUrl", URLEncoder.encode(q, StandardCharsets.UTF_8));
        return response(Html.CONTENT_TYPE, render("memorial.jte", params));
    }

    Optional<PublicProjection.PublicPerson> publicPerson(Context ctx) {
        String id = ctx.pathParam("id");
        return id.matches("\\d{1,18}") ? publication.person(Long.parseLong(id)) : Optional.empty();
    }

    private void person(Context ctx) {
        String lang = language(ctx);
        PublicResponses.Response r = responses.get(publication.version(), PublicResponses.key(ctx, lang), () -> publicPerson(ctx)
                .map(p -> response(Html.CONTENT_TYPE, render("memorial_person.jte", Map.of("page", page(ctx, lang, p.displayName()), "p", p,
                        "lang", lang))))
                .orElse(null));
        if (r == null) {
            notFound(ctx, lang);
            return;
        }
        send(ctx, r);
    }

    private void notFound(Context ctx, String lang) {
        ctx.status(404);
        Html.send(ctx, render("memorial_person_missing.jte", Map.of("page", page(ctx, lang, words(lang).get("memorial.not_found")), "lang", lang)));
    }

    private void correctionForm(Context ctx) {
        String lang = language(ctx);
        Optional<PublicProjection.PublicPerson> p = publicPerson(ctx);
        if (p.isEmpty()) {
            notFound(ctx, lang);
            return;
        }
        renderCorrection(ctx, p.get(), lang, "", "");
    }

    private void renderCorrection(Context ctx, PublicProjection.PublicPerson p, String lang, String notice, String problem) {
        String token = Optional.ofNullable(ctx.cookie(CSRF_COOKIE)).filter(t -> t.matches("[0-9a-f]{64}")).orElseGet(Register::newToken);
        WebServer.setCookie(ctx, CSRF_COOKIE, token, 3600);
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, render("memorial_correction.jte", Map.of("page", page(ctx, lang, words(lang).get("memorial.correct")), "p", p, "lang", lang,
                "csrf", token, "notice", notice, "problem", problem)));
    }

    private void correction(Context ctx) {
        String lang = language(ctx);
        Optional<PublicProjection.PublicPerson> p = publicPerson(ctx);
        if (p.isEmpty()) {
            notFound(ctx, lang);
            return;
        }
        Messages t = words(lang);
        if (!WebServer.sameToken(ctx.cookie(CSRF_COOKIE), ctx.formParam("_csrf"))) {
            ctx.status(403);
            renderCorrection(ctx, p.get(), lang, "", t.get("memorial.correct_refused"));
            return;
        }
        try {
            Publication.Sent sent = publication.submitCorrection(p.get().id(), ctx.formParam("sender_name"), ctx.formParam("sender_contact"),
                    ctx.formParam("message"), lang, ctx.ip());
            switch (sent) {
                case STORED -> renderCorrection(ctx, p.get(), lang, t.get("memorial.correct_thanks"), "");
                case RATE_LIMITED -> {
                    ctx.status(429);
                    renderCorrection(ctx, p.get(), lang, "", t.get("memorial.correct_wait"));
                }
                case NOT_PUBLIC -> notFound(ctx, lang);
            }
        } catch (BadInputException e) {
            ctx.status(400);
            renderCorrection(ctx, p.get(), lang, "", t.get("memorial.correct_empty"));
        }
    }

    /** The value as JSON in UTF-8, written straight to bytes (the response's encoding) rather than to a String first. */
    static byte[] jsonBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private byte[] render(String template, Map<String, Object> params) {
        return Html.render(templates, template, params);
    }

    /**
     * A public response of UTF-8 bytes with its ETag (a hash of the bytes). The body is encoded once: hashed and sent as the
     * same bytes (a String body was encoded for the hash and again by Javalin for the response).
     */
    static PublicResponses.Response response(String contentType, byte[] body) {
        return new PublicResponses.Response(contentType, body, "\"" + HexFormat.of().formatHex(SHA_256.get().digest(body), 0, 16) + "\"");
    }

    /** Sends a public response with its ETag, or 304 when the client holds that version. */
    static void send(Context ctx, PublicResponses.Response r) {
        ctx.header("Cache-Control", CACHE);
        ctx.header("Vary", "Accept-Language");
        ctx.header("ETag", r.etag());
        String held = ctx.header("If-None-Match");
        if (held != null && List.of(held.split("\\s*,\\s*")).contains(r.etag())) {
            ctx.status(304);
            return;
        }
        ctx.contentType(r.contentType());
        ctx.result(r.body());
    }

    /** A digest per server thread: looking the algorithm up in the providers for every response was a tenth of the hashing. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static int parseInt(String s, int otherwise) {
        return s == null || !s.strip().matches("\\d{1,9}") ? otherwise : Integer.parseInt(s.strip());
    }
}
