package org.nomina.engine.names;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phonetic keys for blocking (never for scoring): Double Metaphone and Beider–Morse from commons-codec,
 * computed on the folded form of a name so that Гусейн/Hüseyn meet before the encoders see them.
 *
 * <p>Beider–Morse uses {@link PhoneticEngine} directly (the encoder bean is documented as not
 * thread-safe), {@link NameType#GENERIC} and {@link RuleType#APPROX}, and yields several alternatives per
 * name, each a block key. It costs tens of microseconds per name, hence the cache. Thread-safe.
 */
public final class PhoneticKeys {

    private static final int METAPHONE_LENGTH = 6;
    private static final int MAX_BEIDER_MORSE_KEYS = 4;

    private final DoubleMetaphone metaphone = new DoubleMetaphone();
    private final PhoneticEngine beiderMorse = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true, 20);
    private final Map<String, String> metaphoneCache = new ConcurrentHashMap<>();
    private final Map<String, List<String>> beiderMorseCache = new ConcurrentHashMap<>();

    public PhoneticKeys() {
        metaphone.setMaxCodeLen(METAPHONE_LENGTH);
    }

    /** Primary Double Metaphone code of a folded name; "" for "". */
    public String metaphone(String folded) {
        if (folded.isEmpty()) {
            return "";
        }
        return metaphoneCache.computeIfAbsent(folded, name -> {
            String code = metaphone.doubleMetaphone(name);
            return code == null || code.isEmpty() ? name : code;
        });
    }

    /** Up to four Beider–Morse alternatives of a folded name (the first ones, which are the likeliest). */
    public List<String> beiderMorse(String folded) {
        if (folded.isEmpty()) {
            return List.of();
        }
        return beiderMorseCache.computeIfAbsent(folded, name -> {
            String[] codes = beiderMorse.encode(name).split("\\|");
            return List.of(codes).subList(0, Math.min(codes.length, MAX_BEIDER_MORSE_KEYS));
        });
    }
}
