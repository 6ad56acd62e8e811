package org.nomina.engine.claims;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of claim extraction over the project's test texts, per language and overall:
 * the texts the extractor was developed on ({@code claims/}) and the held-out texts it was never tuned
 * on ({@code claims/heldout/}, expected claims written by hand before the extractor read them).
 * A claim counts as found when category, subgroup, numbers, qualifier, the figure it breaks down and
 * whether it is about the text's own event or another all agree. Run by {@code bench/claims.sh}.
 */
public final class ClaimsBenchmark {

    private ClaimsBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "nomina-engine/src/test/resources/claims");
        report("texts the extractor was developed on", ClaimTexts.all(root));
        report("held-out texts (never tuned on)", ClaimTexts.all(root.resolve("heldout")));
    }

    private static void report(String title, List<ClaimTexts.Text> texts) {
        Map<String, int[]> byLanguage = new TreeMap<>(); // found, extracted, expected
        List<String> misses = new ArrayList<>();
        for (ClaimTexts.Text text : texts) {
            List<String> expected = withoutIncidentLabel(ClaimTexts.readings(text.expected()));
            List<String> extracted = withoutIncidentLabel(ClaimTexts.readings(
                    ClaimTexts.extract(text).claims().stream().map(ClaimTexts::line).toList()));
            Map<String, Integer> left = new HashMap<>();
            expected.forEach(e -> left.merge(e, 1, Integer::sum));
            int found = 0;
            for (String x : extracted) {
                if (left.getOrDefault(x, 0) > 0) {
                    left.merge(x, -1, Integer::sum);
                    found++;
                } else {
                    misses.add(text.name() + ": read but not expected: " + x);
                }
            }
            left.forEach((e, n) -> {
                for (int i = 0; i < n; i++) {
                    misses.add(text.name() + ": expected but not read: " + e);
                }
            });
            for (String key : List.of(text.language().code(), "all")) {
                int[] counts = byLanguage.computeIfAbsent(key, k -> new int[3]);
                counts[0] += found;
                counts[1] += extracted.size();
                counts[2] += expected.size();
            }
        }
        System.out.printf("%s: %d texts%n", title, texts.size());
        System.out.printf("  %-4s %9s %9s %9s %9s%n", "lang", "expected", "extracted", "precision", "recall");
        byLanguage.forEach((language, c) -> System.out.printf("  %-4s %9d %9d %9.3f %9.3f%n", language, c[2], c[1],
                c[1] == 0 ? 0.0 : (double) c[0] / c[1], c[2] == 0 ? 0.0 : (double) c[0] / c[2]));
        misses.forEach(m -> System.out.println("  " + m));
    }

    /** Event labels are free text; what must agree is whether a figure is about the text's own event. */
    private static List<String> withoutIncidentLabel(List<String> readings) {
        return readings.stream().map(r -> {
            int last = r.lastIndexOf(" | ");
            String incident = r.substring(last + 3);
            return r.substring(0, last) + " | " + (incident.equals(ClaimExtractor.MAIN_INCIDENT) ? "own event" : "another event");
        }).toList();
    }
}
