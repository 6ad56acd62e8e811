package org.nomina.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.store.linkage.ReviewQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The pairs the model could not decide, and decisions on them.",
        subcommands = {ReviewCommand.ListPairs.class, ReviewCommand.Decide.class})
final class ReviewCommand implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say list or decide (see nomina review --help)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Pairs in the review band, most probable first, with per-field weights.")
    static final class ListPairs implements Callable<Integer> {
        @ParentCommand
        ReviewCommand review;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many pairs (default: ${DEFAULT-VALUE})")
        int limit;

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Override
        public Integer call() {
            var db = review.parent.database();
            List<ReviewQueue.Pending> pending = ReviewQueue.pending(db, limit);
            int total = ReviewQueue.pendingCount(db);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pending", total);
                out.put("pairs", pending);
                System.out.println(Json.write(out));
                return 0;
            }
            System.out.printf("%,d pairs await review%s.%n", total, total > pending.size() ? " (showing " + pending.size() + ")" : "");
            for (ReviewQueue.Pending p : pending) {
                System.out.printf("%nprobability %.3f, weight %+.1f%n", p.probability(), p.matchWeight());
                System.out.printf("  A %-8d %-22s %-14s %-36s %-11s %-5s %-16s %s%n", p.a().key(), p.a().source(), p.a().recordId(),
                        p.a().fullName(), p.a().birth(), p.a().age(), p.a().place(), p.a().statusWord());
                System.out.printf("  B %-8d %-22s %-14s %-36s %-11s %-5s %-16s %s%n", p.b().key(), p.b().source(), p.b().recordId(),
                        p.b().fullName(), p.b().birth(), p.b().age(), p.b().place(), p.b().statusWord());
                StringBuilder w = new StringBuilder("    ");
                for (Object c : p.contributions()) {
                    if (c instanceof Map<?, ?> m) {
                        w.append(String.format("%s=%s(%+.1f) ", m.get("field"), m.get("level"), ((Number) m.get("weight")).doubleValue()));
                    }
                }
                System.out.println(w);
            }
            if (!pending.isEmpty()) {
                System.out.println("\nDecide with: nomina review decide A_KEY B_KEY same|different|unsure [--note TEXT]");
            }
            return 0;
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

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Override
        public Integer call() {
            ReviewQueue.Decided d = ReviewQueue.decide(review.parent.database(), a, b, ReviewQueue.verdict(verdict),
                    Optional.ofNullable(reviewer).orElse(System.getProperty("user.name", "unknown")), note);
            if (json) {
                System.out.println(Json.write(d));
            } else {
                System.out.printf("Recorded: records %d and %d are %s (reviewer %s). Run nomina link to apply it.%n", d.recordA(), d.recordB(),
                        switch (d.verdict()) {
                            case SAME -> "the same person";
                            case DIFFERENT -> "different people";
                            case UNSURE -> "undecided";
                        }, d.reviewer());
            }
            return 0;
        }
    }
}
