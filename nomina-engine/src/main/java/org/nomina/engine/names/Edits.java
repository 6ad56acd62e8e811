package org.nomina.engine.names;

/** Edit distance at its smallest: whether two strings differ by at most one typing error. */
public final class Edits {

    private Edits() {
    }

    /**
     * Whether two strings are at most one edit apart: one letter substituted, inserted or deleted, or two
     * adjacent letters swapped. Sharing a one-letter deletion alone allows two edits (abc, bcd share bc).
     */
    public static boolean withinOne(String x, String y) {
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        if (longer.length() - shorter.length() > 1) {
            return false;
        }
        int first = 0;
        while (first < shorter.length() && shorter.charAt(first) == longer.charAt(first)) {
            first++;
        }
        if (first == shorter.length()) {
            return true;
        }
        if (shorter.length() < longer.length()) {
            return shorter.regionMatches(first, longer, first + 1, shorter.length() - first);
        }
        return shorter.regionMatches(first + 1, longer, first + 1, shorter.length() - first - 1)
                || (first + 1 < shorter.length() && shorter.charAt(first) == longer.charAt(first + 1)
                && shorter.charAt(first + 1) == longer.charAt(first)
                && shorter.regionMatches(first + 2, longer, first + 2, shorter.length() - first - 2));
    }
}
