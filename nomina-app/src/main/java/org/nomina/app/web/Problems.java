package org.nomina.app.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nomina.app.register.NotAllowedException;
import org.nomina.store.BadInputException;

/** The API's errors as RFC 9457 problem details ({@code application/problem+json}). */
final class Problems {
    static final String TYPE = "application/problem+json";

    /** A refusal with its HTTP status, title and a detail in plain words. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;

        Problem(int status, String title, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
        }
    }

    private Problems() {
    }

    /** Runs an API handler, answering any failure as problem JSON instead of the team's HTML error page. */
    static void guard(Context ctx, Runnable handler) {
        try {
            handler.run();
        } catch (Problem p) {
            send(ctx, p.status, p.title, p.getMessage());
        } catch (NotAllowedException e) {
            send(ctx, 403, "Forbidden", e.getMessage());
        } catch (BadInputException e) {
            send(ctx, 400, "Bad Request", e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("nomina serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
            send(ctx, 500, "Internal Server Error", "the request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static void send(Context ctx, int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(TYPE);
        ctx.result(MemorialRoutes.jsonBytes(body));
    }

    /** An integer query parameter within bounds, or a 400 problem naming it and its value. */
    static int intParam(Context ctx, String name, int otherwise, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        if (!v.strip().matches("\\d{1,9}") || Integer.parseInt(v.strip()) < min || Integer.parseInt(v.strip()) > max) {
            throw new Problem(400, "Bad Request", "query parameter " + name + ": '" + v + "' is not a whole number from " + min + " to " + max);
        }
        return Integer.parseInt(v.strip());
    }
}
