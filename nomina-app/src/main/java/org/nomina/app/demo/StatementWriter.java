package org.nomina.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes two fictional texts about the demo's case from the generator's truth, as the sources of an
 * atrocity write them: a remembrance society's statement in English, with exact figures and the dates
 * and unit numbers such statements carry, and a press report in Azerbaijani that rounds its figures.
 * {@code nomina demo} reads both with {@code nomina claims} and sets them beside the register.
 */
public final class StatementWriter {

    /** One text written: the source it stands for and its file. */
    public record Statement(String source, String kind, Path file) {
    }

    private StatementWriter() {
    }

    public static List<Statement> write(DemoCase demo, Path dir) throws IOException {
        Path english = dir.resolve("statement-remembrance-society.txt");
        Files.writeString(english, english(demo), StandardCharsets.UTF_8);
        Path azerbaijani = dir.resolve("press-report-az.txt");
        Files.writeString(azerbaijani, azerbaijani(demo), StandardCharsets.UTF_8);
        return List.of(new Statement("Nomkənd Remembrance Society", "statement", english),
                new Statement("Regional press agency (az)", "media", azerbaijani));
    }

    static String english(DemoCase demo) {
        Map<String, Integer> n = demo.peopleByStatus();
        return """
                Statement of the Nomkənd Remembrance Society (fictional)

                On 14 and 15 November 1994 units of regiment No. 12 attacked the district of Nomkənd, where about %,d people lived.

                In the course of three days %,d people were killed. More than %,d were injured, and %,d residents were taken hostage.
                The fate of %,d people remains unknown.%s

                The society has collected 40 testimonies over 30 years.
                """.formatted(roundDown(demo.people(), 100), n.get("killed"), roundDown(n.get("injured"), 10), n.get("hostage"),
                n.get("missing"), n.getOrDefault("displaced", 0) == 0 ? ""
                        : " %,d persons were expelled from their homes.".formatted(n.get("displaced")));
    }

    static String azerbaijani(DemoCase demo) {
        Map<String, Integer> n = demo.peopleByStatus();
        return """
                Nomkənd rayonunda faciə (uydurma xəbər)

                1994-cü il noyabrın 14-15-də Nomkənd rayonuna hücum zamanı təxminən %d nəfər həlak olub, %d nəfərdən çox sakin yaralanıb.
                %d nəfər girov götürülüb, %d nəfərin taleyi məlum deyil.
                """.formatted(roundNearest(n.get("killed"), 10), roundDown(n.get("injured"), 100), n.get("hostage"), n.get("missing"));
    }

    private static int roundDown(int value, int step) {
        return Math.max(step, value / step * step);
    }

    private static int roundNearest(int value, int step) {
        return Math.max(step, (int) Math.round(value / (double) step) * step);
    }
}
