package org.nomina.engine.linkage;

/**
 * The engine's hand-written bounded Levenshtein before it used commons-text's (two rows of the dynamic
 * programme, stopping once a row's minimum exceeds the bound), kept as the reference that the benchmark
 * ({@code bench/jarowinkler.sh}) times commons-text against and that {@code StringSimilarityLibraryTest}
 * checks it agrees with.
 */
final class ReferenceLevenshtein {

    private ReferenceLevenshtein() {
    }

    /** Levenshtein distance, or {@code bound + 1} as soon as it must exceed the bound. */
    static int distance(String left, String right, int bound) {
        int n = left.length();
        int m = right.length();
        if (Math.abs(n - m) > bound) {
            return bound + 1;
        }
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = current[0];
            char c = left.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = c == right.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > bound) {
                return bound + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[m], bound + 1);
    }
}
