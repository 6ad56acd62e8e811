package org.nomina.app.cli;

import java.util.concurrent.Callable;
import org.nomina.app.register.Register;
import org.nomina.store.persons.PersonShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "person", mixinStandardHelpOptions = true, description = "One person of the register.",
        subcommands = PersonCommand.Show.class)
final class PersonCommand extends CommandGroup {
    @Override
    String usage() {
        return "name a subcommand: person show ID";
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"A person's source records side by side, name variants, history per incident with sources,",
                "the current fate and the rule that chose it, and family links."})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        PersonCommand person;

        @Parameters(index = "0", paramLabel = "ID", description = "The person's id (from figures --explain, export persons or review)")
        long id;

        @Mixin
        ReportOptions report;

        @Option(names = "--timing", description = "Also load the person five more times and print the median milliseconds to stderr (for bench/figures.sh)")
        boolean timing;

        @Override
        public Integer call() {
            Register register = person.register();
            PersonShow show = register.show(id);
            if (timing) {
                long[] millis = new long[5];
                for (int i = 0; i < millis.length; i++) {
                    long t = System.nanoTime();
                    register.show(id);
                    millis[i] = (System.nanoTime() - t) / 1_000_000;
                }
                java.util.Arrays.sort(millis);
                report.note("person show %d: %d ms (median of 5 loads after the first; first load and JVM start not counted)", id, millis[2]);
            }
            report.report(() -> show, out -> out.text(show.render()));
            return 0;
        }
    }
}
