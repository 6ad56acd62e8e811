package org.nomina.engine.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** Runs of x (Latin or Cyrillic), which typists use to blank a cell out. */
    private static final Pattern CROSSES = Pattern.compile("^[xх×]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Placeholders() {
    }

    /**
     * True when {@code text} says "not known" rather than giving a value: one of the known words, a run of
     * x, or anything without a single letter or digit ({@code -}, {@code ?}, {@code —}, {@code ...}, {@code /}).
     * Blank text is not a placeholder (it is simply empty).
     */
    public static boolean isPlaceholder(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (s.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        String key = WHITESPACE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return WORDS.contains(key) || CROSSES.matcher(key).matches();
    }

    /** {@code text} stripped, or "" when it is a placeholder. */
    public static String orEmpty(String text) {
        return isPlaceholder(text) ? "" : text.strip();
    }
}
