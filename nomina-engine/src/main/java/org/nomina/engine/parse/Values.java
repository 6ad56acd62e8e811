package org.nomina.engine.parse;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Relation;

/**
 * The words lists use for sex and status in English, Russian and Azerbaijani, and ages as they are
 * written ("40", "about 40", "40 лет", "40 yaş", "30-40", "forty", "сорок"). A mapping's own
 * {@code values:} take precedence.
 */
public final class Values {

    /**
     * An age in years, or a range of years as lists write it ("30-40"), and whether the source qualified it
     * as approximate. A single age has {@code low == high}.
     */
    public record Age(int low, int high, boolean approx) {
        public Age {
            if (low < 0 || high > MAX_AGE || high < low) {
                throw new IllegalArgumentException("age " + low + "–" + high + " is not a range within 0–" + MAX_AGE);
            }
        }

        /** One age in years, not a range. */
        public Age(int years, boolean approx) {
            this(years, years, approx);
        }

        public boolean isRange() {
            return high > low;
        }

        /** The age, or the middle of the range (rounded down). */
        public int years() {
            return (low + high) / 2;
        }

        @Override
        public String toString() {
            return isRange() ? low + "-" + high : String.valueOf(low);
        }
    }

    private static final int MAX_AGE = 130;

    private static final Pattern APPROX = Pattern.compile(
            "^(?:approximately|approx\\.?|about|around|circa|ca\\.?|c\\.|~|около|ок\\.?|примерно|приблизительно|təxminən|təx\\.?"
                    + "|təqribən|մոտավորապես|մոտ)\\s*");
    private static final Pattern UNIT = Pattern.compile(
            "\\s*(?:years?(?: old)?|yrs?\\.?|y\\.?o\\.?|лет|года?|г\\.?|yaş|yaşında|yaşlı|yaşı|տարեկան|տ\\.)$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final Pattern RANGE = Pattern.compile(
            "^(?:between |от |from )?(\\d{1,3})\\s*(?:-|–|—|to|and|до|и|ilə)\\s*(\\d{1,3})$");
    private static final Pattern ENGLISH_TENS_SPACE = Pattern.compile(
            "\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) (one|two|three|four|five|six|seven|eight|nine)\\b");
    /** Number words are read with these languages' ICU spellout rules, in this order. */
    private static final ULocale[] NUMBER_WORD_LOCALES = {ULocale.ENGLISH, new ULocale("ru"), new ULocale("az"), new ULocale("hy")};
    /** RuleBasedNumberFormat is not thread-safe: one set per thread. */
    private static final ThreadLocal<RuleBasedNumberFormat[]> SPELLOUT = ThreadLocal.withInitial(() -> {
        RuleBasedNumberFormat[] formats = new RuleBasedNumberFormat[NUMBER_WORD_LOCALES.length];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = new RuleBasedNumberFormat(NUMBER_WORD_LOCALES[i], RuleBasedNumberFormat.SPELLOUT);
        }
        return formats;
    });

    private static final Map<String, Sex> SEX_WORDS = new HashMap<>();
    private static final Map<String, Status> STATUS_WORDS = new HashMap<>();

    static {
        for (String w : new String[] {"m", "male", "man", "boy", "м", "муж", "муж.", "мужской", "мужчина", "kişi", "kisi", "oğlan", "erkek",
            "արական", "ար", "տղամարդ"}) {
            SEX_WORDS.put(w, Sex.MALE);
        }
        for (String w : new String[] {"f", "female", "woman", "girl", "ж", "жен", "жен.", "женский", "женщина", "qadın", "qadin", "qız", "qiz", "w",
            "իգական", "իգ", "կին"}) {
            SEX_WORDS.put(w, Sex.FEMALE);
        }
        for (String w : new String[] {"u", "unknown", "?", "-", "неизв.", "неизвестно", "naməlum", "namelum", "անհայտ"}) {
            SEX_WORDS.put(w, Sex.UNKNOWN);
        }
        put(Status.KILLED, "killed", "dead", "died", "deceased", "murdered", "executed", "погиб", "погибла", "погибший", "погибшая",
                "убит", "убита", "убитый", "умер", "умерла", "расстрелян", "расстреляна", "həlak olub", "həlak oldu", "həlak",
                "öldürülüb", "öldürüldü", "şəhid", "şəhid olub", "ölüb");
        put(Status.INJURED, "injured", "wounded", "ранен", "ранена", "раненый", "раненая", "yaralı", "yaralanıb", "yaralandı");
        put(Status.MISSING, "missing", "disappeared", "пропал без вести", "пропала без вести", "пропавший", "без вести пропавший",
                "itkin", "itkin düşüb", "itkin düşmüş");
        put(Status.HOSTAGE, "hostage", "detained", "captured", "captive", "taken hostage", "prisoner", "заложник", "заложница",
                "в плену", "пленный", "пленная", "взят в заложники", "взята в заложники", "girov", "girov götürülüb", "əsir", "əsir götürülüb");
        put(Status.DISPLACED, "displaced", "expelled", "refugee", "idp", "беженец", "беженка", "вынужденный переселенец", "выселен",
                "köçkün", "qaçqın", "məcburi köçkün");
        put(Status.RELEASED, "released", "freed", "exchanged", "found alive", "returned", "liberated", "освобожден", "освобождён",
                "освобождена", "освобожденный", "освобождённый", "обменян", "обменяна", "найден живым", "найдена живой", "вернулся",
                "вернулась", "azad edilib", "azad olunub", "azad edildi", "əsirlikdən qayıdıb", "dəyişdirilib", "sağ tapılıb",
                "ազատ արձակված", "ազատվել է", "փոխանակված", "գտնվել է ողջ");
        put(Status.REMAINS_IDENTIFIED, "remains identified", "remains found", "body identified", "body found", "identified",
                "останки опознаны", "опознан", "опознана", "тело опознано", "тело найдено", "qalıqları tapılıb",
                "qalıqları müəyyən edilib", "meyiti tapılıb", "աճյունը նույնականացված");
        // Armenian words for the first five statuses.
        put(Status.KILLED, "զոհված", "սպանված", "մահացած", "զոհվել է");
        put(Status.INJURED, "վիրավոր", "վիրավորված");
        put(Status.MISSING, "անհետ կորած", "անհայտ կորած");
        put(Status.HOSTAGE, "պատանդ", "գերի", "պատանդ վերցված", "գերեվարված");
        put(Status.DISPLACED, "տեղահանված", "փախստական", "արտաքսված");
    }

    private static void put(Status status, String... words) {
        for (String w : words) {
            STATUS_WORDS.put(w, status);
        }
    }

    private Values() {
    }

    private static String key(String text) {
        return Placeholders.singleSpaced(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The common word for a sex, if {@code text} is one ("м", "female", "qadın" …). */
    public static Optional<Sex> sexWord(String text) {
        return Optional.ofNullable(SEX_WORDS.get(key(text)));
    }

    /** The common word for a relation to the household's head, if {@code text} is one ("wife", "сын", "oğlu" …). */
    public static Optional<Relation> relationWord(String text) {
        return Relation.fromWord(key(text));
    }

    /** The common word for a status, if {@code text} is one ("погиб", "missing", "girov" …). */
    public static Optional<Status> statusWord(String text) {
        String k = key(text);
        Status s = STATUS_WORDS.get(k);
        if (s == null) {
            s = Status.fromWord(k).orElse(null);
        }
        return Optional.ofNullable(s);
    }

    /**
     * Reads an age as lists write it: {@code 40}, {@code about 40}, {@code 40 лет}, {@code 40 yaşında},
     * {@code 40?}, a range {@code 30-40} (also {@code от 30 до 40}, {@code between 30 and 40}), or number
     * words through ICU's spellout rules ({@code forty}, {@code сорок}, {@code qırx}, {@code քառասուն}).
     * Blank text and placeholders ({@code n/a}, {@code ?}, {@code неизвестно}) give empty.
     *
     * @throws ValueParseException when the text is not an age in years between 0 and 130
     */
    public static Optional<Age> age(String text) {
        String s = key(text);
        if (s.isEmpty() || Placeholders.isPlaceholder(s)) {
            return Optional.empty();
        }
        boolean approx = false;
        Matcher prefix = APPROX.matcher(s);
        if (prefix.find()) {
            approx = true;
            s = s.substring(prefix.end());
        }
        for (int pass = 0; pass < 2; pass++) {
            while (s.endsWith("?")) {
                approx = true;
                s = s.substring(0, s.length() - 1).strip();
            }
            s = UNIT.matcher(s).replaceFirst("").strip();
        }
        int low;
        int high;
        Matcher range = RANGE.matcher(s);
        if (NUMBER.matcher(s).matches()) {
            low = Integer.parseInt(s);
            high = low;
        } else if (range.matches()) {
            low = Integer.parseInt(range.group(1));
            high = Integer.parseInt(range.group(2));
            if (high < low) {
                throw new ValueParseException("'" + text.strip() + "' is not an age range: " + low + " is more than " + high);
            }
        } else {
            low = numberWords(s).orElseThrow(() -> new ValueParseException("'" + text.strip() + "' is not an age in years"));
            high = low;
        }
        if (high > MAX_AGE) {
            throw new ValueParseException("age " + high + " is not plausible (more than " + MAX_AGE + ")");
        }
        return Optional.of(new Age(low, high, approx));
    }

    /**
     * A whole number from 0 to 130 written in words in English, Russian, Azerbaijani or Armenian, if
     * {@code words} is one (the whole text must parse). ICU's spellout rules read "forty-two", "сорок два",
     * "qırx iki"; English written with a space ("forty two") is read with a hyphen, since ICU reads it as 4002.
     */
    static Optional<Integer> numberWords(String words) {
        if (words.isEmpty() || words.codePoints().anyMatch(Character::isDigit)) {
            return Optional.empty();
        }
        RuleBasedNumberFormat[] formats = SPELLOUT.get();
        for (int i = 0; i < formats.length; i++) {
            String candidate = i == 0 ? ENGLISH_TENS_SPACE.matcher(words).replaceAll("$1-$2") : words;
            ParsePosition position = new ParsePosition(0);
            Number n = formats[i].parse(candidate, position);
            if (n != null && position.getIndex() == candidate.length() && position.getErrorIndex() < 0) {
                double v = n.doubleValue();
                if (v == Math.rint(v) && v >= 0 && v <= MAX_AGE) {
                    return Optional.of((int) v);
                }
            }
        }
        return Optional.empty();
    }
}
