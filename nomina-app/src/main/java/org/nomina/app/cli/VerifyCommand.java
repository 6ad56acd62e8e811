package org.nomina.app.cli;

import java.util.concurrent.Callable;
import org.nomina.store.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes the ledger's hash chain and the digest of every imported version's stored rows.",
            "Exits 1 naming the first entry that does not match."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Verifier.Report verified = parent.register().verify();
        report.report(() -> verified, out -> {
            if (verified.ok()) {
                out.line("The register verifies: %,d ledger entries, %,d imports (%,d records) match. Head hash %s",
                        verified.entries(), verified.versionsChecked(), verified.recordsChecked(), verified.headHash());
            } else {
                verified.problems().forEach(p -> out.note("nomina: verify: %s", p));
            }
        });
        return verified.ok() ? 0 : 1;
    }
}
