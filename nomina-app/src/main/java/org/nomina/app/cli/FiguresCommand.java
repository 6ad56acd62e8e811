package org.nomina.app.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.fates.Subgroups;
import org.nomina.engine.parse.DateParser;
import org.nomina.engine.parse.ValueParseException;
import org.nomina.app.register.Register;
import org.nomina.store.BadInputException;
import org.nomina.store.figures.Explanation;
import org.nomina.store.figures.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "figures", mixinStandardHelpOptions = true,
        description = {"Counts persons (not source rows) in every category a statement gives:",
            "killed, injured, hostage, released, missing, displaced, families destroyed,",
            "orphans — with children, women, men and elderly, the persons or families",
            "behind each count, and those whose age or sex is unknown. Run link first."})
final class FiguresCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Option(names = "--incident", paramLabel = "NAME", description = "Count this incident and its sub-incidents (default: the whole register)")
    String incident;

    @Option(names = "--as-of", paramLabel = "DATE", description = "The figures as the sources known by this date stated them")
    String asOf;

    @Option(names = "--child-under", defaultValue = "18", paramLabel = "AGE", description = "Children are under this age at the incident (default: ${DEFAULT-VALUE})")
    int childUnder;

    @Option(names = "--elderly-from", defaultValue = "60", paramLabel = "AGE", description = "The elderly are this age or over (default: ${DEFAULT-VALUE})")
    int elderlyFrom;

    @Option(names = "--explain", paramLabel = "CATEGORY[/SUBGROUP]", description = "List the persons (or families) behind one figure, with their source records")
    String explain;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Subgroups subgroups;
        try {
            subgroups = new Subgroups(childUnder, elderlyFrom);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--child-under/--elderly-from: " + e.getMessage());
        }
        Optional<PartialDate> date = Optional.ofNullable(asOf).map(FiguresCommand::date);
        Register register = parent.register();
        long started = System.nanoTime();
        Figures.Report figures = register.figures(Optional.ofNullable(incident), date, subgroups);
        report.note("figures: %,d persons counted in %.2f s from %s", figures.persons(), (System.nanoTime() - started) / 1e9, figures.basis());
        if (explain != null) {
            Figures.Figure f = figures.figure(explain).orElseThrow(() -> new BadInputException("--explain '" + explain
                    + "': no such figure; categories: " + String.join(", ", Register.FIGURE_CATEGORIES) + ", subgroups: "
                    + String.join(", ", Subgroups.NAMES) + " (e.g. killed/children)"));
            Explanation e = register.explain(f);
            report.report(() -> e, out -> out.text(e.render()));
            return 0;
        }
        report.report(() -> toJson(figures), out -> out.text(render(figures)));
        return 0;
    }

    private static PartialDate date(String text) {
        try {
            return DateParser.auto().parse(text).orElseThrow(() -> new BadInputException("--as-of needs a date, e.g. 1992-03-01"));
        } catch (ValueParseException e) {
            throw new BadInputException("--as-of '" + text + "': " + e.getMessage(), e);
        }
    }

    static Map<String, Object> toJson(Figures.Report r) {
        return org.nomina.app.register.FiguresDocument.of(r);
    }

    static String render(Figures.Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Figures for %s%s, from %,d linked persons%n", r.incident(),
                r.asOf().map(d -> " as the sources stated them by " + d).orElse(""), r.persons()));
        out.append(String.format("Children are under %s, the elderly %s or over (--child-under, --elderly-from).%n%n",
                r.definitions().get("child_under"), r.definitions().get("elderly_from")));
        for (Figures.Figure f : r.figures()) {
            String label = f.subgroup().map(s -> "  " + s).orElse(f.category().replace('_', ' '));
            out.append(String.format("  %-28s %9s%s%n", label, String.format("%,d", f.count()),
                    f.unknown() == 0 ? "" : String.format("   (%,d of unknown age or sex)", f.unknown())));
        }
        out.append("\nnomina figures --explain CATEGORY[/SUBGROUP] lists the persons behind a figure; --json gives their ids.\n");
        return out.toString();
    }
}
