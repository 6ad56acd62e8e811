package org.nomina.app.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the precompiled pages. Into a String, sized for a page at once: jte's binary static content with
 * {@code Utf8ByteOutput} was tried and cost more CPU per page (bench/web.sh, A/B against this), because that output
 * keeps every escaped piece of a value as a substring and an array of its own, and the pages are mostly values.
 */
final class Html {
    /** Room for a register page of 25 persons without growing the buffer (most pages are 5 to 20 kB). */
    private static final int PAGE_CHARS = 16 * 1024;

    private Html() {
    }

    static String render(TemplateEngine templates, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(PAGE_CHARS);
        templates.render(template, params, out);
        return out.toString();
    }

    /** HTML, and its charset named (ctx.html sent a bare "text/html": the page's meta tag alone said UTF-8). */
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** Renders the page as the response's HTML body. */
    static void send(Context ctx, TemplateEngine templates, String template, Map<String, Object> params) {
        send(ctx, render(templates, template, params));
    }

    /** A rendered page as the response's HTML body. */
    static void send(Context ctx, String page) {
        ctx.contentType(CONTENT_TYPE);
        ctx.result(page);
    }
}
