package org.nomina.store.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.domain.Field;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Relation;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.NameOrder;
import org.nomina.store.BadInputException;
import org.nomina.store.CanonicalJson;

/**
 * An import mapping (docs/DESIGN.md, "Import mapping"): the file's encoding and delimiter if known, and how
 * its columns map onto fields. Loaded from YAML and validated once; every message names the file and
 * the key at fault. Immutable.
 */
public record Mapping(Optional<String> source, Optional<Charset> encoding, Optional<Character> delimiter, Optional<String> sheet,
                      Map<String, ColumnMapping> columns) {

    private static final Set<String> TOP_KEYS = Set.of("encoding", "delimiter", "columns", "sheet");
    private static final Set<String> COLUMN_KEYS = Set.of("field", "order", "format", "values", "invalid");

    public Mapping {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static Mapping none() {
        return new Mapping(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public boolean isExplicit() {
        return source.isPresent();
    }

    /** Loads and validates a mapping file. */
    public static Mapping load(Path file) {
        if (!Files.isReadable(file)) {
            throw new BadInputException("mapping " + file + ": no such readable file");
        }
        Object tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            throw new BadInputException("mapping " + file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String where = "mapping " + file;
        if (!(tree instanceof Map<?, ?> top)) {
            throw new BadInputException(where + ": expected keys encoding, delimiter and columns at the top");
        }
        for (Object key : top.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(key))) {
                throw new BadInputException(where + ": unknown key '" + key + "' (known: encoding, delimiter, sheet, columns)");
            }
        }
        Optional<Charset> encoding = Optional.ofNullable(top.get("encoding")).map(v -> charset(String.valueOf(v), where + ", encoding"));
        Optional<Character> delimiter = Optional.ofNullable(top.get("delimiter")).map(v -> delimiter(String.valueOf(v), where + ", delimiter"));
        Optional<String> sheet = Optional.ofNullable(top.get("sheet")).map(String::valueOf);
        Object cols = top.get("columns");
        if (!(cols instanceof Map<?, ?> colMap) || colMap.isEmpty()) {
            throw new BadInputException(where + ": 'columns' must map column names to fields, e.g. \"ФИО\": {field: full_name}");
        }
        Map<String, ColumnMapping> columns = new LinkedHashMap<>();
        Map<Field, String> used = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : colMap.entrySet()) {
            String column = String.valueOf(e.getKey());
            String at = where + ", column \"" + column + "\"";
            ColumnMapping cm = column(column, e.getValue(), at);
            cm.field().ifPresent(f -> {
                String before = used.put(f, column);
                if (before != null) {
                    throw new BadInputException(at + ": field " + f.key() + " is already mapped from column \"" + before + "\"");
                }
            });
            columns.put(column, cm);
        }
        return new Mapping(Optional.of(file.toString()), encoding, delimiter, sheet, columns);
    }

    private static ColumnMapping column(String column, Object spec, String at) {
        Map<?, ?> m;
        if (spec instanceof String s) {
            m = Map.of("field", s);
        } else if (spec instanceof Map<?, ?> map) {
            m = map;
        } else {
            throw new BadInputException(at + ": expected {field: …}");
        }
        for (Object key : m.keySet()) {
            if (!COLUMN_KEYS.contains(String.valueOf(key))) {
                throw new BadInputException(at + ": unknown key '" + key + "' (known: field, order, format, values, invalid)");
            }
        }
        String fieldName = String.valueOf(m.get("field"));
        Optional<Field> field;
        if (fieldName.equals("extra")) {
            field = Optional.empty();
        } else {
            field = Field.fromKey(fieldName);
            if (field.isEmpty()) {
                throw new BadInputException(at + ": unknown field '" + fieldName + "' (fields: "
                        + String.join(", ", java.util.Arrays.stream(Field.values()).map(Field::key).toList()) + ", extra)");
            }
        }
        NameOrder order = NameOrder.AUTO;
        if (m.containsKey("order")) {
            order = NameOrder.fromWord(String.valueOf(m.get("order")))
                    .orElseThrow(() -> new BadInputException(at + ": order must be surname_first, given_first or auto, not '" + m.get("order") + "'"));
        }
        DateParser dates = DateParser.auto();
        if (m.containsKey("format")) {
            String pattern = String.valueOf(m.get("format"));
            try {
                dates = DateParser.ofPattern(pattern);
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(at + ": format '" + pattern + "' is not a java.time date pattern: " + ex.getMessage());
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (m.containsKey("values")) {
            if (!(m.get("values") instanceof Map<?, ?> vm)) {
                throw new BadInputException(at + ": values must map the list's words onto canonical values");
            }
            boolean isSex = field.equals(Optional.of(Field.SEX));
            boolean isStatus = field.equals(Optional.of(Field.STATUS));
            boolean isRelation = field.equals(Optional.of(Field.RELATION));
            if (!isSex && !isStatus && !isRelation) {
                throw new BadInputException(at + ": values apply only to the sex, status and relation fields");
            }
            for (Map.Entry<?, ?> v : vm.entrySet()) {
                String canonical = String.valueOf(v.getValue()).strip().toLowerCase(Locale.ROOT);
                boolean ok = isSex ? Sex.fromWord(canonical).isPresent()
                        : isStatus ? Status.fromWord(canonical).isPresent() : Relation.fromWord(canonical).isPresent();
                if (!ok) {
                    throw new BadInputException(at + ": value '" + v.getKey() + "' maps to '" + v.getValue() + "', which is not one of "
                            + (isSex ? "male, female, unknown" : isStatus ? Status.words() : Relation.words()));
                }
                values.put(normaliseWord(String.valueOf(v.getKey())), canonical);
            }
        }
        boolean keepInvalid = true;
        if (m.containsKey("invalid")) {
            String invalid = String.valueOf(m.get("invalid"));
            if (!invalid.equals("reject") && !invalid.equals("keep")) {
                throw new BadInputException(at + ": invalid must be keep (the default: the row is imported with the field empty "
                        + "and a problem noted) or reject (the row is not imported), not '" + invalid + "'");
            }
            keepInvalid = invalid.equals("keep");
        }
        return new ColumnMapping(column, field, order, dates, values, keepInvalid);
    }

    static String normaliseWord(String word) {
        return org.nomina.engine.parse.Placeholders.singleSpaced(word.strip().toLowerCase(Locale.ROOT));
    }

    static Charset charset(String name, String at) {
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw BadInputException.naming(at + ": '" + name + "' is not an encoding this system knows (e.g. UTF-8, windows-1251, UTF-16)", "encoding");
        }
    }

    static char delimiter(String text, String at) {
        String t = text.equals("\\t") || text.equalsIgnoreCase("tab") ? "\t" : text;
        if (t.length() != 1) {
            throw BadInputException.naming(at + ": a delimiter is one character (\",\", \";\", \"\\t\", \"|\"), not '" + text + "'", "delimiter");
        }
        char c = t.charAt(0);
        if (c == '"' || c == '\n' || c == '\r') {
            throw BadInputException.naming(at + ": '" + text + "' cannot be a delimiter", "delimiter");
        }
        return c;
    }

    /** The mapping as JSON (stored with each version, so the parse can be repeated). */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        encoding.ifPresent(e -> out.put("encoding", e.name()));
        delimiter.ifPresent(d -> out.put("delimiter", String.valueOf(d)));
        sheet.ifPresent(s -> out.put("sheet", s));
        List<Object> cols = new ArrayList<>();
        for (ColumnMapping c : columns.values()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("column", c.column());
            cm.put("field", c.target());
            cm.put("order", c.order().word());
            cm.put("format", c.dates().pattern());
            cm.put("values", c.values());
            cm.put("invalid", c.keepInvalid() ? "keep" : "reject");
            cols.add(cm);
        }
        out.put("columns", cols);
        return CanonicalJson.write(out);
    }
}
