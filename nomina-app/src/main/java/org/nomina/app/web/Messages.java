package org.nomina.app.web;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' words, from {@code org/nomina/app/web/messages.properties} (English) and its translations
 * {@code messages_az} (Azerbaijani), {@code messages_ru} (Russian) and {@code messages_hy} (Armenian); a
 * key missing from a translation falls back to English.
 */
public final class Messages {
    /** Compiled once: a person page asks for a handful of words per request. */
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^_|_$");
    private final ResourceBundle bundle;
    private final Locale locale;
    private final ThreadLocal<java.util.Map<String, Parsed>> formats = ThreadLocal.withInitial(java.util.HashMap::new);
    /** The locale's plain number format, one per thread (NumberFormat is not thread-safe either). */
    private final ThreadLocal<NumberFormat> numbers;

    /** A parsed message, and which of its arguments have no format of their own ("{0}", not "{0,number,integer}"). */
    private record Parsed(MessageFormat format, boolean[] plain) {
        static Parsed of(String pattern, Locale locale) {
            MessageFormat f = new MessageFormat(pattern, locale);
            java.text.Format[] byArgument = f.getFormatsByArgumentIndex();
            boolean[] plain = new boolean[byArgument.length];
            for (int i = 0; i < byArgument.length; i++) {
                plain[i] = byArgument[i] == null;
            }
            return new Parsed(f, plain);
        }
    }

    public Messages(Locale locale) {
        this("org.nomina.app.web.messages", locale);
    }

    /** The words of another bundle (e.g. the public memorial's), without falling back to the machine's own language. */
    public Messages(String bundleName, Locale locale) {
        this.locale = locale;
        this.numbers = ThreadLocal.withInitial(() -> NumberFormat.getInstance(locale));
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
        return EDGES.matcher(NOT_WORD.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }

    public String format(String key, Object... args) {
        // A MessageFormat is parsed once per key and thread (it is not thread-safe; a clone per use copied its number
        // formats, 5 % of a person page's CPU): parsing each time cost a few per cent of every page's CPU, with an
        // exception thrown inside the JDK for every "{0,number,integer}". The server's request threads are pooled.
        // A number given to a plain "{0}" is formatted here with the thread's NumberFormat, exactly as MessageFormat would
        // format it, because MessageFormat creates a new NumberFormat (a DecimalFormat parsing its pattern) for it on every
        // call: "Page {0} of {1}" cost 8 % of the register's search page.
        Parsed p = formats.get().computeIfAbsent(key, k -> Parsed.of(get(k), locale));
        Object[] shown = args;
        for (int i = 0; i < args.length && i < p.plain().length; i++) {
            if (p.plain()[i] && args[i] instanceof Number n) {
                if (shown == args) {
                    shown = args.clone();
                }
                shown[i] = numbers.get().format(n);
            }
        }
        return p.format().format(shown);
    }

    public String language() {
        return locale.getLanguage();
    }
}
