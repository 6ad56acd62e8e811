package org.nomina.app.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' words, from {@code org/nomina/app/web/messages.properties} (English); a bundle per language
 * ({@code messages_az}, {@code messages_ru}, {@code messages_hy}) is all a translation needs.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.nomina.app.web.messages", locale);
    }

    /** The text for {@code key}; a missing key shows itself in brackets instead of failing the page. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public String language() {
        return locale.getLanguage();
    }
}
