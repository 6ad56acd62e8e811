package org.nomina.engine.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One token of a sentence: a word, a number written in digits, or one punctuation character, with its
 * offsets in the whole text.
 *
 * @param value for a number: its value ({@code 1,275}, {@code 1 275} and {@code 1.275} are 1275;
 *              {@code 1,5} is 1.5); NaN for other tokens
 * @param grouped for a number: written with thousands separators
 */
record Token(Type type, String raw, String folded, int start, int end, double value, boolean grouped) {

    enum Type { WORD, NUMBER, PUNCT }

    // Thousands groups: 1,275 / 1.275 / 1 275 (also no-break and thin spaces); else digits with a decimal part.
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\d])(?<grouped>\\d{1,3}(?:[,.\\u00A0\\u202F\\u2009 ]\\d{3})+)(?![\\d])"
            + "|(?<plain>\\d+(?:[.,]\\d+)?)"
            + "|(?<word>[\\p{L}\\p{M}\\u00AD'’ʼ]+)"
            + "|(?<punct>\\S)");

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    boolean isPunct() {
        return type == Type.PUNCT;
    }

    /** True when this token follows {@code previous} with nothing between them. */
    boolean touches(Token previous) {
        return previous.end == start;
    }

    static List<Token> tokenize(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        while (m.find()) {
            String raw = m.group();
            if (m.group("grouped") != null) {
                out.add(new Token(Type.NUMBER, raw, raw, m.start(), m.end(), Double.parseDouble(raw.replaceAll("[^0-9]", "")), true));
            } else if (m.group("plain") != null) {
                out.add(new Token(Type.NUMBER, raw, raw, m.start(), m.end(), Double.parseDouble(raw.replace(',', '.')), false));
            } else if (m.group("word") != null) {
                out.add(new Token(Type.WORD, raw, Words.fold(raw), m.start(), m.end(), Double.NaN, false));
            } else {
                out.add(new Token(Type.PUNCT, raw, raw, m.start(), m.end(), Double.NaN, false));
            }
        }
        return out;
    }
}
