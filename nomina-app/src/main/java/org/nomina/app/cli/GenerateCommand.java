package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nomina.app.demo.DemoCase;
import org.nomina.app.demo.DemoGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes the fictional demo case's lists (and their mappings and the truth file) to DIR without",
            "importing them; for benchmarks and trying imports by hand. All people and places are invented."})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--people", defaultValue = "3000", description = "Population size (default: ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--lists", defaultValue = "4", description = "4 or 5 lists (default: ${DEFAULT-VALUE})")
    int lists;

    @Option(names = "--no-xlsx", description = "Write the families' committee list as CSV instead of .xlsx (faster for millions)")
    boolean noXlsx;

    @Option(names = "--seed", defaultValue = "1994", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--place-noise", defaultValue = "0.04", paramLabel = "SHARE",
            description = "Share of testimonies and press reports that name another village than the other lists "
                    + "(default: ${DEFAULT-VALUE})")
    double placeNoise;

    @Option(names = "--hard", description = {"Lists as hard as real ones: Azerbaijani and Armenian communities written in each "
            + "other's lists, Zipf-distributed names, towns of 20,000 and villages of 50, one village full of Məmməd Məmmədov, a "
            + "Windows-1251 list with UTF-8 rows pasted in, ALL-CAPS romanisation, free-text testimonies, an Armenian-script "
            + "list (the fifth), nicknames, placeholders, ages as ranges and words (see README)"})
    boolean hard;

    @Override
    public Integer call() {
        DemoGenerator.Options options;
        try {
            options = new DemoGenerator.Options(people, lists, !noXlsx, seed, placeNoise, hard);
        } catch (IllegalArgumentException e) {
            throw new org.nomina.store.BadInputException(e.getMessage());
        }
        DemoCase demo = new DemoGenerator(options).generate(dir);
        for (DemoCase.ListFile list : demo.lists()) {
            System.out.printf("%-24s %,9d rows  %s%s%n", list.source(), list.rows(), list.file(),
                    list.mapping().map(m -> "  (mapping " + m + ")").orElse(""));
        }
        System.out.printf("truth: %s (%,d people: %s)%n", demo.truth(), demo.people(), demo.peopleByStatus());
        return 0;
    }
}
