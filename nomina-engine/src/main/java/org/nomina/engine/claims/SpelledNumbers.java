package org.nomina.engine.claims;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads numbers written in words, in every grammatical form, for one language.
 *
 * <p>ICU4J's {@link RuleBasedNumberFormat} spell-out rules are the source of the words, but not ICU's
 * parser. Measured with ICU 76.1, its {@code parse} reads English ("six hundred and thirteen" → 613)
 * yet also tries the year rules ("twenty four" → 2004); it stops part-way through most Russian oblique
 * forms ("шестидесяти трёх" → 60, "тысяча двести семьдесят пять" → 1200), fails on Azerbaijani
 * compounds ("min iki yüz yetmiş beş", "altmış üç" → nothing) and on most Armenian ("վեց հարյուր
 * տասներեք" → 6, "տասնմեկ" → 10), and knows neither Russian collective numerals (двое, пятерых) nor
 * полтора/полутора. So ICU's <em>formatting</em> teaches each word its value instead: every number from
 * 0 to 1,000 and one to nine thousands and millions, formatted with every cardinal rule set of the locale
 * (Russian has 24: three genders and the plural in six cases), gives the words; those that follow another
 * number word in such formats ("hundred", "yüz", "тысяч", "հազար") multiply; and the words are added up
 * here, as a run whose parts get smaller ("шестьсот тринадцать", "six hundred and thirteen"). The Russian
 * words no ICU rule set has are listed below by hand.
 *
 * <p>Thread-safe once built; {@link #of} builds each language once.
 */
final class SpelledNumbers {

    private static final Map<ClaimLanguage, SpelledNumbers> BUILT = new EnumMap<>(ClaimLanguage.class);

    private final ClaimLanguage language;
    private final Map<String, Double> values = new HashMap<>();
    private final Map<String, Double> multipliers = new HashMap<>();


    private SpelledNumbers(ClaimLanguage language) {
        this.language = language;
        RuleBasedNumberFormat icu = new RuleBasedNumberFormat(new ULocale(language.code()), RuleBasedNumberFormat.SPELLOUT);
        for (String ruleSet : icu.getRuleSetNames()) {
            if (!ruleSet.startsWith("%spellout-cardinal") && !ruleSet.equals("%spellout-numbering")) {
                continue;
            }
            for (int n = 0; n <= 1000; n++) {
                learn(icu.format(n, ruleSet), n);
            }
            for (long power : new long[] {1_000, 1_000_000}) {
                for (long k = 1; k <= 9; k++) {
                    learn(icu.format(k * power, ruleSet), k * power);
                }
            }
        }
        if (language == ClaimLanguage.RU) {
            // Collective numerals ("пятеро погибших", "семерых детей") and "полтора": no ICU rule set has them.
            String[][] collective = {
                {"двое", "двоих", "двоим", "двоими"}, {"трое", "троих", "троим", "троими"},
                {"четверо", "четверых", "четверым", "четверыми"}, {"пятеро", "пятерых", "пятерым", "пятерыми"},
                {"шестеро", "шестерых", "шестерым", "шестерыми"}, {"семеро", "семерых", "семерым", "семерыми"},
                {"восьмеро", "восьмерых", "восьмерым"}, {"девятеро", "девятерых", "девятерым"}, {"десятеро", "десятерых", "десятерым"}};
            for (int i = 0; i < collective.length; i++) {
                for (String w : collective[i]) {
                    values.put(w, i + 2.0);
                }
            }
            for (String w : List.of("полтора", "полторы", "полутора")) {
                values.put(w, 1.5);
            }
            values.put("полсотни", 50.0);
            values.put("полтысячи", 500.0);
            for (String w : List.of("тыс", "тыс.")) {
                multipliers.put(w, 1000.0);
            }
            multipliers.put("млн", 1_000_000.0);
        }
        if (language == ClaimLanguage.HY) {
            // ICU 76.1 spells 90 "իննասուն"; Armenian texts write "իննսուն" (and "իննսուներկու" for 92).
            for (Map.Entry<String, Double> e : List.copyOf(values.entrySet())) {
                if (e.getKey().contains("իննասուն")) {
                    values.putIfAbsent(e.getKey().replace("իննասուն", "իննսուն"), e.getValue());
                }
            }
        }
        if (language == ClaimLanguage.EN) {
            values.put("a", 1.0); // "a hundred", "a thousand": only counts before a multiplier (see read)
            values.put("dozen", 12.0);
        }
        values.remove("");
    }

    static synchronized SpelledNumbers of(ClaimLanguage language) {
        return BUILT.computeIfAbsent(language, SpelledNumbers::new);
    }

    private void learn(String formatted, long value) {
        // Armenian writes compounds with a soft hyphen ("վաթսուն­երեք"): people write them joined or apart.
        String[] joined = Words.fold(formatted).split("[\\s\\-]+");
        String[] apart = Words.fold(formatted.replace('\u00AD', ' ')).split("[\\s\\-]+");
        for (String[] tokens : new String[][] {joined, apart}) {
            if (tokens.length == 1) {
                values.putIfAbsent(tokens[0], (double) value);
            } else {
                long base = value % 1_000_000 == 0 ? 1_000_000 : value % 1000 == 0 ? 1000 : value % 100 == 0 && value < 1000 ? 100 : 0;
                if (base > 0 && value / base <= 9) {
                    multipliers.putIfAbsent(tokens[tokens.length - 1], (double) base);
                }
            }
        }
    }

    /** True when the folded word is a number word (or a multiplier) in this language. */
    boolean isNumberWord(String folded) {
        return values.containsKey(folded) || multipliers.containsKey(folded);
    }

    boolean isMultiplier(String folded) {
        return multipliers.containsKey(folded);
    }

    /** The value of one folded word alone, if it is a number word. */
    OptionalDouble valueOf(String folded) {
        Double v = values.get(folded);
        if (v == null) {
            v = multipliers.get(folded);
        }
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Reads the longest number at the start of {@code words} (folded). Returns how many words it took and
     * the value, or empty when the first word starts no number.
     */
    Optional<Reading> read(List<String> words) {
        double total = 0;
        double current = 0;
        double smallestPower = Double.MAX_VALUE;
        int used = 0;
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean nextIsNumber = i + 1 < words.size() && values.containsKey(words.get(i + 1));
            if (w.equals("and") && any && nextIsNumber && (current == 0 || current % 100 == 0)) {
                continue; // "six hundred and thirteen", "one thousand and five"
            }
            Double multiplier = multipliers.get(w);
            if (multiplier != null && (any || !values.containsKey(w))) {
                if (!any && language == ClaimLanguage.EN) {
                    break; // English says "a thousand", never "thousand" alone
                }
                if (multiplier == 100) {
                    if (current >= 100) {
                        break;
                    }
                    current = (current == 0 ? 1 : current) * 100;
                } else {
                    if (current >= 1000 || multiplier >= smallestPower) {
                        break;
                    }
                    total += (current == 0 ? 1 : current) * multiplier;
                    smallestPower = multiplier;
                    current = 0;
                }
                any = true;
                used = i + 1;
                continue;
            }
            Double v = values.get(w);
            if (v == null) {
                break;
            }
            if (w.equals("a") && !(i + 1 < words.size() && (multipliers.containsKey(words.get(i + 1)) || words.get(i + 1).equals("dozen")))) {
                break;
            }
            if (w.equals("dozen")) {
                current = (current == 0 ? 1 : current) * 12;
                any = true;
                used = i + 1;
                continue;
            }
            if (any && current > 0) {
                double room = current == Math.floor(current) ? Math.pow(10, trailingZeros((long) current)) : 0;
                if (v >= room) {
                    break;
                }
            }
            current += v;
            any = true;
            used = i + 1;
        }
        double value = total + current;
        if (!any || value != Math.floor(value) || words.get(used - 1).equals("a")) {
            return Optional.empty();
        }
        return Optional.of(new Reading(used, (long) value));
    }

    private static int trailingZeros(long n) {
        int zeros = 0;
        while (n != 0 && n % 10 == 0) {
            zeros++;
            n /= 10;
        }
        return zeros;
    }

    /** A number read from words: how many words it took and its value. */
    record Reading(int words, long value) {
    }
}
