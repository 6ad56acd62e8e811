package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.figures.PersonStats;
import org.nomina.store.stats.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Counts persons (after nomina link) by current fate, sex, age group, place and incident; then",
            "source records per source, status, sex, age group and place, and rejected rows."})
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    NominaCommand parent;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Stats.Summary s = parent.register().recordStats();
        Optional<PersonStats> persons = parent.register().personStats();
        report.report(() -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("persons", persons.orElse(null));
            out.putAll(Json.tree(s));
            return out;
        }, out -> out.text(persons.map(StatsCommand::render).orElse("No persons yet: run nomina link to count persons, not rows.\n")
                + System.lineSeparator() + render(s)));
        return 0;
    }

    /** The persons' table as text with bars. */
    static String render(PersonStats p) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d persons (linked from the source records below)%n", p.persons()));
        section(out, "Persons by current fate", p.byFate(), p.persons());
        section(out, "Persons by sex", p.bySex(), p.persons());
        section(out, "Persons by age group at the incident", p.byAgeGroup(), p.persons());
        section(out, "Persons by place (one spelling per place)", p.byPlace(), p.persons());
        if (p.otherPlaces() > 0) {
            out.append(String.format("  %-24s %9s%n", "other places", String.format("%,d", p.otherPlaces())));
        }
        section(out, "Persons by incident", p.byIncident(), p.persons());
        return out.toString();
    }

    /** The summary as text with bars, as people read it in a terminal. */
    static String render(Stats.Summary s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d source records from %,d sources (before linkage: one person may appear in several); %,d rows rejected%n",
                s.records(), s.sources(), s.rejectedRows()));
        out.append("\nBy source\n");
        for (Stats.SourceCount c : s.bySource()) {
            out.append(String.format("  %-34s %9s records %7s rejected  (%d version%s)%n", c.source(), String.format("%,d", c.records()),
                    String.format("%,d", c.rejectedRows()), c.versions(), c.versions() == 1 ? "" : "s"));
        }
        section(out, "By status", s.byStatus(), s.records());
        section(out, "By sex", s.bySex(), s.records());
        section(out, "By age group (age, or incident year minus birth year)", s.byAgeGroup(), s.records());
        section(out, "By place", s.byPlace(), s.records());
        if (s.otherPlaces() > 0) {
            out.append(String.format("  %-24s %9s%n", "other places", String.format("%,d", s.otherPlaces())));
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Long> counts, long total) {
        out.append('\n').append(title).append('\n');
        counts.forEach((k, v) -> {
            int width = total == 0 ? 0 : (int) Math.round(30.0 * v / total);
            out.append(String.format("  %-24s %9s %5.1f%% %s%n", k, String.format("%,d", v), total == 0 ? 0.0 : 100.0 * v / total,
                    "█".repeat(width)));
        });
    }
}
