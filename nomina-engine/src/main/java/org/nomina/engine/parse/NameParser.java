package org.nomina.engine.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.domain.Sex;

/**
 * Splits full names as the region's lists write them into surname, given name and patronymic:
 * Azerbaijani patronymics ({@code Əli oğlu}, {@code Əli qızı}, {@code Ali oglu}), Russian ones
 * ({@code -ович/-овна/-евич/-евна}, {@code оглы/кызы}), either order, all-caps surnames, commas.
 *
 * <p>Written by hand: no maintained library parses post-Soviet and Caucasian personal names.
 * Stateless and thread-safe.
 */
public final class NameParser {

    private static final Set<String> MALE_MARKERS = Set.of("oğlu", "oglu", "ogly", "oghlu", "oğlı", "оглы", "оглу", "ogli");
    private static final Set<String> FEMALE_MARKERS = Set.of("qızı", "qizi", "gizi", "kizi", "kyzy", "gyzy", "кызы", "гызы", "кизи");
    private static final String[] MALE_PATRONYMIC_ENDINGS = {"ович", "евич", "ьич", "ovich", "evich", "ovitch", "evitch", "yevich"};
    private static final String[] FEMALE_PATRONYMIC_ENDINGS = {"овна", "евна", "ична", "ovna", "evna", "yevna", "ichna"};
    private static final String[] FEMALE_SURNAME_ENDINGS = {
        "ova", "eva", "yeva", "ina", "skaya", "ovа", "ова", "ева", "ёва", "ина", "ская", "цкая", "tskaya"};
    private static final String[] MALE_SURNAME_ENDINGS = {
        "ov", "ev", "yev", "in", "sky", "ski", "skiy", "ов", "ев", "ёв", "ин", "ский", "цкий"};
    private static final String[] SURNAME_ENDINGS = {
        "ov", "ova", "ev", "eva", "yev", "yeva", "iyev", "iyeva", "in", "ina", "yan", "ian", "yants", "li", "lı", "lu", "lü",
        "zade", "zadə", "ski", "sky", "skaya", "shvili", "dze", "ashvili", "uri", "ava",
        "ов", "ова", "ев", "ева", "ин", "ина", "ян", "янц", "швили", "дзе", "ский", "ская", "заде", "лы", "ли",
        "ის", "შვილი", "ձե", "յան", "ян"};

    private static final Locale AZERBAIJANI = Locale.forLanguageTag("az");
    private static final String AZERBAIJANI_LETTERS = "ƏəĞğŞşİıÇçÖöÜü";
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private NameParser() {
    }

    /** Splits {@code fullName}; blank text gives an empty name. Never throws for any text. */
    public static ParsedName parse(String fullName, NameOrder order) {
        String text = fullName.strip().replace('\u00a0', ' ');
        if (text.isEmpty()) {
            return new ParsedName("", "", "", Optional.empty());
        }
        boolean commaSurnameFirst = false;
        int comma = text.indexOf(',');
        if (comma > 0) {
            commaSurnameFirst = true;
            text = text.substring(0, comma) + " " + text.substring(comma + 1);
        }
        List<String> tokens = new ArrayList<>(List.of(WHITESPACE.split(text)));
        tokens.removeIf(String::isBlank);

        // Find a patronymic: a marker word (oğlu/qızı/оглы/кызы) with the father's name before it,
        // or a single word with a Russian patronymic ending.
        String patronymic = "";
        Optional<Sex> sex = Optional.empty();
        int patronymicAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String lower = tokens.get(i).toLowerCase(Locale.ROOT);
            boolean male = MALE_MARKERS.contains(lower);
            if ((male || FEMALE_MARKERS.contains(lower)) && i > 0) {
                patronymic = titleCase(tokens.get(i - 1)) + " " + lower;
                sex = Optional.of(male ? Sex.MALE : Sex.FEMALE);
                tokens.remove(i);
                tokens.remove(i - 1);
                patronymicAt = i - 1;
                break;
            }
        }
        if (patronymicAt < 0 && tokens.size() >= 3) {
            for (int i = 1; i < tokens.size(); i++) {
                String lower = tokens.get(i).toLowerCase(Locale.ROOT);
                Optional<Sex> s = endsWithAny(lower, MALE_PATRONYMIC_ENDINGS) ? Optional.of(Sex.MALE)
                        : endsWithAny(lower, FEMALE_PATRONYMIC_ENDINGS) ? Optional.of(Sex.FEMALE) : Optional.empty();
                if (s.isPresent()) {
                    patronymic = titleCase(tokens.get(i));
                    sex = s;
                    tokens.remove(i);
                    patronymicAt = i;
                    break;
                }
            }
        }

        String surname = "";
        String given = "";
        if (tokens.size() == 1) {
            if (order == NameOrder.GIVEN_FIRST && !looksLikeSurname(tokens.get(0))) {
                given = tokens.get(0);
            } else {
                surname = tokens.get(0);
            }
        } else if (!tokens.isEmpty()) {
            int surnameAt = surnameIndex(tokens, order, commaSurnameFirst, patronymicAt);
            surname = tokens.get(surnameAt);
            List<String> rest = new ArrayList<>(tokens);
            rest.remove(surnameAt);
            if (patronymic.isEmpty() && rest.size() == 2) {
                // Three words and no patronymic marker: the region's lists write the father's given name bare
                // (Məmmədov Əli Həsən) or, in Armenian, in the genitive (Հովհաննիսյան Արամ Հովհաննեսի), after
                // the person's own given name.
                patronymic = titleCase(rest.remove(1));
            }
            given = String.join(" ", rest);
        }
        surname = titleCase(surname);
        given = titleCase(given);
        if (sex.isEmpty()) {
            sex = sexFromSurname(surname);
        }
        return new ParsedName(surname, given, patronymic, sex);
    }

    private static int surnameIndex(List<String> tokens, NameOrder order, boolean comma, int patronymicAt) {
        int last = tokens.size() - 1;
        if (comma) {
            return 0;
        }
        // An all-capitals word among mixed-case ones is the surname in most official lists.
        int caps = -1;
        int capsCount = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (isAllCaps(tokens.get(i))) {
                caps = i;
                capsCount++;
            }
        }
        if (capsCount == 1) {
            return caps;
        }
        // A declared order yields to the endings when they are unequivocal: a ФИО column written given name
        // first in some rows (Гюльнара Ахмедова), a testimony with a swapped row (Ohanian Anahit).
        boolean firstStrong = looksStronglyLikeSurname(tokens.get(0));
        boolean lastStrong = looksStronglyLikeSurname(tokens.get(last));
        // Only a strong ending on the other word keeps the declared order: "Nurlanova Sabina" in a given-name-
        // first column is a swapped row, though Sabina ends like Rasputina (-ina); no given name ends in -ova.
        if (order == NameOrder.SURNAME_FIRST) {
            return lastStrong && !firstStrong ? last : 0;
        }
        if (order == NameOrder.GIVEN_FIRST) {
            return firstStrong && !lastStrong ? 0 : last;
        }
        // AUTO: a patronymic in the middle ("Али Гусейн оглы Мамедов") puts the surname after it; a
        // patronymic at the end ("Мамедов Али Гусейнович") puts it first.
        if (patronymicAt >= 0) {
            return patronymicAt >= tokens.size() ? 0 : last;
        }
        if (firstStrong != lastStrong) {
            return firstStrong ? 0 : last;
        }
        boolean firstLooks = looksLikeSurname(tokens.get(0));
        boolean lastLooks = looksLikeSurname(tokens.get(last));
        if (firstLooks != lastLooks) {
            return firstLooks ? 0 : last;
        }
        return isLatin(tokens.get(0)) ? last : 0;
    }

    /**
     * The sex a patronymic implies, given on its own ({@code Гусейн оглы}, {@code Əli qızı}, {@code Сергеевна}),
     * if it implies one.
     */
    public static Optional<Sex> sexFromPatronymic(String patronymic) {
        String[] words = WHITESPACE.split(patronymic.strip().toLowerCase(Locale.ROOT));
        String last = words[words.length - 1];
        if (MALE_MARKERS.contains(last) || words.length == 1 && endsWithAny(last, MALE_PATRONYMIC_ENDINGS)) {
            return Optional.of(Sex.MALE);
        }
        if (FEMALE_MARKERS.contains(last) || words.length == 1 && endsWithAny(last, FEMALE_PATRONYMIC_ENDINGS)) {
            return Optional.of(Sex.FEMALE);
        }
        return Optional.empty();
    }

    /** The sex a gendered surname ending implies ({@code -ova} female, {@code -ov} male …), if any. */
    public static Optional<Sex> sexFromSurname(String surname) {
        String lower = surname.toLowerCase(Locale.ROOT);
        if (lower.length() < 4) {
            return Optional.empty();
        }
        if (endsWithAny(lower, FEMALE_SURNAME_ENDINGS)) {
            return Optional.of(Sex.FEMALE);
        }
        if (endsWithAny(lower, MALE_SURNAME_ENDINGS)) {
            return Optional.of(Sex.MALE);
        }
        return Optional.empty();
    }

    /**
     * Endings no given name of the region has (-ov, -ova, -yev, -yan, -zadə, -shvili …); "-in", "-ina",
     * "-ava", "-uri" are left out because given names end so too (Ramin, Tahmina, Ava), and -li/-lı/-lu count
     * from six letters on (Həsənli, Qasımlı, but not Vəli or Nazlı).
     */
    private static final String[] STRONG_SURNAME_ENDINGS = {
        "ov", "ova", "ev", "eva", "yev", "yeva", "yan", "ian", "yants", "zade", "zadə", "sky", "skaya",
        "shvili", "dze", "ов", "ова", "ев", "ева", "ёв", "ёва", "ян", "янц", "швили", "дзе", "ский", "ская", "заде",
        "յան", "ովա", "ով"};

    private static final String[] LI_ENDINGS = {"li", "lı", "lu", "lü", "ли", "лы", "лу"};

    static boolean looksStronglyLikeSurname(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.length() >= 5 && endsWithAny(lower, STRONG_SURNAME_ENDINGS)
                || lower.length() >= 6 && endsWithAny(lower, LI_ENDINGS);
    }

    static boolean looksLikeSurname(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.length() >= 4 && endsWithAny(lower, SURNAME_ENDINGS);
    }

    private static boolean endsWithAny(String s, String[] endings) {
        for (String e : endings) {
            if (s.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAllCaps(String token) {
        int letters = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letters >= 2;
    }

    private static boolean isLatin(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
            }
        }
        return true;
    }

    /**
     * Capitalises words written all in capitals or all in lower case ({@code МАМЕДОВ} → {@code Мамедов},
     * {@code mammadov-zade} → {@code Mammadov-Zade}); mixed-case words are left as written.
     */
    public static String titleCase(String text) {
        if (text.isEmpty()) {
            return text;
        }
        // Hand-split at spaces, hyphens and apostrophes: a regex split here cost a third of the import's
        // name parsing on a million rows (profiled with JFR).
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '\'' || c == '’') {
                appendWord(out, text, start, i + 1);
                start = i + 1;
            }
        }
        appendWord(out, text, start, text.length());
        return out.toString();
    }

    private static void appendWord(StringBuilder out, String text, int from, int to) {
        if (from >= to) {
            return;
        }
        boolean upper = false;
        boolean lower = false;
        boolean azerbaijani = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            azerbaijani |= AZERBAIJANI_LETTERS.indexOf(c) >= 0;
        }
        String word = text.substring(from, to);
        if (upper && lower) {
            out.append(word);
            return;
        }
        // Azerbaijani capitals İ and I lower-case to i and ı, not to Locale.ROOT's "i̇" and "i".
        Locale locale = azerbaijani ? AZERBAIJANI : Locale.ROOT;
        String lowerWord = word.toLowerCase(locale);
        int firstLength = Character.charCount(lowerWord.codePointAt(0));
        out.append(lowerWord.substring(0, firstLength).toUpperCase(locale)).append(lowerWord, firstLength, lowerWord.length());
    }
}
