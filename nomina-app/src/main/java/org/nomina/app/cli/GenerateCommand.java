package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nomina.app.demo.DemoCase;
import org.nomina.app.demo.DemoGenerator;
import org.nomina.app.demo.TownGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--case", defaultValue = "district", paramLabel = "district|town",
            description = {"district: the district's victims on four or five lists (default);",
                "town: a town's residents by household, and its lists of the killed, injured, hostages taken and released,",
                "and the still missing, with truth_figures.csv (every figure's truth) beside truth.csv"})
    String caseName;

    @Mixin
    Output out;

    @Override
    public Integer call() {
        DemoCase demo;
        try {
            demo = switch (caseName) {
                case "district" -> new DemoGenerator(new DemoGenerator.Options(people, lists, !noXlsx, seed, placeNoise, hard)).generate(dir);
                case "town" -> new TownGenerator(new TownGenerator.Options(people, seed)).generate(dir);
                default -> throw new org.nomina.store.BadInputException("--case must be district or town, not '" + caseName + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new org.nomina.store.BadInputException(e.getMessage());
        }
        for (DemoCase.ListFile list : demo.lists()) {
            out.line("%-24s %,9d rows  %s%s", list.source(), list.rows(), list.file(),
                    list.mapping().map(m -> "  (mapping " + m + ")").orElse(""));
        }
        out.line("truth: %s (%,d people: %s)", demo.truth(), demo.people(), demo.peopleByStatus());
        return 0;
    }
}
