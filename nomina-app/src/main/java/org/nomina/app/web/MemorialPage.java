package org.nomina.app.web;

import java.util.List;

/**
 * What every memorial page's layout needs: its title, the visitor's words, and the links that show the
 * same page in each of the memorial's languages.
 */
public record MemorialPage(String title, Messages t, List<Language> languages) {
    /** One language the visitor may choose: its code, its own name, the link, and whether it is the current one. */
    public record Language(String code, String name, String href, boolean current) {
    }
}
