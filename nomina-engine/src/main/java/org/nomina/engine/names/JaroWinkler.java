package org.nomina.engine.names;

/**
 * Jaro–Winkler similarity, written here because commons-text is not a dependency of the engine.
 *
 * <p>Allocation-free for strings up to 64 characters: the "already matched" flags of both strings live in
 * two {@code long} bit sets instead of boolean arrays. Names longer than 64 characters (rare: a whole
 * address) fall back to arrays. The comparison stage calls this tens of millions of times on a
 * 1,000,000-record run, so avoiding two arrays per call matters (the garbage dominated the profile).
 * Thread-safe: no state.
 */
public final class JaroWinkler {

    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private JaroWinkler() {
    }

    /** Similarity in [0, 1]; 1 for equal strings, 0 when either is empty and they differ. */
    public static double similarity(String left, String right) {
        if (left.equals(right)) {
            return 1.0;
        }
        int leftLength = left.length();
        int rightLength = right.length();
        if (leftLength == 0 || rightLength == 0) {
            return 0.0;
        }
        double jaro = leftLength <= 64 && rightLength <= 64
                ? jaroWithBits(left, right)
                : jaroWithArrays(left, right);
        if (jaro == 0.0) {
            return 0.0;
        }
        int prefix = 0;
        int prefixLimit = Math.min(MAX_PREFIX, Math.min(leftLength, rightLength));
        while (prefix < prefixLimit && left.charAt(prefix) == right.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
    }

    private static double jaroWithBits(String left, String right) {
        int leftLength = left.length();
        int rightLength = right.length();
        int window = Math.max(0, Math.max(leftLength, rightLength) / 2 - 1);
        long leftMatched = 0L;
        long rightMatched = 0L;
        int matches = 0;
        for (int i = 0; i < leftLength; i++) {
            char c = left.charAt(i);
            int from = Math.max(0, i - window);
            int to = Math.min(rightLength - 1, i + window);
            for (int j = from; j <= to; j++) {
                if ((rightMatched & (1L << j)) == 0 && right.charAt(j) == c) {
                    leftMatched |= 1L << i;
                    rightMatched |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < leftLength; i++) {
            if ((leftMatched & (1L << i)) != 0) {
                while ((rightMatched & (1L << j)) == 0) {
                    j++;
                }
                if (left.charAt(i) != right.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return combine(matches, transpositions, leftLength, rightLength);
    }

    private static double jaroWithArrays(String left, String right) {
        int leftLength = left.length();
        int rightLength = right.length();
        int window = Math.max(0, Math.max(leftLength, rightLength) / 2 - 1);
        boolean[] leftMatched = new boolean[leftLength];
        boolean[] rightMatched = new boolean[rightLength];
        int matches = 0;
        for (int i = 0; i < leftLength; i++) {
            char c = left.charAt(i);
            int to = Math.min(rightLength - 1, i + window);
            for (int j = Math.max(0, i - window); j <= to; j++) {
                if (!rightMatched[j] && right.charAt(j) == c) {
                    leftMatched[i] = true;
                    rightMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int j = 0;
        for (int i = 0; i < leftLength; i++) {
            if (leftMatched[i]) {
                while (!rightMatched[j]) {
                    j++;
                }
                if (left.charAt(i) != right.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return combine(matches, transpositions, leftLength, rightLength);
    }

    private static double combine(int matches, int transpositions, int leftLength, int rightLength) {
        double m = matches;
        return (m / leftLength + m / rightLength + (m - transpositions / 2.0) / m) / 3.0;
    }
}
