package org.nomina.store;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Input that cannot be used as given: an unreadable or malformed file, a mapping that does not fit,
 * a bad argument. Nothing has been changed when this is thrown. The message names the file, row,
 * column and value where they are known, in plain words; the command line exits 2.
 *
 * <p>A message about a field of a request (an incident's {@code parent}, an import's {@code source}) names
 * the field, not how a caller asked for it: made by {@link #naming}, it marks each field as
 * {@code {field}}, and {@link #getMessage()} writes it as the field's name. An adapter writes it its own
 * way through {@link #message(UnaryOperator)}: the command line as its option ({@code --parent}).
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String template;
    private final List<String> fields;

    public BadInputException(String message) {
        this(message, null, List.of());
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
        this.template = message;
        this.fields = List.of();
    }

    private BadInputException(String message, String template, List<String> fields) {
        super(message);
        this.template = template == null ? message : template;
        this.fields = fields;
    }

    /**
     * A message about {@code fields}, each written {@code {field}} in {@code template}, e.g.
     * {@code naming("{parent} 'Nowhere': no such incident", "parent")}.
     */
    public static BadInputException naming(String template, String... fields) {
        List<String> named = List.of(fields);
        return new BadInputException(render(template, named, UnaryOperator.identity()), template, named);
    }

    /** The fields the message is about, in the order given. */
    public List<String> fields() {
        return fields;
    }

    /** The message with each field written as {@code name} writes it. */
    public String message(UnaryOperator<String> name) {
        return render(template, fields, name);
    }

    private static String render(String template, List<String> fields, UnaryOperator<String> name) {
        String out = template;
        for (String f : fields) {
            out = out.replace("{" + f + "}", name.apply(f));
        }
        return out;
    }
}
