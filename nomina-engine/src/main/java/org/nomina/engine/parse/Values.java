package org.nomina.engine.parse;

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
 * written ("40", "about 40", "40 лет", "40 yaş"). A mapping's own {@code values:} take precedence.
 */
public final class Values {

    /** An age in years and whether the source qualified it as approximate. */
    public record Age(int years, boolean approx) {
        public Age {
            if (years < 0 || years > 130) {
                throw new IllegalArgumentException("age " + years + " is outside 0–130");
            }
        }
    }

    private static final Pattern AGE = Pattern.compile(
            "^(approx\\.?|about|around|circa|ca\\.?|c\\.|~|ок\\.?|около|примерно|təx\\.?|təxminən|təqribən)?\\s*(\\d{1,3})\\s*"
                    + "(\\?|years?( old)?|yrs?\\.?|y\\.?o\\.?|лет|года?|г\\.?|yaş|yaşında|yaşlı|years)?\\s*(\\?)?$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, Sex> SEX_WORDS = new HashMap<>();
    private static final Map<String, Status> STATUS_WORDS = new HashMap<>();

    static {
        for (String w : new String[] {"m", "male", "man", "boy", "м", "муж", "муж.", "мужской", "мужчина", "kişi", "kisi", "oğlan", "erkek"}) {
            SEX_WORDS.put(w, Sex.MALE);
        }
        for (String w : new String[] {"f", "female", "woman", "girl", "ж", "жен", "жен.", "женский", "женщина", "qadın", "qadin", "qız", "qiz", "w"}) {
            SEX_WORDS.put(w, Sex.FEMALE);
        }
        for (String w : new String[] {"u", "unknown", "?", "-", "неизв.", "неизвестно", "naməlum", "namelum"}) {
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
        return WHITESPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
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
     * Reads an age. Blank gives empty.
     *
     * @throws ValueParseException when the text is not an age in years between 0 and 130
     */
    public static Optional<Age> age(String text) {
        String k = key(text);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = AGE.matcher(k);
        if (!m.matches()) {
            throw new ValueParseException("'" + text.strip() + "' is not an age in years");
        }
        int years = Integer.parseInt(m.group(2));
        if (years > 130) {
            throw new ValueParseException("age " + years + " is not plausible (more than 130)");
        }
        boolean approx = m.group(1) != null || "?".equals(m.group(3)) || m.group(5) != null;
        return Optional.of(new Age(years, approx));
    }
}
