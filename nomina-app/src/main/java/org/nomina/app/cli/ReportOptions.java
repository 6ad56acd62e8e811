package org.nomina.app.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --json} and the output it chooses, for every command that has it ({@code @Mixin ReportOptions report}):
 * with {@code --json} one JSON document on stdout, else the text for people.
 */
final class ReportOptions extends Output {
    @Option(names = "--json", description = "Print one JSON document on stdout")
    boolean json;

    /** The JSON document {@code document} gives with {@code --json}, else the text {@code text} prints. */
    void report(Supplier<Object> document, Consumer<Output> text) {
        if (json) {
            json(document.get());
        } else {
            text.accept(this);
        }
    }
}
