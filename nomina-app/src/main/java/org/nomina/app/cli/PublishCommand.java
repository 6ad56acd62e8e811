package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.app.register.Publication;
import org.nomina.app.register.Register;
import org.nomina.app.register.Viewer;
import org.nomina.store.publish.Corrections;
import org.nomina.store.publish.PublicProjection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "What the public memorial and /api/v1/public show: withhold a person, unpublish a source, read the "
                + "corrections families sent. By default only the killed are public, with their names, age or birth year, "
                + "place, date and incident, and the sources by title.",
        subcommands = {PublishCommand.Withhold.class, PublishCommand.Release.class, PublishCommand.Withheld.class, PublishCommand.Source.class,
                PublishCommand.Sources.class, PublishCommand.CorrectionList.class})
final class PublishCommand extends CommandGroup {
    @Override
    String usage() {
        return "say withhold, release, withheld, source, sources or corrections (see nomina publish --help)";
    }

    static Map<String, Object> toJson(PublicProjection.Withheld w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", w.personId());
        m.put("reason", w.reason());
        m.put("withheld_by", w.withheldBy());
        m.put("withheld_at", w.withheldAt().toString());
        return m;
    }

    Publication publication() {
        return register().publication();
    }

    /** The command line as the editor who decides (the ledger names {@code actor}). */
    static Viewer editor(String actor) {
        return Register.commandLine(actor);
    }

    @Command(name = "withhold", mixinStandardHelpOptions = true, description = "Withholds a person from every public page and response (ledgered).")
    static final class Withhold implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Parameters(index = "0", paramLabel = "ID", description = "The person's id")
        long id;

        @Option(names = "--reason", required = true, description = "Why (e.g. \"the family asked\"); kept in the ledger")
        String reason;

        @Mixin
        ActorOption actor;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            PublicProjection.Withheld w = publish.publication().withhold(editor(actor.name()), id, reason);
            report.report(() -> toJson(w), out -> out.line("Person %d is withheld from the memorial and the public API: %s", w.personId(), w.reason()));
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true, description = "Ends a withholding (the person is public again if the rules allow).")
    static final class Release implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Parameters(index = "0", paramLabel = "ID", description = "The person's id")
        long id;

        @Mixin
        ActorOption actor;

        @Mixin
        Output out;

        @Override
        public Integer call() {
            boolean was = publish.publication().release(editor(actor.name()), id);
            out.line(was ? "Person %d is no longer withheld." : "Person %d was not withheld; nothing changed.", id);
            return 0;
        }
    }

    @Command(name = "withheld", mixinStandardHelpOptions = true, description = "Lists the withheld persons, newest first.")
    static final class Withheld implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<PublicProjection.Withheld> all = publish.publication().withheldAll(editor(NominaCommand.actor(null)));
            report.report(() -> Map.of("withheld", all.stream().map(PublishCommand::toJson).toList()),
                    out -> out.table(all, "Nobody is withheld.", "%-8d %s  by %s: %s",
                            w -> new Object[] {w.personId(), w.withheldAt().withNano(0), w.withheldBy(), w.reason()}));
            return 0;
        }
    }

    @Command(name = "source", mixinStandardHelpOptions = true, description = "Publishes or unpublishes a source's records, and sets its public title.")
    static final class Source implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Parameters(index = "0", paramLabel = "NAME", description = "The source's name")
        String name;

        @Option(names = "--published", required = true, arity = "1", paramLabel = "true|false",
                description = "Whether its records may be shown (a person only in unpublished sources is not public)")
        boolean published;

        @Option(names = "--title", defaultValue = "", description = "The title the public sees (default: the source's name)")
        String title;

        @Mixin
        ActorOption actor;

        @Mixin
        Output out;

        @Override
        public Integer call() {
            PublicProjection.SourceSetting s = publish.publication().setSource(editor(actor.name()), name, published, title);
            out.line("Source '%s' is %s%s.", s.source(), s.published() ? "published" : "not published",
                    s.publicTitle().isEmpty() ? "" : ", titled '" + s.publicTitle() + "'");
            return 0;
        }
    }

    @Command(name = "sources", mixinStandardHelpOptions = true, description = "Every source with its publication setting.")
    static final class Sources implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<PublicProjection.SourceSetting> all = publish.publication().sources(editor(NominaCommand.actor(null)));
            report.report(() -> Map.of("sources", all), out -> out.table(all, "", "%-40s %-13s %s",
                    s -> new Object[] {s.source(), s.published() ? "published" : "not published", s.publicTitle()}));
            return 0;
        }
    }

    @Command(name = "corrections", mixinStandardHelpOptions = true,
            description = "The corrections families sent from the memorial, newest first (they hold contact details: not public).")
    static final class CorrectionList implements Callable<Integer> {
        @ParentCommand
        PublishCommand publish;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE})")
        int limit;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<Corrections.Submission> all = publish.publication().corrections(editor(NominaCommand.actor(null)), Math.max(1, limit));
            report.report(() -> Map.of("corrections", all.stream().map(Corrections.Submission::fields).toList()),
                    out -> out.table(all, "No corrections have been sent.", "#%d person %d, %s, %s <%s> [%s]:%n  %s",
                            c -> new Object[] {c.id(), c.personId(), c.submittedAt().withNano(0), c.senderName().isEmpty() ? "(no name)" : c.senderName(),
                                c.senderContact(), c.status(), c.message().replace("\n", "\n  ")}));
            return 0;
        }
    }
}
