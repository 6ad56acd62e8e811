package org.nomina.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.app.register.Viewer;
import org.nomina.store.users.Role;

/**
 * The editors' side of publishing, behind sign-in (the team's session and CSRF checks of
 * {@link WebServer} apply): {@code /publish} lists the families' corrections and the withheld persons;
 * {@code /publish/persons/{id}} shows whether a person is public and withholds or releases them.
 */
final class PublishRoutes {
    private final Register register;
    private final Publication publication;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages team = new Messages(Locale.ENGLISH);
    private final Messages words = new Messages("org.nomina.app.web.publish", Locale.ENGLISH);

    PublishRoutes(Register register) {
        this.register = register;
        this.publication = register.publication();
    }

    void routes(RoutesConfig r) {
        r.get("/publish", this::overview);
        r.get("/publish/persons/{id}", this::person);
        r.post("/publish/persons/{id}", this::change);
    }

    private Viewer editor(Context ctx) {
        Viewer v = ctx.attribute("viewer");
        if (v == null) {
            throw new Refusal(403, team.get("error.csrf"));
        }
        if (!v.may(Role.EDITOR)) {
            throw new Refusal(403, team.format("error.role", v.role().label(), Role.EDITOR.label()));
        }
        return v;
    }

    private Page page(Context ctx, String titleKey) {
        Viewer v = ctx.attribute("viewer");
        return new Page(words.get(titleKey), Optional.ofNullable(v), v == null ? "" : v.csrfToken(), team, "publish");
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        Html.send(ctx, templates, template, params);
    }

    private void overview(Context ctx) {
        Viewer v = editor(ctx);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "publish.title"));
        params.put("w", words);
        params.put("corrections", publication.corrections(v, 500));
        params.put("withheld", publication.withheldAll(v));
        render(ctx, "publish.jte", params);
    }

    private long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("\\d{1,18}")) {
            throw new Refusal(404, "There is no page " + ctx.path() + ".");
        }
        return Long.parseLong(id);
    }

    private void person(Context ctx) {
        editor(ctx);
        renderPerson(ctx, id(ctx), "");
    }

    private void renderPerson(Context ctx, long id, String notice) {
        var person = register.person(id, ctx.attribute("viewer"), ctx.path())
                .orElseThrow(() -> new Refusal(404, team.format("person.none", id)));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "publish.person_title"));
        params.put("w", words);
        params.put("id", id);
        params.put("name", person.person().displayName());
        params.put("isPublic", publication.person(id).isPresent());
        params.put("withheld", publication.withheld(id));
        params.put("notice", notice);
        render(ctx, "publish_person.jte", params);
    }

    private void change(Context ctx) {
        Viewer v = editor(ctx);
        long id = id(ctx);
        String notice;
        if ("release".equals(ctx.formParam("action"))) {
            notice = publication.release(v, id) ? words.get("publish.released") : words.get("publish.was_not_withheld");
        } else {
            publication.withhold(v, id, Optional.ofNullable(ctx.formParam("reason")).orElse(""));
            notice = words.get("publish.withheld_now");
        }
        renderPerson(ctx, id, notice);
    }
}
