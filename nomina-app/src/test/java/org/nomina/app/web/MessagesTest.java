package org.nomina.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.families.Households;
import org.nomina.engine.families.Patronymics;
import org.nomina.engine.fates.Fate;
import org.nomina.engine.fates.FateRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each translation of the pages has every English key, the same placeholders, and formats. */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)[^}]*}");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/nomina/app/web/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"az", "ru", "hy"})
    void aTranslationHasEveryKeyAndTheSamePlaceholders(String language) throws IOException {
        Properties english = load("messages");
        Properties translated = load("messages_" + language);
        assertThat(translated.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        Messages words = new Messages(Locale.forLanguageTag(language));
        assertThat(words.language()).isEqualTo(language);
        for (String key : english.stringPropertyNames()) {
            String text = translated.getProperty(key);
            assertThat(text).as(language + " " + key).isNotBlank();
            assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(english.getProperty(key)));
            if (!placeholders(text).isEmpty()) {
                String formatted = new MessageFormat(text, Locale.forLanguageTag(language)).format(new Object[] {1234, 2, 3, 4});
                assertThat(formatted).as(language + " " + key).doesNotContain("{");
            }
            assertThat(words.get(key)).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void englishIsTheBaseWhateverTheServersLocale(String language) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ru"));
            assertThat(new Messages(Locale.forLanguageTag(language)).get("persons.title")).isEqualTo("Register");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Every rule text the engine can give a person page (a fate's or a family link's), by reflection. */
    private static List<String> rules() throws IllegalAccessException {
        List<String> rules = new ArrayList<>();
        for (Class<?> type : List.of(FateRules.class, Households.class, Patronymics.class)) {
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    rules.add((String) f.get(null));
                }
            }
        }
        return rules;
    }

    @ParameterizedTest
    @ValueSource(strings = {"az", "ru", "hy"})
    void everyValueTheRegisterHoldsInEnglishWordsIsTranslated(String language) throws IllegalAccessException {
        Messages english = new Messages(Locale.ENGLISH);
        Messages words = new Messages(Locale.forLanguageTag(language));
        List<String> rules = rules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(15).contains(FateRules.DEATH, Households.SPOUSE, Patronymics.RULE);
        for (String rule : rules) {
            assertThat(english.word("rule", rule)).as(rule).isEqualTo(rule);
            assertThat(words.word("rule", rule)).as(language + " " + rule).isNotEqualTo(rule).isNotBlank();
        }
        List<String> statuses = new ArrayList<>();
        for (Status s : Status.values()) {
            statuses.add(s.word());
        }
        for (Fate f : Fate.values()) {
            statuses.add(f.word());
        }
        for (String status : statuses) {
            assertThat(words.word("status", status)).as(language + " " + status).isNotEqualTo(status)
                    .isNotEqualTo(english.word("status", status));
        }
        for (Sex sex : Sex.values()) {
            assertThat(words.word("sex", sex.word())).as(language + " " + sex).isNotEqualTo(sex.word());
        }
    }

    @Test
    void aValueNoBundleKnowsIsShownAsItIs() {
        Messages words = new Messages(Locale.forLanguageTag("az"));
        assertThat(words.word("rule", "a rule an older register wrote")).isEqualTo("a rule an older register wrote");
        assertThat(words.word("status", "")).isEmpty();
        assertThat(words.word("status", "Remains  Identified")).isEqualTo(words.word("status", "remains_identified"));
        assertThat(Messages.slug("the head's spouse")).isEqualTo("the_head_s_spouse");
    }

    /** Messages formats a plain "{0}" number itself (MessageFormat makes a NumberFormat per call): the same text as MessageFormat's. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "az", "ru", "hy"})
    void numbersReadAsMessageFormatWritesThem(String language) throws IOException {
        Properties bundle = load(language.equals("en") ? "messages" : "messages_" + language);
        Messages words = new Messages(Locale.forLanguageTag(language));
        Object[][] argumentSets = {{1234567, 2, 3, 4}, {"Məmmədov", 12.5, -3L, 1234}, {0, "x", 98765.4321, 7}};
        int compared = 0;
        for (String key : bundle.stringPropertyNames()) {
            for (Object[] args : argumentSets) {
                String expected;
                try {
                    expected = new MessageFormat(bundle.getProperty(key), Locale.forLanguageTag(language)).format(args);
                } catch (IllegalArgumentException wrongType) {
                    continue; // a string for a {0,number}: MessageFormat refuses it, and so may Messages
                }
                assertThat(words.format(key, args)).as(language + " " + key).isEqualTo(expected);
                // twice: the second call uses the thread's cached formats
                assertThat(words.format(key, args)).as(language + " " + key).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(words.format("persons.page", 3, 1234)).contains(language.equals("en") ? "1,234" : "3");
    }
}
