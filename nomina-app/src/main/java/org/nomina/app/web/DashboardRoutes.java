package org.nomina.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.app.register.Statements;
import org.nomina.app.register.Viewer;
import org.nomina.store.figures.Figures;
import org.nomina.store.users.Role;

/**
 * The signed-in dashboard: per incident, the statement-like table of {@link Statements} — every figure the
 * register counts (each linking to the persons or families behind it) beside the claims' minimum–maximum
 * over sources with each claim's quote, the estimate of the killed, and what does not add up — and the
 * charts, each with its numbers in a table one click away. Every number comes from the register; none is
 * typed by hand. The estimate is computed only when asked (a background job, {@code POST /dashboard/estimate})
 * and then kept for the register as it is.
 */
final class DashboardRoutes {
    private final Register register;
    private final Publication publication;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages team = new Messages(Locale.ENGLISH);

    DashboardRoutes(Register register) {
        this.register = register;
        this.publication = register.publication();
    }

    void routes(RoutesConfig r) {
        r.get("/dashboard", this::dashboard);
        r.get("/dashboard/figure", this::figure);
        r.post("/dashboard/estimate", this::estimate);
    }

    private Viewer viewer(Context ctx) {
        Viewer v = ctx.attribute("viewer");
        if (v == null) {
            throw new Refusal(403, team.get("error.csrf"));
        }
        return v;
    }

    private Page page(Context ctx, String title) {
        Viewer v = viewer(ctx);
        return new Page(title, Optional.of(v), v.csrfToken(), team, "dashboard");
    }

    private void render(Context ctx, String template, Map<String, Object> params) {
        Html.send(ctx, templates, template, params);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Optional<String> incident(String value) {
        return Optional.ofNullable(value).filter(s -> !s.isBlank());
    }

    private void dashboard(Context ctx) {
        Viewer v = viewer(ctx);
        Optional<String> incident = incident(ctx.queryParam("incident"));
        Statements.Statement statement = register.statement(v, incident);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "Dashboard"));
        params.put("statement", statement);
        params.put("incidents", publication.incidents(v).stream().map(i -> i.name()).toList());
        params.put("incident", incident.orElse(""));
        params.put("base", "/dashboard/figure?incident=" + enc(incident.orElse("")) + "&key=");
        render(ctx, "dashboard.jte", params);
    }

    private void estimate(Context ctx) {
        Viewer v = viewer(ctx);
        Optional<String> incident = incident(ctx.formParam("incident"));
        publication.figures(v, incident);
        ctx.redirect("/jobs/" + register.startEstimate(v, incident).id());
    }

    private void figure(Context ctx) {
        Viewer v = viewer(ctx);
        if (!v.may(Role.VIEWER)) {
            throw new Refusal(403, team.format("error.role", v.role().label(), Role.VIEWER.label()));
        }
        Optional<String> incident = incident(ctx.queryParam("incident"));
        String key = Optional.ofNullable(ctx.queryParam("key")).orElse("");
        Figures.Figure f = publication.figures(v, incident).figure(key)
                .orElseThrow(() -> new Refusal(404, "There is no figure '" + key + "'; see the dashboard for the figures there are."));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "Figure " + key));
        params.put("f", f);
        params.put("incident", incident.orElse(""));
        render(ctx, "dashboard_figure.jte", params);
    }
}
