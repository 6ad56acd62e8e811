package org.nomina.engine.claims;

import java.util.Locale;
import java.util.Optional;

/** The languages claims are read in. */
public enum ClaimLanguage {
    EN, RU, AZ, HY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<ClaimLanguage> fromCode(String code) {
        for (ClaimLanguage l : values()) {
            if (l.code().equalsIgnoreCase(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Guesses the language from its letters: Armenian script is Armenian; Cyrillic is Russian (an
     * Azerbaijani text in Cyrillic is also read with the Russian words, which is what such texts mostly
     * are); Latin with ə, ğ, ı or ş is Azerbaijani; other Latin text is English.
     */
    public static ClaimLanguage guess(String text) {
        long armenian = 0;
        long cyrillic = 0;
        long latin = 0;
        long azerbaijani = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.ARMENIAN) {
                armenian++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
                if ("əƏğĞıİşŞ".indexOf(c) >= 0) {
                    azerbaijani++;
                }
            }
        }
        if (armenian >= cyrillic && armenian >= latin && armenian > 0) {
            return HY;
        }
        if (cyrillic >= latin && cyrillic > 0) {
            return RU;
        }
        return azerbaijani * 100 >= latin && azerbaijani > 0 ? AZ : EN;
    }
}
