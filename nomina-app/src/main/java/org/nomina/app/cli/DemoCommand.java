package org.nomina.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nomina.app.demo.DemoCase;
import org.nomina.app.demo.DemoGenerator;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.ImportResult;
import org.nomina.store.imports.Importer;
import org.nomina.store.ledger.Verifier;
import org.nomina.store.stats.Stats;
import org.nomina.engine.estimation.CaptureHistories;
import org.nomina.engine.estimation.Criterion;
import org.nomina.engine.estimation.EstimationOptions;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.EstimationResult;
import org.nomina.engine.estimation.Estimators;
import org.nomina.engine.estimation.Method;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.store.linkage.RegisterHistories;
import org.nomina.store.linkage.RegisterLinker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates the fictional demo case (the invented district of Nomkənd: about 3,000 people,",
            "four overlapping lists in different schemas, scripts and encodings), imports it into its own",
            "fresh database under ./nomina-demo/ (never yours), links it into persons, estimates the",
            "undocumented killed against the truth the generator knows, and prints what is in it."})
final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".nomina-demo";

    @Option(names = "--dir", defaultValue = "nomina-demo", description = "Where the demo's lists and database go (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--people", defaultValue = "3000", description = "Size of the fictional population (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seed", defaultValue = "1994", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--port", defaultValue = "7070", description = "Port for the web application (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--no-serve", description = "Load and report, then exit")
    boolean noServe;

    @Override
    public Integer call() throws IOException {
        prepare(dir);
        Terminal terminal = new Terminal(System.err);
        System.err.println("Generating the fictional case in " + dir.toAbsolutePath() + " …");
        DemoCase demo = new DemoGenerator(new DemoGenerator.Options(people, 4, true, seed)).generate(dir);
        Database db = Database.open(Database.h2Url(dir.resolve("db")));
        Importer importer = new Importer(db);
        System.out.println("Nomina demo: the fictional district of Nomkənd, " + String.format("%,d", demo.people())
                + " people (" + demo.peopleByStatus() + ")");
        System.out.println();
        for (DemoCase.ListFile list : demo.lists()) {
            ImportResult r = importer.importFile(new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(),
                    Optional.empty(), "demo"), (rows, bytes, total) -> terminal.progress("importing " + list.source(), bytes, total,
                    String.format("%,d rows", rows)));
            terminal.done();
            System.out.printf("  %-24s %-84s %,6d imported, %d rejected (encoding %s)%n", list.source(), "(" + list.description() + ")",
                    r.rowsImported(), r.rowsRejected(), r.encoding());
            r.rejects().forEach(x -> System.out.printf("      rejected row %d%s%s: %s%n", x.row(),
                    x.column().isEmpty() ? "" : ", column \"" + x.column() + "\"",
                    x.value().isEmpty() ? "" : ", value \"" + x.value() + "\"", x.reason()));
        }
        System.out.println();
        System.out.print(StatsCommand.render(Stats.summarise(db.jdbi())));

        System.out.println();
        RegisterLinker.Outcome linked = RegisterLinker.link(db, LinkageConfig.defaults(), "demo",
                (stage, done, total) -> terminal.progress(String.format("linking: %-9s", stage), done, total, ""));
        terminal.done();
        System.out.printf("Linkage: %,d source records are %,d persons (%,d records linked automatically into others); "
                + "%,d pairs await review (nomina review list). The generator made %,d people, of whom %,d appear on at least one list.%n",
                linked.records(), linked.persons(), linked.records() - linked.persons(), linked.reviewPairs(), demo.people(), demo.documented());
        int trueKilled = demo.peopleByStatus().get("killed");
        RegisterHistories.Histories killed = RegisterHistories.load(db, Optional.of("killed"), Optional.empty());
        EstimationOutcome estimate = Estimators.estimate(
                CaptureHistories.fromIndividuals(killed.sources(), killed.people().stream().map(RegisterHistories.PersonHistory::lists).toList()),
                Method.LOGLINEAR, Criterion.BIC, EstimationOptions.defaults());
        System.out.println();
        System.out.println("Estimate of the killed (multiple systems estimation over the four lists):");
        System.out.print(EstimateCommand.describe(estimate, killed.sources()).indent(2));
        System.out.printf("  The generator knows the truth: %,d people were killed.%n", trueKilled);
        showClaims(demo, db, estimate);
        Verifier.Report report = Verifier.verify(db.jdbi());
        System.out.println();
        System.out.println("Ledger: " + report.entries() + " entries, head hash " + report.headHash() + (report.ok() ? " (verifies)" : " (DOES NOT VERIFY)"));
        System.out.println("The demo database is " + db.describe() + "; explore it with: ./nomina --db '" + db.describe() + "' stats");
        if (!noServe) {
            System.out.println("The web application is not part of this version yet; nothing to serve on port " + port + ".");
        }
        return report.ok() ? 0 : 1;
    }

    /** Reads the fictional statements about the case and sets their claims beside the register's counts. */
    private static void showClaims(DemoCase demo, Database db, EstimationOutcome estimate) throws IOException {
        System.out.println();
        System.out.println("Claims: what two fictional statements about the case say, beside the register (nomina claims compare):");
        for (org.nomina.app.demo.StatementWriter.Statement s : org.nomina.app.demo.StatementWriter.write(demo, demo.directory())) {
            var read = new org.nomina.store.claims.ClaimStore(db).store(new org.nomina.store.claims.ClaimRequest(s.file(), s.source(), s.kind(),
                    Optional.of("Nomkənd 1994"), Optional.empty(), Optional.empty(), "demo"));
            System.out.printf("  %s (%s): %d claims%n", s.source(), read.language(), read.claims().size());
        }
        List<org.nomina.engine.claims.ClaimComparison.Estimate> estimates = estimate instanceof EstimationResult r
                ? List.of(new org.nomina.engine.claims.ClaimComparison.Estimate(new org.nomina.engine.claims.ClaimComparison.Key(
                        org.nomina.engine.claims.ClaimCategory.KILLED, Optional.empty()), r.estimate(), r.lower(), r.upper(), "loglinear"))
                : List.of();
        ClaimsCommand.printRows(ClaimsCommand.rows(db, Optional.of("Nomkənd 1994"), estimates, new java.util.ArrayList<>()).stream()
                .filter(r -> !r.claims().isEmpty()).toList());
    }

    /** Empties the demo directory, but only one that an earlier demo made (it holds the marker file). */
    private static void prepare(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new BadInputException(dir + " exists and was not made by nomina demo; choose another --dir");
                    }
                }
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by nomina demo; deleted and remade by each run\n");
    }
}
