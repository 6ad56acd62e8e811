package org.nomina.app.web;

import java.util.Optional;
import org.nomina.app.register.Viewer;
import org.nomina.store.users.Role;

/** What every page's layout needs: the title, who is signed in, the CSRF token, the words, the current section. */
public record Page(String title, Optional<Viewer> viewer, String csrf, Messages t, String section) {
    public boolean may(String role) {
        return viewer.map(v -> v.may(Role.parse(role))).orElse(false);
    }

    public String username() {
        return viewer.map(Viewer::username).orElse("");
    }

    public String role() {
        return viewer.map(v -> v.role().label()).orElse("");
    }

    /** The htmx header attribute value carrying the CSRF token on every htmx request. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf + "\"}";
    }
}
