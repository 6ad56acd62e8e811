package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.incidents.Incidents.Incident;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "incident", mixinStandardHelpOptions = true,
        description = {"The incidents records belong to. Incidents nest (a war, a siege in it, one night's attack in that);",
            "a figure for an incident counts its sub-incidents too."},
        subcommands = {IncidentCommand.Add.class, IncidentCommand.ListIncidents.class})
final class IncidentCommand extends CommandGroup {
    @Override
    String usage() {
        return "name a subcommand: incident add NAME, or incident list";
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an incident.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        IncidentCommand incident;

        @Parameters(index = "0", paramLabel = "NAME", description = "The incident's name, e.g. \"Night attack on Nomkənd\"")
        String name;

        @Option(names = "--parent", paramLabel = "NAME", description = "The incident this one is part of")
        String parentName;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (ISO, 25.02.1992, 1992 …); ages are counted at it")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day")
        String to;

        @Option(names = "--place", paramLabel = "PLACE", description = "Where it happened; residents' lists of this place give its population")
        String place;

        @Option(names = "--kind", paramLabel = "KIND", description = "attack, siege, massacre, shelling, deportation, war, detention or other")
        String kind;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            Incident i = incident.register().addIncident(name, Optional.ofNullable(parentName), Optional.ofNullable(from),
                    Optional.ofNullable(to), Optional.ofNullable(place), Optional.ofNullable(kind), actor.name());
            report.report(() -> toJson(i), out -> out.line("Added incident %d: %s", i.id(), i.name()));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the incidents, each under the one it is part of.")
    static final class ListIncidents implements Callable<Integer> {
        @ParentCommand
        IncidentCommand incident;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<Incident> all = incident.register().incidents();
            report.report(() -> Map.of("incidents", all.stream().map(IncidentCommand::toJson).toList()), out -> {
                if (all.isEmpty()) {
                    out.line("No incidents yet: every record belongs to the register's default incident. Add one with nomina incident add NAME.");
                }
                print(out, all, Optional.empty(), 0);
            });
            return 0;
        }

        private static void print(Output out, List<Incident> all, Optional<Long> parent, int depth) {
            for (Incident i : all) {
                if (i.parentId().equals(parent)) {
                    out.line("%s%d  %s%s%s%s", "  ".repeat(depth), i.id(), i.name(),
                            i.dateFrom().isEmpty() ? "" : "  " + i.dateFrom() + (i.dateTo().isEmpty() ? "" : " – " + i.dateTo()),
                            i.place().isEmpty() ? "" : "  " + i.place(), i.kind().isEmpty() ? "" : "  (" + i.kind() + ")");
                    print(out, all, Optional.of(i.id()), depth + 1);
                }
            }
        }
    }

    static Map<String, Object> toJson(Incident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("name", i.name());
        m.put("parent_id", i.parentId().orElse(null));
        m.put("from", i.dateFrom());
        m.put("to", i.dateTo());
        m.put("place", i.place());
        m.put("kind", i.kind());
        return m;
    }
}
