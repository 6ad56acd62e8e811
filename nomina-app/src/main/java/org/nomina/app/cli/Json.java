package org.nomina.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON document a {@code --json} command prints on stdout: snake_case keys, records as objects. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Results carry Optional values (Optional is how our APIs say "absent"): written as the value or null.
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());

    private Json() {
    }

    /** A value as the JSON object it is written as (snake_case keys), to add keys beside its own. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> tree(Object value) {
        return MAPPER.convertValue(value, java.util.LinkedHashMap.class);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
