package org.nomina.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nomina.store.BadInputException;
import java.util.Locale;
import org.nomina.app.register.Register;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports the register. records: every source record with its source, verbatim and parsed values",
            "(columns start source,record_id); clusters: source,record_id,person_id; persons: consensus values,",
            "name variants and sources of each person (after nomina link); families: each family's members and",
            "links (parent_of, spouse_of, sibling_of) with the source record behind each, and proposed parent links;",
            "claims: every claim read from statements, its current reading and the machine's."})
final class ExportCommand implements Callable<Integer> {
    enum What { records, persons, clusters, families, claims }

    enum Format { csv, json }

    @ParentCommand
    NominaCommand parent;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to export: ${COMPLETION-CANDIDATES}")
    What what;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout")
    Path out;

    @Option(names = "--bom", description = {"Start the output with a UTF-8 byte-order mark, so that Excel opens Cyrillic and",
        "Armenian text intact (CSV cells that a spreadsheet would run as formulas are always written as text)"})
    boolean bom;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Register register = parent.register();
        Register.Export export = Register.Export.valueOf(what.name().toUpperCase(Locale.ROOT));
        boolean json = format == Format.json;
        long n;
        if (out == null) {
            // The export is UTF-8 whatever the terminal's encoding (a CSV for Excel, JSON by RFC 8259), so it goes to
            // the standard output's bytes, not through the character stream picocli's getOut() encodes.
            output.out().flush();
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            writeBom(w);
            n = register.export(export, json, w);
            w.flush();
        } else {
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeBom(w);
                n = register.export(export, json, w);
            } catch (IOException e) {
                throw new BadInputException("cannot write " + out + ": " + e.getMessage(), e);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            output.note("Wrote %,d %s to %s", n, what, out);
        }
        return 0;
    }

    private void writeBom(Writer w) throws IOException {
        if (bom) {
            w.write('\uFEFF');
        }
    }
}
