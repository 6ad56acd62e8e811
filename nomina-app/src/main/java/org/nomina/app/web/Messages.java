package org.nomina.app.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' words, from {@code org/nomina/app/web/messages.properties} (English) and its translations
 * {@code messages_az} (Azerbaijani), {@code messages_ru} (Russian) and {@code messages_hy} (Armenian); a
 * key missing from a translation falls back to English.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    private final ThreadLocal<java.util.Map<String, MessageFormat>> formats = ThreadLocal.withInitial(java.util.HashMap::new);

    public Messages(Locale locale) {
        this("org.nomina.app.web.messages", locale);
    }

    /** The words of another bundle (e.g. the public memorial's), without falling back to the machine's own language. */
    public Messages(String bundleName, Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English is the base bundle, whatever the server's locale.
        this.bundle = ResourceBundle.getBundle(bundleName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key}; a missing key shows itself in brackets instead of failing the page. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    /**
     * A value the register holds in English words (a sex, a status or fate, the rule that chose a fate or a family
     * link) in the page's language: the key is {@code kind} and the words in lower case joined by underscores, as
     * gettext keys a message by its English text ({@code rule.a_source_records_the_death}); a value no bundle knows
     * (an older register's wording) is shown as it is.
     */
    public String word(String kind, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String key = kind + "." + slug(value);
        return bundle.containsKey(key) ? bundle.getString(key) : value;
    }

    /** The key part of a value's words: lower case, every run of other characters one underscore. */
    static String slug(String value) {
        return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
    }

    public String format(String key, Object... args) {
        // A MessageFormat is parsed once per key and thread (it is not thread-safe; a clone per use copied its number
        // formats, 5 % of a person page's CPU): parsing each time cost a few per cent of every page's CPU, with an
        // exception thrown inside the JDK for every "{0,number,integer}". The server's request threads are pooled.
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(get(k), locale)).format(args);
    }

    public String language() {
        return locale.getLanguage();
    }
}
