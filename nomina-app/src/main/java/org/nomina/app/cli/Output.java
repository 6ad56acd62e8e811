package org.nomina.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Where a command writes: picocli's streams of the command it is mixed into ({@code @Mixin Output out}),
 * so that a caller that sets them (tests, an embedding program) gets everything. The one way to print a
 * table and the one way to print a JSON document. A command with {@code --json} mixes in
 * {@link ReportOptions}, which is this and the option.
 */
@Command // picocli takes only annotated classes as mixins; this one brings no option, only the streams
class Output {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Standard output: the report, the table, the JSON document. */
    PrintWriter out() {
        return mixee.commandLine().getOut();
    }

    /** Standard error: notes and progress, never part of the report. */
    PrintWriter err() {
        return mixee.commandLine().getErr();
    }

    /** Prints {@code value} as the command's one JSON document (snake_case keys, see {@link Json}). */
    void json(Object value) {
        out().println(Json.write(value));
        out().flush();
    }

    /** Prints text as it is (it carries its own line ends). */
    void text(String text) {
        out().print(text);
        out().flush();
    }

    /** Prints one formatted line. */
    void line(String format, Object... args) {
        out().printf(format + "%n", args);
        out().flush();
    }

    /** A note on standard error, one line. */
    void note(String format, Object... args) {
        err().printf(format + "%n", args);
        err().flush();
    }

    /**
     * Prints {@code rows} one a line through {@code format} with the cells {@code cells} gives, or
     * the line {@code empty} when there are none (nothing when it is "").
     */
    <T> void table(List<T> rows, String empty, String format, Function<T, Object[]> cells) {
        if (rows.isEmpty() && !empty.isEmpty()) {
            out().println(empty);
        }
        for (T row : rows) {
            out().printf(format + "%n", cells.apply(row));
        }
        out().flush();
    }
}
