package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.app.register.Register;
import org.nomina.store.linkage.ReviewQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The pairs the model could not decide, and decisions on them.",
        subcommands = {ReviewCommand.ListPairs.class, ReviewCommand.Decide.class})
final class ReviewCommand extends CommandGroup {
    @Override
    String usage() {
        return "say list or decide (see nomina review --help)";
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Pairs in the review band, most probable first, with per-field weights.")
    static final class ListPairs implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many pairs (default: ${DEFAULT-VALUE})")
        int limit;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            List<ReviewQueue.Pending> pending = review.register().pendingPairs(limit);
            int total = review.register().pendingPairs();
            report.report(() -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pending", total);
                out.put("pairs", pending);
                return out;
            }, out -> print(out, pending, total));
            return 0;
        }

        private static void print(Output out, List<ReviewQueue.Pending> pending, int total) {
            out.out().printf("%,d pairs await review%s.%n", total, total > pending.size() ? " (showing " + pending.size() + ")" : "");
            for (ReviewQueue.Pending p : pending) {
                out.out().printf("%nprobability %.3f, weight %+.1f%n", p.probability(), p.matchWeight());
                out.out().printf("  A %-8d %-22s %-14s %-36s %-11s %-5s %-16s %s%n", p.a().key(), p.a().source(), p.a().recordId(),
                        p.a().fullName(), p.a().birth(), p.a().age(), p.a().place(), p.a().statusWord());
                out.out().printf("  B %-8d %-22s %-14s %-36s %-11s %-5s %-16s %s%n", p.b().key(), p.b().source(), p.b().recordId(),
                        p.b().fullName(), p.b().birth(), p.b().age(), p.b().place(), p.b().statusWord());
                StringBuilder w = new StringBuilder("    ");
                for (Object c : p.contributions()) {
                    if (c instanceof Map<?, ?> m) {
                        w.append(String.format("%s=%s(%+.1f) ", m.get("field"), m.get("level"), ((Number) m.get("weight")).doubleValue()));
                    }
                }
                out.out().println(w);
            }
            if (!pending.isEmpty()) {
                out.out().println("\nDecide with: nomina review decide A_KEY B_KEY same|different|unsure [--note TEXT]");
            }
            out.out().flush();
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = {"Records a reviewer's decision on two records (keys from review list, or SOURCE:RECORD_ID).",
                "It is kept in the ledger and honoured by every later nomina link."})
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Parameters(index = "0", paramLabel = "RECORD_A")
        String a;

        @Parameters(index = "1", paramLabel = "RECORD_B")
        String b;

        @Parameters(index = "2", paramLabel = "DECISION", description = "same, different or unsure")
        String verdict;

        @Option(names = "--note", defaultValue = "", description = "Why")
        String note;

        @Option(names = "--reviewer", description = "Who decides (default: the login name)")
        String reviewer;

        @Mixin
        ReportOptions report;

        @Override
        public Integer call() {
            ReviewQueue.Decided d = review.register().decide(Register.commandLine(NominaCommand.actor(reviewer)), a, b, verdict, note);
            report.report(() -> d, out -> out.line("Recorded: records %d and %d are %s (reviewer %s). Run nomina link to apply it.",
                    d.recordA(), d.recordB(), switch (d.verdict()) {
                        case SAME -> "the same person";
                        case DIFFERENT -> "different people";
                        case UNSURE -> "undecided";
                    }, d.reviewer()));
            return 0;
        }
    }
}
