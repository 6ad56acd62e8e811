package org.nomina.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of {@code /api/v1}, written from {@link ApiRoutes}' route table (paths,
 * parameters, roles, response schemas); the schemas themselves are JSON Schema 2020-12 in
 * {@code api-schemas.json} beside this class.
 */
final class OpenApi {
    static final Map<String, Object> SCHEMAS = schemas();

    private OpenApi() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemas() {
        try (InputStream in = OpenApi.class.getResourceAsStream("api-schemas.json")) {
            if (in == null) {
                throw new IllegalStateException("api-schemas.json is missing from the application");
            }
            return MemorialRoutes.JSON.readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> document(List<ApiRoutes.Route> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Nomina register API", "version", "1",
                "description", "The register of victims: the team's routes need a session cookie or a bearer token (nomina token create USER) "
                        + "and the role named in each; /api/v1/public needs nothing and shows only what the public memorial shows. "
                        + "Errors are RFC 9457 problem details."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiRoutes.Route r : routes) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", r.summary());
            op.put("operationId", r.method() + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
            r.role().ifPresentOrElse(role -> {
                op.put("description", "Needs the role " + role.label() + " or higher.");
                op.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
            }, () -> op.put("security", List.of()));
            List<Object> params = new ArrayList<>();
            for (ApiRoutes.Param p : r.params()) {
                params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(), "description", p.description(),
                        "schema", Map.of("type", p.type())));
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            r.body().ifPresent(b -> op.put("requestBody", Map.of("required", true,
                    "content", Map.of("application/json", Map.of("schema", ref(b))))));
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK", "content", Map.of("application/json", Map.of("schema", ref(r.schema())))));
            Map<String, Object> problem = Map.of("description", "A problem (RFC 9457)",
                    "content", Map.of(Problems.TYPE, Map.of("schema", ref("Problem"))));
            responses.put("default", problem);
            op.put("responses", responses);
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(r.path(), k -> new LinkedHashMap<String, Object>());
            item.put(r.method().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", SCHEMAS, "securitySchemes", Map.of(
                "bearer", Map.of("type", "http", "scheme", "bearer", "description", "A token from nomina token create USER"),
                "session", Map.of("type", "apiKey", "in", "cookie", "name", WebServer.SESSION_COOKIE,
                        "description", "The session of POST /login; a POST also sends X-CSRF-Token"))));
        return doc;
    }

    static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }
}
