package org.nomina.app.cli;

import java.util.concurrent.Callable;
import org.nomina.store.persons.PersonShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "person", mixinStandardHelpOptions = true, description = "One person of the register.",
        subcommands = PersonCommand.Show.class)
final class PersonCommand implements Runnable {
    @ParentCommand
    NominaCommand parent;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "name a subcommand: person show ID");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"A person's source records side by side, name variants, history per incident with sources,",
                "the current fate and the rule that chose it, and family links."})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        PersonCommand person;

        @Parameters(index = "0", paramLabel = "ID", description = "The person's id (from figures --explain, export persons or review)")
        long id;

        @Option(names = "--json", description = "Print one JSON document on stdout")
        boolean json;

        @Option(names = "--timing", description = "Also load the person five more times and print the median milliseconds to stderr (for bench/figures.sh)")
        boolean timing;

        @Override
        public Integer call() {
            var jdbi = person.parent.database().jdbi();
            PersonShow show = PersonShow.load(jdbi, id);
            if (timing) {
                long[] millis = new long[5];
                for (int i = 0; i < millis.length; i++) {
                    long t = System.nanoTime();
                    PersonShow.load(jdbi, id);
                    millis[i] = (System.nanoTime() - t) / 1_000_000;
                }
                java.util.Arrays.sort(millis);
                System.err.printf("person show %d: %d ms (median of 5 loads after the first; first load and JVM start not counted)%n",
                        id, millis[2]);
            }
            if (json) {
                System.out.println(Json.write(show));
            } else {
                System.out.print(show.render());
            }
            return 0;
        }
    }
}
