package org.nomina.engine.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's own test texts: fictional statements under {@code src/test/resources/claims/}, each
 * {@code NAME.txt} beside {@code NAME.expected}, which lists the claims a careful reader takes from it,
 * one a line: {@code id | category | subgroup | count or low-high | qualifier | parent id | incident | quote},
 * and optionally {@code duplicates_skipped = N}. The language is the name's prefix ({@code en-}, {@code ru-} …).
 */
final class ClaimTexts {

    static final Path DIRECTORY = Path.of("src/test/resources/claims");

    record Text(String name, ClaimLanguage language, String content, List<String> expected, int duplicatesSkipped) {
    }

    private ClaimTexts() {
    }

    static List<Text> all(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Text> out = new ArrayList<>();
            for (Path txt : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
                Path expected = txt.resolveSibling(name + ".expected");
                ClaimLanguage language = ClaimLanguage.fromCode(name.substring(0, 2))
                        .orElseThrow(() -> new IllegalStateException(txt + ": the name must start with en-, ru-, az- or hy-"));
                List<String> lines = new ArrayList<>();
                int duplicates = 0;
                for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("duplicates_skipped = ")) {
                        duplicates = Integer.parseInt(line.substring("duplicates_skipped = ".length()).strip());
                    } else {
                        lines.add(line.strip());
                    }
                }
                out.add(new Text(name, language, Files.readString(txt, StandardCharsets.UTF_8), lines, duplicates));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A claim as a line of an expected file. */
    static String line(Claim c) {
        String number = c.qualifier() == Qualifier.RANGE ? c.low().getAsLong() + "-" + c.high().getAsLong()
                : c.count().isPresent() ? Long.toString(c.count().getAsLong()) : "-";
        return String.join(" | ", Integer.toString(c.id()), c.category().label(), c.subgroup().map(Subgroup::label).orElse("-"), number,
                c.qualifier().label(), c.parent().isPresent() ? Integer.toString(c.parent().getAsInt()) : "-", c.incident(), c.quote());
    }

    /**
     * A claim's reading without its id, with its parent named by the parent's own reading: what precision
     * and recall compare, so that one claim missed does not make every later id differ.
     */
    static List<String> readings(List<String> lines) {
        List<String[]> parts = lines.stream().map(l -> l.split(" \\| ", 8)).toList();
        List<String> out = new ArrayList<>();
        for (String[] p : parts) {
            String parent = "-";
            if (!p[5].equals("-")) {
                parent = parts.stream().filter(q -> q[0].equals(p[5])).findFirst()
                        .map(q -> q[1] + "/" + q[2] + "/" + q[3]).orElse("?");
            }
            out.add(String.join(" | ", p[1], p[2], p[3], p[4], parent, p[6]));
        }
        return out;
    }

    static ClaimExtraction extract(Text text) {
        return ClaimExtractor.extract(text.content(), Optional.of(text.language()), ClaimExtractor.MAIN_INCIDENT);
    }
}
