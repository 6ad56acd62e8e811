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
import org.nomina.app.demo.TownGenerator;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.figures.Figures;
import org.nomina.store.incidents.Incidents;
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
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.store.linkage.RegisterHistories;
import org.nomina.store.linkage.RegisterLinker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generates the fictional demo case — by default the invented town of Nomkənd: about 3,000 residents",
            "by household, and the lists of the killed, injured, hostages taken and released and the still missing,",
            "in different schemas, scripts and encodings — imports it into its own fresh database under",
            "./nomina-demo/ (never yours), links it into persons and prints its figures beside the generator's",
            "truth. --case district gives the earlier district case with its estimate of the undocumented killed."})
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

    @Option(names = "--case", defaultValue = "town", paramLabel = "town|district", description = "Which fictional case (default: ${DEFAULT-VALUE})")
    String caseName;

    @Override
    public Integer call() throws IOException {
        if (!caseName.equals("town") && !caseName.equals("district")) {
            throw new BadInputException("--case must be town or district, not '" + caseName + "'");
        }
        prepare(dir);
        Terminal terminal = new Terminal(System.err);
        if (caseName.equals("town")) {
            return town(terminal);
        }
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
                EstimateCommand.DEFAULT_METHOD, Criterion.BIC, EstimationOptions.defaults());
        System.out.println();
        System.out.println("Estimate of the killed (multiple systems estimation over the four lists):");
        System.out.print(EstimateCommand.describe(estimate, killed.sources()).indent(2));
        RegisterHistories.Histories bySex = RegisterHistories.load(db, Optional.of("killed"), Optional.of("sex"));
        EstimationOutcome stratified = Estimators.estimateByStratum(CaptureHistories.byStratum(bySex.sources(), bySex.people(),
                RegisterHistories.PersonHistory::stratum, RegisterHistories.PersonHistory::lists), EstimateCommand.DEFAULT_METHOD, Criterion.BIC,
                EstimationOptions.defaults());
        System.out.println("  The same estimated for women and men separately and pooled (nomina estimate --status killed --by sex):");
        System.out.print(EstimateCommand.summary(stratified).indent(4));
        System.out.printf("  The generator knows the truth: %,d people were killed.%n", trueKilled);
        showClaims(demo, db, Optional.of(estimate), "Nomkənd 1994");
        Verifier.Report report = Verifier.verify(db.jdbi());
        System.out.println();
        System.out.println("Ledger: " + report.entries() + " entries, head hash " + report.headHash() + (report.ok() ? " (verifies)" : " (DOES NOT VERIFY)"));
        System.out.println("The demo database is " + db.describe() + "; explore it with: ./nomina --db '" + db.describe() + "' stats");
        if (!noServe && report.ok()) {
            String url = Database.h2Url(dir.resolve("db"));
            return ServeCommand.serveDemo(url, org.nomina.app.register.Register.indexDirectoryFor(url), port);
        }
        return report.ok() ? 0 : 1;
    }

    private int town(Terminal terminal) throws IOException {
        System.err.println("Generating the fictional town in " + dir.toAbsolutePath() + " …");
        DemoCase demo;
        try {
            demo = new TownGenerator(new TownGenerator.Options(people, seed)).generate(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        Database db = Database.open(Database.h2Url(dir.resolve("db")));
        Incidents.add(db.jdbi(), TownGenerator.INCIDENT, Optional.empty(), Optional.of(TownGenerator.INCIDENT_FROM),
                Optional.of(TownGenerator.INCIDENT_TO), Optional.of("Nomkənd"), Optional.of("attack"), "demo");
        System.out.println("Nomina demo: the fictional town of Nomkənd, " + String.format("%,d", demo.people())
                + " residents, attacked on 14–15 November 1994 (an invented event)");
        System.out.println();
        Importer importer = new Importer(db);
        for (DemoCase.ListFile list : demo.lists()) {
            ImportResult r = importer.importFile(new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(),
                    Optional.empty(), "demo", Optional.of(TownGenerator.INCIDENT), Optional.of(TownGenerator.kindOf(list.source()))),
                    (rows, bytes, total) -> terminal.progress("importing " + list.source(), bytes, total, String.format("%,d rows", rows)));
            terminal.done();
            System.out.printf("  %-26s %-90s %,6d imported, %d rejected (encoding %s)%n", list.source(), "(" + list.description() + ")",
                    r.rowsImported(), r.rowsRejected(), r.encoding());
        }
        RegisterLinker.Outcome linked = RegisterLinker.link(db, LinkageConfig.defaults(), "demo",
                (stage, done, total) -> terminal.progress(String.format("linking: %-9s", stage), done, total, ""));
        terminal.done();
        System.out.printf("%nLinkage: %,d source records are %,d persons; %,d pairs await review (nomina review list).%n%n",
                linked.records(), linked.persons(), linked.reviewPairs());
        Figures.Report figures = Figures.compute(db.jdbi(), Optional.of(TownGenerator.INCIDENT), Optional.empty(), Subgroups.DEFAULT);
        System.out.print(statement(figures, TownGenerator.readTruth(dir)));
        showClaims(demo, db, Optional.empty(), TownGenerator.INCIDENT);
        Verifier.Report report = Verifier.verify(db.jdbi());
        System.out.println();
        System.out.println("Ledger: " + report.entries() + " entries, head hash " + report.headHash() + (report.ok() ? " (verifies)" : " (DOES NOT VERIFY)"));
        System.out.println("The demo database is " + db.describe() + "; explore it with: ./nomina --db '" + db.describe()
                + "' figures --explain killed/children, person show ID, stats");
        if (!noServe && report.ok()) {
            String url = Database.h2Url(dir.resolve("db"));
            return ServeCommand.serveDemo(url, org.nomina.app.register.Register.indexDirectoryFor(url), port);
        }
        return report.ok() ? 0 : 1;
    }

    /** The figures as an anniversary statement gives them, each beside the generator's truth. */
    static String statement(Figures.Report r, java.util.Map<String, Integer> truth) {
        java.util.Map<String, Long> c = r.counts();
        StringBuilder out = new StringBuilder();
        out.append(String.format("A statement the register can stand behind, figure by figure (the generator's truth in brackets):%n"));
        out.append(String.format("  a town of %,d [%,d]; %,d killed [%,d], among them %,d children [%,d], %,d women [%,d] and %,d elderly [%,d];%n",
                c.get("population"), truth.get("population"), c.get("killed"), truth.get("killed"), c.get("killed/children"),
                truth.get("killed/children"), c.get("killed/women"), truth.get("killed/women"), c.get("killed/elderly"), truth.get("killed/elderly")));
        out.append(String.format("  %,d injured [%,d]; %,d taken hostage [%,d], %,d released [%,d], of whom the fate of %,d [%,d], including%n",
                c.get("injured"), truth.get("injured"), c.get("hostage"), truth.get("hostage"), c.get("released"), truth.get("released"),
                c.get("missing"), truth.get("missing")));
        out.append(String.format("  %,d women [%,d] and %,d children [%,d], is still unknown; %,d families completely destroyed [%,d];%n",
                c.get("missing/women"), truth.get("missing/women"), c.get("missing/children"), truth.get("missing/children"),
                c.get("families_destroyed"), truth.get("families_destroyed")));
        out.append(String.format("  %,d children who lost one parent [%,d] and %,d who lost both [%,d].%n",
                c.get("orphaned_one_parent"), truth.get("orphaned_one_parent"), c.get("orphaned_both_parents"), truth.get("orphaned_both_parents")));
        if (c.get("fate_in_conflict") > 0) {
            out.append(String.format("  %,d persons' fates are in conflict between sources (nomina figures --explain fate_in_conflict).%n",
                    c.get("fate_in_conflict")));
        }
        return out.toString();
    }

    /** Reads the fictional statements about the case and sets their claims beside the register's counts. */
    private static void showClaims(DemoCase demo, Database db, Optional<EstimationOutcome> estimate, String incident) throws IOException {
        System.out.println();
        System.out.println("Claims: what two fictional statements about the case say, beside the register (nomina claims compare):");
        for (org.nomina.app.demo.StatementWriter.Statement s : org.nomina.app.demo.StatementWriter.write(demo, demo.directory())) {
            var read = new org.nomina.store.claims.ClaimStore(db).store(new org.nomina.store.claims.ClaimRequest(s.file(), s.source(), s.kind(),
                    Optional.of(incident), Optional.empty(), Optional.empty(), "demo"));
            System.out.printf("  %s (%s): %d claims%n", s.source(), read.language(), read.claims().size());
        }
        List<org.nomina.engine.claims.ClaimComparison.Estimate> estimates = estimate.orElse(null) instanceof EstimationResult r
                ? List.of(new org.nomina.engine.claims.ClaimComparison.Estimate(new org.nomina.engine.claims.ClaimComparison.Key(
                        org.nomina.engine.claims.ClaimCategory.KILLED, Optional.empty()), r.estimate(), r.lower(), r.upper(), "loglinear"))
                : List.of();
        ClaimsCommand.printRows(org.nomina.app.register.ClaimsDocument.compare(db, Optional.of(incident), estimates, new java.util.ArrayList<>()).stream()
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
