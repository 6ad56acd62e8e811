package org.nomina.engine.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a text into sentences: after {@code . ! ? ։ …} followed by a space and a capital letter or a
 * digit, and at blank lines. ICU's sentence breaks (UAX #29) do not break before a digit ("…were
 * murdered. 487 were injured" is one sentence to ICU), and statements start sentences with figures all
 * the time, so the rule is written here; abbreviations that end in a full stop before a number
 * ("No. 366", "г. Шуша") do not end a sentence.
 */
final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of("no", "nr", "st", "mr", "mrs", "dr", "vs", "approx", "incl", "e.g", "i.e",
            "г", "гг", "тыс", "им", "ул", "с", "д", "чел", "т", "н", "см", "р", "пос", "обл", "св", "ok", "ок", "etc", "jan", "feb", "aug",
            "sept", "oct", "nov", "dec", "թ", "էջ", "ш", "sh", "kv", "küç", "ap");

    private Sentences() {
    }

    /** The sentences as [start, end) offsets, in order, covering every non-blank part of the text. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int breakAt = -1;
            if (c == '\n') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '\n' && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < n && text.charAt(j) == '\n') {
                    breakAt = j;
                }
            } else if (".!?։…".indexOf(c) >= 0) {
                int j = i + 1;
                while (j < n && "\"'»”’)]".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                int k = j;
                while (k < n && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                boolean spaced = k > j || j >= n;
                boolean nextStarts = k >= n || Character.isUpperCase(text.charAt(k)) || Character.isDigit(text.charAt(k))
                        || "\"'«“(".indexOf(text.charAt(k)) >= 0;
                if (spaced && nextStarts && !(c == '.' && abbreviationBefore(text, i))) {
                    breakAt = j;
                }
            }
            if (breakAt > start) {
                add(text, out, start, breakAt);
                start = breakAt;
                i = Math.max(i, breakAt - 1);
            }
        }
        add(text, out, start, n);
        return out;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot).toLowerCase(java.util.Locale.ROOT);
        return word.length() == 1 && Character.isUpperCase(text.charAt(b)) || ABBREVIATIONS.contains(word);
    }

    private static void add(String text, List<int[]> out, int start, int end) {
        if (!text.substring(start, end).isBlank()) {
            out.add(new int[] {start, end});
        }
    }
}
