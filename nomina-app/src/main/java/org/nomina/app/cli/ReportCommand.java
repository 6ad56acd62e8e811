package org.nomina.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.app.register.Reports;
import org.nomina.store.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes an incident's report: every figure the register counts beside what the sources claim (with their words),",
            "the estimate of the killed with its interval and method, the charts, and the ledger head hash that lets a reader",
            "check with nomina verify that the register was not rewritten since. HTML, or PDF (needs the font DejaVu Sans).",
            "Computes the estimate (seconds). Run link first."})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Option(names = "--incident", required = true, paramLabel = "NAME", description = "The incident (its sub-incidents are counted with it)")
    String incident;

    @Option(names = "--format", required = true, paramLabel = "html|pdf", description = "html or pdf")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (replaced whole, never half-written) instead of stdout")
    Path out;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Reports.Format f = Reports.format(format);
        if (out != null) {
            writable(out);
        }
        Reports.Report report = parent.register().report(Optional.of(incident), f);
        if (out == null) {
            // The report's bytes as they are (a PDF is binary), like export without --out.
            System.out.write(report.content());
            System.out.flush();
            return 0;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            Files.write(tmp, report.content());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new BadInputException("--out " + out + ": cannot write the report: " + e.getMessage(), e);
        }
        output.note("Wrote the %s report of %s (%,d bytes, ledger head %s) to %s", format, report.statement().incident(),
                report.content().length, report.statement().ledgerHead().map(h -> h.hash()).orElse("none"), out);
        return 0;
    }

    /** Refuses, before the work, a file that cannot be written: its folder missing or read-only, or a folder itself. */
    private static void writable(Path out) {
        Path folder = Optional.ofNullable(out.toAbsolutePath().getParent()).orElse(Path.of("/"));
        if (Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a folder; name a file");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException("--out " + out + ": the folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder) || (Files.exists(out) && !Files.isWritable(out))) {
            throw new BadInputException("--out " + out + ": cannot be written (no permission)");
        }
    }
}
