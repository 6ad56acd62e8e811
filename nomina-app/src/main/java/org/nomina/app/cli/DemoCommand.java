package org.nomina.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.nomina.app.demo.DemoCase;
import org.nomina.app.demo.DemoGenerator;
import org.nomina.app.demo.StatementWriter;
import org.nomina.app.demo.TownGenerator;
import org.nomina.app.register.Estimates;
import org.nomina.app.register.Progress;
import org.nomina.app.register.Register;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.EstimationResult;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.BadInputException;
import org.nomina.store.claims.ClaimImportResult;
import org.nomina.store.claims.ClaimRequest;
import org.nomina.store.figures.Figures;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.ImportResult;
import org.nomina.store.verify.Verifier;
import org.nomina.store.linkage.RegisterLinker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    Output out;

    @Override
    public Integer call() throws IOException {
        if (!caseName.equals("town") && !caseName.equals("district")) {
            throw new BadInputException("--case must be town or district, not '" + caseName + "'");
        }
        prepare(dir);
        Terminal terminal = new Terminal(out.err());
        String url = Register.h2Url(dir.resolve("db"));
        boolean verifies;
        try (Register register = Register.openForCommand(url, Register.indexDirectoryFor(url))) {
            verifies = caseName.equals("town") ? town(register, terminal) : district(register, terminal);
        }
        if (!noServe && verifies) {
            return ServeCommand.serveDemo(out, url, Register.indexDirectoryFor(url), port);
        }
        return verifies ? 0 : 1;
    }

    /** Each list's import progress, on a bar of its own. */
    private static Function<ImportRequest, Progress> bars(Terminal terminal) {
        return list -> {
            terminal.done();
            return terminal.bar("importing " + list.source());
        };
    }

    /** Linking's progress, after the imports' bars. */
    private static Progress linking(Terminal terminal) {
        return (stage, done, total) -> terminal.progress(String.format("linking: %-9s", stage), done, total, "");
    }

    /**
     * Imports the demo's lists and links them, then prints a line per list (source and description in columns
     * of the given widths), with its rejected rows when {@code rejects}.
     */
    private Register.Built build(Register register, Terminal terminal, DemoCase demo, List<ImportRequest> lists, int sourceWidth,
                                 int descriptionWidth, boolean rejects) {
        Register.Built built = register.build(lists, "demo", bars(terminal), linking(terminal));
        terminal.done();
        for (int i = 0; i < lists.size(); i++) {
            DemoCase.ListFile list = demo.lists().get(i);
            ImportResult r = built.imports().get(i);
            out.line("  %-" + sourceWidth + "s %-" + descriptionWidth + "s %,6d imported, %d rejected (encoding %s)", list.source(),
                    "(" + list.description() + ")", r.rowsImported(), r.rowsRejected(), r.encoding());
            if (rejects) {
                r.rejects().forEach(x -> out.line("      rejected row %d%s", x.row(), ImportCommand.rejection(x)));
            }
        }
        return built;
    }

    private boolean district(Register register, Terminal terminal) throws IOException {
        out.note("Generating the fictional case in %s …", dir.toAbsolutePath());
        DemoCase demo = new DemoGenerator(new DemoGenerator.Options(people, 4, true, seed)).generate(dir);
        out.line("Nomina demo: the fictional district of Nomkənd, %s people (%s)", String.format("%,d", demo.people()), demo.peopleByStatus());
        out.line("");
        List<ImportRequest> lists = demo.lists().stream().map(list -> new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(),
                Optional.empty(), "demo")).toList();
        Register.Built built = build(register, terminal, demo, lists, 24, 84, true);
        out.line("");
        out.text(StatsCommand.render(register.recordStats()));

        out.line("");
        RegisterLinker.Outcome linked = built.linked();
        out.line("Linkage: %,d source records are %,d persons (%,d records linked automatically into others); "
                + "%,d pairs await review (nomina review list). The generator made %,d people, of whom %,d appear on at least one list.",
                linked.records(), linked.persons(), linked.records() - linked.persons(), linked.reviewPairs(), demo.people(), demo.documented());
        int trueKilled = demo.peopleByStatus().get("killed");
        Estimates.Estimate killed = register.estimate(Optional.of("killed"), Optional.empty(), Estimates.Settings.defaults());
        out.line("");
        out.line("Estimate of the killed (multiple systems estimation over the four lists):");
        out.text(EstimateCommand.describe(killed.outcome(), killed.lists()).indent(2));
        Estimates.Estimate bySex = register.estimate(Optional.of("killed"), Optional.of("sex"), Estimates.Settings.defaults());
        out.line("  The same estimated for women and men separately and pooled (nomina estimate --status killed --by sex):");
        out.text(EstimateCommand.summary(bySex.outcome()).indent(4));
        out.line("  The generator knows the truth: %,d people were killed.", trueKilled);
        showClaims(demo, register, Optional.of(killed.outcome()), "Nomkənd 1994");
        return ledger(register, "stats");
    }

    private boolean town(Register register, Terminal terminal) throws IOException {
        out.note("Generating the fictional town in %s …", dir.toAbsolutePath());
        DemoCase demo;
        try {
            demo = new TownGenerator(new TownGenerator.Options(people, seed)).generate(dir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        register.addIncident(TownGenerator.INCIDENT, Optional.empty(), Optional.of(TownGenerator.INCIDENT_FROM),
                Optional.of(TownGenerator.INCIDENT_TO), Optional.of("Nomkənd"), Optional.of("attack"), "demo");
        out.line("Nomina demo: the fictional town of Nomkənd, %s residents, attacked on 14–15 November 1994 (an invented event)",
                String.format("%,d", demo.people()));
        out.line("");
        List<ImportRequest> lists = demo.lists().stream().map(list -> new ImportRequest(list.file(), list.source(), list.mapping(), Optional.empty(),
                Optional.empty(), "demo", Optional.of(TownGenerator.INCIDENT), Optional.of(TownGenerator.kindOf(list.source())))).toList();
        Register.Built built = build(register, terminal, demo, lists, 26, 90, false);
        RegisterLinker.Outcome linked = built.linked();
        out.line("%nLinkage: %,d source records are %,d persons; %,d pairs await review (nomina review list).%n",
                linked.records(), linked.persons(), linked.reviewPairs());
        Figures.Report figures = register.figures(Optional.of(TownGenerator.INCIDENT), Optional.empty(), Subgroups.DEFAULT);
        out.text(statement(figures, TownGenerator.readTruth(dir)));
        showClaims(demo, register, Optional.empty(), TownGenerator.INCIDENT);
        return ledger(register, "figures --explain killed/children, person show ID, stats");
    }

    /** The ledger's verification and how to explore the demo's register; true when it verifies. */
    private boolean ledger(Register register, String explore) {
        Verifier.Report report = register.verify();
        out.line("");
        out.line("Ledger: %d entries, head hash %s%s", report.entries(), report.headHash(), report.ok() ? " (verifies)" : " (DOES NOT VERIFY)");
        out.line("The demo database is %s; explore it with: ./nomina --db '%s' %s", register.describe(), register.describe(), explore);
        return report.ok();
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
    private void showClaims(DemoCase demo, Register register, Optional<EstimationOutcome> estimate, String incident) throws IOException {
        out.line("");
        out.line("Claims: what two fictional statements about the case say, beside the register (nomina claims compare):");
        for (StatementWriter.Statement s : StatementWriter.write(demo, demo.directory())) {
            ClaimImportResult read = register.claims().read(new ClaimRequest(s.file(), s.source(), s.kind(),
                    Optional.of(incident), Optional.empty(), Optional.empty(), "demo"));
            out.line("  %s (%s): %d claims", s.source(), read.language(), read.claims().size());
        }
        List<ClaimComparison.Estimate> estimates = estimate.orElse(null) instanceof EstimationResult r
                ? List.of(new ClaimComparison.Estimate(new ClaimComparison.Key(ClaimCategory.KILLED, Optional.empty()), r.estimate(), r.lower(),
                        r.upper(), "loglinear"))
                : List.of();
        ClaimsCommand.printRows(out, register.claims().compare(Optional.of(incident), estimates).rows().stream()
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
