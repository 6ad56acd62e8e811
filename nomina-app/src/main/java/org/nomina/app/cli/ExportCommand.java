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
import org.nomina.store.export.RecordExporter;
import picocli.CommandLine.Command;
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

    @Override
    public Integer call() throws IOException {
        var jdbi = parent.database().jdbi();
        RecordExporter.Format f = format == Format.csv ? RecordExporter.Format.CSV : RecordExporter.Format.JSON;
        long n;
        if (out == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            writeBom(w);
            n = write(jdbi, f, w);
            w.flush();
        } else {
            Path tmp = out.resolveSibling(out.getFileName() + ".part");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeBom(w);
                n = write(jdbi, f, w);
            } catch (IOException e) {
                throw new BadInputException("cannot write " + out + ": " + e.getMessage(), e);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.err.printf("Wrote %,d %s to %s%n", n, what, out);
        }
        return 0;
    }

    private void writeBom(Writer w) throws IOException {
        if (bom) {
            w.write('\uFEFF');
        }
    }

    private long write(org.jdbi.v3.core.Jdbi jdbi, RecordExporter.Format f, Writer w) {
        return switch (what) {
            case records -> RecordExporter.export(jdbi, f, w);
            case clusters -> org.nomina.store.export.RegisterExporter.clusters(jdbi, f, w);
            case persons -> org.nomina.store.export.RegisterExporter.persons(jdbi, f, w);
            case families -> org.nomina.store.export.RegisterExporter.families(jdbi, f, w);
            case claims -> org.nomina.store.claims.ClaimExporter.export(parent.database(), f == RecordExporter.Format.JSON, w);
        };
    }
}
