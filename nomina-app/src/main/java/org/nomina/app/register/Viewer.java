package org.nomina.app.register;

import org.nomina.store.users.Role;

/** Who is asking: a signed-in user with their role and the session's CSRF token. */
public record Viewer(String username, Role role, String csrfToken) {
    public boolean may(Role needed) {
        return role.atLeast(needed);
    }
}
