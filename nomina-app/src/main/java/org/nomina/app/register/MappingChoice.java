package org.nomina.app.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.domain.Field;
import org.nomina.store.BadInputException;

/**
 * A mapping as chosen in the import page: which field each column becomes (or {@code extra}), a full
 * name's order, the encoding and the delimiter. It is written as the same YAML that {@code --mapping}
 * reads (by Jackson, so that any header is quoted correctly), and the import reads it back through the
 * store's own validation.
 */
public record MappingChoice(Map<String, String> columns, Map<String, String> orders, Optional<String> encoding, Optional<String> delimiter) {

    /** The field names a column may be given, {@code extra} first. */
    public static final List<String> TARGETS = java.util.stream.Stream.concat(java.util.stream.Stream.of("extra"),
            Arrays.stream(Field.values()).map(Field::key)).toList();
    public static final List<String> ORDERS = List.of("auto", "surname_first", "given_first");

    public MappingChoice {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        orders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(orders));
        for (Map.Entry<String, String> c : columns.entrySet()) {
            if (!TARGETS.contains(c.getValue())) {
                throw new BadInputException("column \"" + c.getKey() + "\": '" + c.getValue() + "' is not a field; fields are " + TARGETS);
            }
        }
        for (Map.Entry<String, String> o : orders.entrySet()) {
            if (!ORDERS.contains(o.getValue())) {
                throw new BadInputException("column \"" + o.getKey() + "\": name order '" + o.getValue() + "' is not one of " + ORDERS);
            }
        }
    }

    /** Detect everything. */
    public static MappingChoice detect() {
        return new MappingChoice(Map.of(), Map.of(), Optional.empty(), Optional.empty());
    }

    /** The columns as an import understood them, keeping the orders, encoding and delimiter chosen before. */
    static MappingChoice fromColumns(Map<String, String> detected, String encoding, String delimiter, MappingChoice before) {
        return new MappingChoice(detected, before.orders(), Optional.of(encoding), Optional.of(delimiter));
    }

    /** The mapping file's text. */
    public String toYaml() {
        Map<String, Object> top = new LinkedHashMap<>();
        encoding.filter(e -> !e.isBlank()).ifPresent(e -> top.put("encoding", e));
        delimiter.filter(d -> !d.isEmpty()).ifPresent(d -> top.put("delimiter", d.equals("\t") ? "\\t" : d));
        Map<String, Object> cols = new LinkedHashMap<>();
        columns.forEach((column, field) -> {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("field", field);
            String order = orders.get(column);
            if (field.equals("full_name") && order != null && !order.equals("auto")) {
                spec.put("order", order);
            }
            cols.put(column, spec);
        });
        top.put("columns", cols);
        try {
            return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a mapping as YAML", e);
        }
    }
}
