package org.nomina.engine.linkage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.nomina.engine.names.JaroWinkler;

/**
 * Measures the engine's hand-written Jaro–Winkler and its former bounded Levenshtein ({@link ReferenceLevenshtein},
 * which the engine replaced by commons-text's) against commons-text's on the same pairs ({@link NamePairs}):
 * nanoseconds per pair for each, and on how many pairs they disagree — in value, and on which side of each
 * threshold the linker uses (0.92, 0.88, 0.80, 0.70) a pair falls; Levenshtein bounded at 2 on identity numbers
 * and at 1 ("one typo apart") on names.
 * Run with {@code bench/jarowinkler.sh [people]}.
 */
public final class StringSimilarityBenchmark {

    private static final double[] THRESHOLDS = {0.92, 0.88, 0.80, 0.70};
    private static final int ROUNDS = 15;

    private StringSimilarityBenchmark() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<NamePairs.Pair> names = NamePairs.names(people, 20240917L);
        System.out.printf(Locale.ROOT, "Jaro–Winkler on %,d name, given-name and place pairs of %,d fictional people%n",
                names.size(), people);
        JaroWinklerSimilarity library = new JaroWinklerSimilarity();
        printTimes("JaroWinkler", "JaroWinklerSimilarity", nanosPerPair(names,
                p -> JaroWinkler.similarity(p.left(), p.right()), p -> library.apply(p.left(), p.right())));
        int differ = 0;
        double largest = 0;
        NamePairs.Pair example = null;
        int[] sides = new int[THRESHOLDS.length];
        for (NamePairs.Pair pair : names) {
            double a = JaroWinkler.similarity(pair.left(), pair.right());
            double b = library.apply(pair.left(), pair.right());
            if (Math.abs(a - b) > 1e-12) {
                differ++;
                if (Math.abs(a - b) > largest) {
                    largest = Math.abs(a - b);
                    example = pair;
                }
            }
            for (int t = 0; t < THRESHOLDS.length; t++) {
                if ((a >= THRESHOLDS[t]) != (b >= THRESHOLDS[t])) {
                    sides[t]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  values differ on %,d pairs (largest difference %.4f%s)%n", differ, largest,
                example == null ? "" : ", e.g. '" + example.left() + "' / '" + example.right() + "': ours "
                        + fmt(JaroWinkler.similarity(example.left(), example.right())) + ", commons-text "
                        + fmt(library.apply(example.left(), example.right())));
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf(Locale.ROOT, "  pairs on different sides of %.2f: %,d%n", THRESHOLDS[t], sides[t]);
        }

        List<NamePairs.Pair> ids = NamePairs.idNumbers(names.size(), 20240917L);
        levenshtein(ids, 2, "identity-number pairs");
        // The clustering's "one typo apart" test on names.
        levenshtein(names, 1, "name pairs");
    }

    /** Times the former bounded Levenshtein against commons-text's at {@code bound} and counts where they disagree. */
    private static void levenshtein(List<NamePairs.Pair> pairs, int bound, String what) {
        System.out.printf(Locale.ROOT, "Levenshtein bounded at %d on %,d %s%n", bound, pairs.size(), what);
        LevenshteinDistance bounded = new LevenshteinDistance(bound);
        printTimes("former boundedLevenshtein", "LevenshteinDistance(" + bound + ")", nanosPerPair(pairs,
                p -> ReferenceLevenshtein.distance(p.left(), p.right(), bound), p -> bounded.apply(p.left(), p.right())));
        int disagree = 0;
        for (NamePairs.Pair pair : pairs) {
            int theirs = bounded.apply(pair.left(), pair.right());
            if (ReferenceLevenshtein.distance(pair.left(), pair.right(), bound) != (theirs < 0 ? bound + 1 : theirs)) {
                disagree++;
            }
        }
        System.out.printf(Locale.ROOT, "  pairs where the distances (0 … %d or over %d) disagree: %,d%n", bound, bound, disagree);
    }

    private static void printTimes(String ours, String theirs, double[] nanos) {
        System.out.printf(Locale.ROOT, "  nomina %s: %.1f ns/pair; commons-text %s: %.1f ns/pair (%.2f× ours)%n",
                ours, nanos[0], theirs, nanos[1], nanos[1] / nanos[0]);
    }

    /** commons-text's -1 ("over the threshold") as the engine's bound + 1. */
    static int levelOf(int commonsDistance) {
        return commonsDistance < 0 ? 3 : commonsDistance;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * Median nanoseconds per pair of each of two measures over {@value #ROUNDS} rounds, the rounds of the two
     * interleaved so that a machine whose load changes meanwhile slows both alike (the first rounds warm the JIT).
     */
    private static double[] nanosPerPair(List<NamePairs.Pair> pairs, ToDoubleFunction<NamePairs.Pair> ours,
                                         ToDoubleFunction<NamePairs.Pair> theirs) {
        double[][] rounds = new double[2][ROUNDS];
        List<ToDoubleFunction<NamePairs.Pair>> measures = List.of(ours, theirs);
        double sink = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (int m = 0; m < 2; m++) {
                ToDoubleFunction<NamePairs.Pair> measure = measures.get((r + m) % 2);
                long start = System.nanoTime();
                for (NamePairs.Pair pair : pairs) {
                    sink += measure.applyAsDouble(pair);
                }
                rounds[(r + m) % 2][r] = (System.nanoTime() - start) / (double) pairs.size();
            }
        }
        if (sink == Double.MIN_VALUE) {
            System.out.println(sink);
        }
        Arrays.sort(rounds[0]);
        Arrays.sort(rounds[1]);
        return new double[] {rounds[0][ROUNDS / 2], rounds[1][ROUNDS / 2]};
    }
}
