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

        @Override
        public Integer call() {
            PersonShow show = PersonShow.load(person.parent.database().jdbi(), id);
            if (json) {
                System.out.println(Json.write(show));
            } else {
                System.out.print(show.render());
            }
            return 0;
        }
    }
}
