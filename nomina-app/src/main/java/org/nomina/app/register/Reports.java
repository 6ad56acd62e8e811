package org.nomina.app.register;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.nomina.app.report.ReportRenderer;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;

/**
 * {@code nomina report}: the statement of an incident with its estimate computed, written as HTML or PDF.
 * The command line only parses options, calls {@link #make} and writes the bytes.
 */
public final class Reports {
    public enum Format { HTML, PDF }

    /** A report: its bytes and the statement they show. */
    public record Report(Format format, byte[] content, Statements.Statement statement) {
    }

    private final Statements statements;
    private final ReportRenderer renderer = new ReportRenderer();

    public Reports(Database db) {
        this.statements = new Statements(db);
    }

    public static Format format(String word) {
        try {
            return Format.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format must be html or pdf, not '" + word + "'");
        }
    }

    /**
     * @throws BadInputException                    for an unknown incident or a register not linked yet
     * @throws ReportRenderer.MissingFontException  for a PDF on a machine without DejaVu Sans
     */
    public Report make(Optional<String> incident, Format format) {
        Statements.Statement s = statements.statement(incident, true, false);
        byte[] content = switch (format) {
            case HTML -> renderer.html(s).getBytes(StandardCharsets.UTF_8);
            case PDF -> renderer.pdf(s);
        };
        return new Report(format, content, s);
    }
}
