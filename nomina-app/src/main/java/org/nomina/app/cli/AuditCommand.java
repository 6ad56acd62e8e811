package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.audit.AccessAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Who saw which protected field (id numbers, contact details, witnesses, the living), shown or masked.",
        subcommands = {AuditCommand.ListViews.class})
final class AuditCommand extends CommandGroup {
    @Override
    String usage() {
        return "say list (see nomina audit --help)";
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

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<AccessAudit.View> views = audit.register().auditViews(Math.max(1, limit), Optional.ofNullable(user), Optional.ofNullable(person));
            report.report(() -> Map.of("views", views.stream().map(ListViews::toJson).toList()),
                    out -> out.table(views, "No protected field has been viewed.", "%s  %-16s %-9s person %-8s record %-8s %-22s %s",
                            v -> new Object[] {v.at().withNano(0), v.username(), v.role(), v.personId().map(String::valueOf).orElse("-"),
                                v.recordId().map(String::valueOf).orElse("-"), v.field(), v.shown() ? "shown" : "masked"}));
            return 0;
        }

        private static Map<String, Object> toJson(AccessAudit.View v) {
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
        }
    }
}
