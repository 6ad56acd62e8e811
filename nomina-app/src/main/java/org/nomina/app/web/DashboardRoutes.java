package org.nomina.app.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.app.register.Viewer;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.figures.Figures;
import org.nomina.store.users.Role;

/**
 * The signed-in dashboard: per incident, every figure the register counts (each linking to the persons
 * or families behind it) and a chart of the killed by subgroup, its numbers beside the bars. Every number
 * comes from {@link Figures} — the same report as {@code nomina figures --json}; none is typed by hand.
 */
final class DashboardRoutes {
    private final Publication publication;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Messages team = new Messages(Locale.ENGLISH);

    DashboardRoutes(Register register) {
        this.publication = register.publication();
    }

    void routes(RoutesConfig r) {
        r.get("/dashboard", this::dashboard);
        r.get("/dashboard/figure", this::figure);
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
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        ctx.html(out.toString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void dashboard(Context ctx) {
        Viewer v = viewer(ctx);
        Optional<String> incident = Optional.ofNullable(ctx.queryParam("incident")).filter(s -> !s.isBlank());
        Figures.Report report = publication.figures(v, incident);
        String base = "/dashboard/figure?incident=" + enc(incident.orElse("")) + "&key=";
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        for (String s : Subgroups.NAMES) {
            report.figure("killed/" + s).ifPresent(f -> {
                labels.add(s);
                values.add(f.count());
                hrefs.add(base + enc(f.key()));
            });
        }
        report.figure("killed").ifPresent(f -> {
            labels.add("age or sex unknown");
            values.add(f.unknown());
            hrefs.add(base + enc(f.key()));
        });
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", page(ctx, "Dashboard"));
        params.put("report", report);
        params.put("incidents", publication.incidents(v).stream().map(i -> i.name()).toList());
        params.put("incident", incident.orElse(""));
        params.put("base", base);
        params.put("chart", BarChart.of("The killed by subgroup", labels, values, hrefs, 640));
        render(ctx, "dashboard.jte", params);
    }

    private void figure(Context ctx) {
        Viewer v = viewer(ctx);
        if (!v.may(Role.VIEWER)) {
            throw new Refusal(403, team.format("error.role", v.role().label(), Role.VIEWER.label()));
        }
        Optional<String> incident = Optional.ofNullable(ctx.queryParam("incident")).filter(s -> !s.isBlank());
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
