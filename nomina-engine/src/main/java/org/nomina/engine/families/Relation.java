package org.nomina.engine.families;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A household member's relation to the household's head, as residents' lists and family registers give
 * it. The canonical word is what mappings' {@code values:} map onto and what is stored.
 */
public enum Relation {
    HEAD, SPOUSE, SON, DAUGHTER, CHILD, FATHER, MOTHER, BROTHER, SISTER, GRANDSON, GRANDDAUGHTER, GRANDCHILD,
    DAUGHTER_IN_LAW, SON_IN_LAW, GRANDFATHER, GRANDMOTHER, OTHER;

    private static final Map<String, Relation> WORDS = new HashMap<>();

    static {
        put(HEAD, "head", "head of household", "householder", "self", "глава", "глава семьи", "глава хозяйства", "сам", "sam",
                "ailə başçısı", "aile bascisi", "başçı", "özü", "ozu", "ընտանիքի գլուխ", "գլուխ");
        put(SPOUSE, "spouse", "wife", "husband", "жена", "муж", "супруга", "супруг", "həyat yoldaşı", "heyat yoldasi", "arvadı",
                "arvadi", "ərı", "əri", "eri", "yoldaşı", "կին", "ամուսին");
        put(SON, "son", "сын", "oğlu", "oglu", "oğul", "որդի");
        put(DAUGHTER, "daughter", "дочь", "дочка", "qızı", "qizi", "qız", "դուստր", "աղջիկ");
        put(CHILD, "child", "ребенок", "ребёнок", "övladı", "övlad", "ovladi", "երեխա");
        put(FATHER, "father", "отец", "atası", "atasi", "ata", "հայր");
        put(MOTHER, "mother", "мать", "anası", "anasi", "ana", "մայր");
        put(BROTHER, "brother", "брат", "qardaşı", "qardasi", "qardaş", "եղբայր");
        put(SISTER, "sister", "сестра", "bacısı", "bacisi", "bacı", "քույր");
        put(GRANDSON, "grandson", "внук", "nəvəsi (oğlan)", "oğul nəvəsi", "թոռ (տղա)");
        put(GRANDDAUGHTER, "granddaughter", "внучка", "nəvəsi (qız)", "qız nəvəsi", "թոռնուհի");
        put(GRANDCHILD, "grandchild", "nəvəsi", "nevesi", "nəvə", "թոռ");
        put(DAUGHTER_IN_LAW, "daughter-in-law", "daughter in law", "невестка", "сноха", "gəlini", "gelini", "gəlin", "հարս");
        put(SON_IN_LAW, "son-in-law", "son in law", "зять", "kürəkəni", "kurekeni", "kürəkən", "փեսա");
        put(GRANDFATHER, "grandfather", "дед", "дедушка", "babası", "babasi", "baba", "պապ");
        put(GRANDMOTHER, "grandmother", "бабушка", "nənəsi", "nenesi", "nənə", "տատ");
        put(OTHER, "other", "relative", "other relative", "родственник", "родственница", "qohumu", "qohum", "ազգական");
    }

    private static void put(Relation relation, String... words) {
        for (String w : words) {
            WORDS.put(w, relation);
        }
        WORDS.put(relation.word(), relation);
    }

    /** The canonical word: {@code head}, {@code spouse}, {@code daughter_in_law} … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The relation a word names: a canonical word or a common word in English, Russian, Azerbaijani or
     * Armenian, compared lower-case with single spaces. Anything else is empty; callers keep the row with
     * a problem noted rather than guess.
     */
    public static Optional<Relation> fromWord(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.ofNullable(WORDS.get(w)).or(() -> Optional.ofNullable(WORDS.get(w.replace('_', '-'))));
    }

    /** The canonical words, comma-separated, for messages. */
    public static String words() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Relation::word).toList());
    }
}
