package org.nomina.store.imports;

/**
 * Guesses the delimiter of a text table from its first lines: the candidate ({@code , ; tab |}) that
 * appears, outside quotes, the same number of times on most lines as on the header wins; among those,
 * the one that splits the header into the most columns. A file with none of them is one column wide.
 */
final class DelimiterDetector {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_LINES = 50;

    private DelimiterDetector() {
    }

    static char detect(String sample) {
        String[] lines = sample.split("\r\n|\r|\n");
        int usable = Math.min(lines.length, MAX_LINES);
        // The last line of the sample may be cut short.
        if (lines.length > 1 && usable == lines.length) {
            usable = Math.max(1, usable - (sample.endsWith("\n") || sample.endsWith("\r") ? 0 : 1));
        }
        char best = ',';
        double bestScore = -1;
        for (char c : CANDIDATES) {
            int headerCount = count(lines[0], c);
            if (headerCount == 0) {
                continue;
            }
            int agreeing = 0;
            int nonEmpty = 0;
            for (int i = 1; i < usable; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                nonEmpty++;
                if (count(lines[i], c) == headerCount) {
                    agreeing++;
                }
            }
            double consistency = nonEmpty == 0 ? 1.0 : (double) agreeing / nonEmpty;
            double score = consistency * 1000 + headerCount;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static int count(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
