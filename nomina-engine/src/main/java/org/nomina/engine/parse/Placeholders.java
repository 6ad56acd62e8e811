package org.nomina.engine.parse;

import java.util.Locale;
import java.util.Set;

/**
 * Values that lists write where they know nothing: {@code N/A}, {@code -}, {@code xxx}, {@code ?},
 * {@code неизвестно}, {@code naməlum}, {@code unknown}, {@code не указано}, {@code —}, {@code ...}.
 * They mean the field is empty; a person named "-" is nobody. Thread-safe.
 */
public final class Placeholders {

    /** Words (lower case, inner spaces single) that stand for "not known" in the region's lists. */
    private static final Set<String> WORDS = Set.of(
            "n/a", "n.a.", "n. a.", "n/k", "n.k.", "none", "null", "nil", "nan", "unknown", "unk", "unk.",
            "not known", "not given", "not stated", "not specified", "no data", "no name", "unnamed", "unidentified",
            "tbd", "blank", "empty",
            "неизвестно", "неизвестен", "неизвестна", "неизвестный", "неизвестная", "неизв.", "неизв", "не известно",
            "не указано", "не указан", "не указана", "не установлено", "не установлен", "не установлена", "нет данных",
            "нет сведений", "н/д", "н/у", "н.д.", "нет", "неопознанный", "неопознанная", "без имени",
            "naməlum", "namelum", "naməlum şəxs", "məlum deyil", "melum deyil", "yoxdur", "məlumat yoxdur", "adsız",
            "անհայտ", "անհայտ է");

    /** Longer than the longest of {@link #WORDS}: no need to look such a value up. */
    private static final int LONGEST_WORD = 24;

    private Placeholders() {
    }

    /**
     * True when {@code text} says "not known" rather than giving a value: one of the known words, a run of
     * x, or anything without a single letter or digit ({@code -}, {@code ?}, {@code —}, {@code ...}, {@code /}).
     * Blank text is not a placeholder (it is simply empty).
     */
    public static boolean isPlaceholder(String text) {
        // Called for every cell of every row: a plain scan first, and the lower-casing and look-up only for
        // values short enough to be a placeholder word (a stream and a regex per cell cost 3% of an import).
        boolean letterOrDigit = false;
        for (int i = 0; i < text.length() && !letterOrDigit; i++) {
            char c = text.charAt(i);
            letterOrDigit = Character.isLetterOrDigit(c) || Character.isSurrogate(c);
        }
        if (!letterOrDigit) {
            return !text.isBlank();
        }
        String s = text.strip();
        if (crosses(s)) {
            return true;
        }
        return s.length() <= LONGEST_WORD && WORDS.contains(singleSpaced(s.toLowerCase(Locale.ROOT)));
    }

    /**
     * {@code s} with each run of whitespace (as the regex {@code \\s}: space, tab, line breaks, vertical tab, form
     * feed) made one space. By hand: the regex's matcher per short cell was a tenth of the import's reading thread
     * (JFR, a million rows), and almost no cell needs a change, so such a cell is returned as it is.
     */
    public static String singleSpaced(String s) {
        StringBuilder out = null;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (out == null && space && (c != ' ' || inRun)) {
                out = new StringBuilder(s.length()).append(s, 0, inRun ? i - 1 : i);
                inRun = false;
            }
            if (out != null) {
                if (!space) {
                    out.append(c);
                } else if (!inRun) {
                    out.append(' ');
                }
            }
            inRun = space;
        }
        return out == null ? s : out.toString();
    }

    /** A run of x (Latin or Cyrillic, either case) or ×, which typists use to blank a cell out. */
    private static boolean crosses(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("xXхХ×".indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** {@code text} stripped, or "" when it is a placeholder. */
    public static String orEmpty(String text) {
        return isPlaceholder(text) ? "" : text.strip();
    }
}
