package org.nomina.app.cli;

import java.util.concurrent.Callable;
import org.nomina.store.ledger.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recomputes the ledger's hash chain and the digest of every imported version's stored rows.",
            "Exits 1 naming the first entry that does not match."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Option(names = "--json", description = "Print one JSON document on stdout")
    boolean json;

    @Override
    public Integer call() {
        Verifier.Report report = Verifier.verify(parent.database().jdbi());
        if (json) {
            System.out.println(Json.write(report));
        } else if (report.ok()) {
            System.out.printf("The register verifies: %,d ledger entries, %,d imports (%,d records) match. Head hash %s%n",
                    report.entries(), report.versionsChecked(), report.recordsChecked(), report.headHash());
        } else {
            report.problems().forEach(p -> System.err.println("nomina: verify: " + p));
        }
        return report.ok() ? 0 : 1;
    }
}
