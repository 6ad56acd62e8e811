package org.nomina.engine.claims;

import java.util.Locale;

/** The one way claims code folds a word before looking it up: lower case, ё as е, no soft hyphens. */
final class Words {
    private Words() {
    }

    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("i\u0307", "i");
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case '\u00AD', '\u200B', '\u200C', '\u200D' -> { }
                case 'ё' -> out.append('е');
                case '’', 'ʼ', '`' -> out.append('\'');
                case 'և' -> out.append("եւ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
