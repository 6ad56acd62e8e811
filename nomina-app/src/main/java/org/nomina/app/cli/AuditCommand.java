package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.audit.AccessAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Who saw which protected field (id numbers, contact details, witnesses, the living), shown or masked.",
        subcommands = {AuditCommand.ListViews.class})
final class AuditCommand implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say list (see nomina audit --help)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest views of protected fields first.")
    static final class ListViews implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many views (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--user", description = "Only this user's views")
        String user;

        @Option(names = "--person", description = "Only views of this person")
        Long person;

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Override
        public Integer call() {
            List<AccessAudit.View> views = new AccessAudit(audit.parent.database()).list(Math.max(1, limit), Optional.ofNullable(user),
                    Optional.ofNullable(person));
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("views", views.stream().map(v -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("at", v.at().toString());
                    m.put("username", v.username());
                    m.put("role", v.role());
                    m.put("person_id", v.personId().orElse(null));
                    m.put("record_key", v.recordId().orElse(null));
                    m.put("field", v.field());
                    m.put("shown", v.shown());
                    m.put("path", v.path());
                    return m;
                }).toList());
                System.out.println(Json.write(out));
                return 0;
            }
            if (views.isEmpty()) {
                System.out.println("No protected field has been viewed.");
            }
            for (AccessAudit.View v : views) {
                System.out.printf("%s  %-16s %-9s person %-8s record %-8s %-22s %s%n", v.at().withNano(0), v.username(), v.role(),
                        v.personId().map(String::valueOf).orElse("-"), v.recordId().map(String::valueOf).orElse("-"), v.field(),
                        v.shown() ? "shown" : "masked");
            }
            return 0;
        }
    }
}
