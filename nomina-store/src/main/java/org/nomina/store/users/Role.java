package org.nomina.store.users;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nomina.store.BadInputException;

/**
 * What a person signed in may do; each role may do everything the ones before it may. A viewer reads;
 * a reviewer also decides pairs; an editor also imports, links and sees protected fields; an admin
 * also manages users.
 */
public enum Role {
    VIEWER, REVIEWER, EDITOR, ADMIN;

    private static final Role[] VALUES = values();
    /** The role's word, made once: every page asks it (the layout's links, the signed-in line). */
    private final String label = name().toLowerCase(Locale.ROOT);

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** Whether this role sees protected fields (id numbers, contact details, witnesses, the living) unmasked. */
    public boolean seesProtected() {
        return atLeast(EDITOR);
    }

    public String label() {
        return label;
    }

    /**
     * @throws BadInputException naming the value and the roles there are
     */
    public static Role parse(String value) {
        for (Role r : VALUES) { // the pages ask this several times each ("may this viewer review?"): no stream per call
            if (r.label().equals(value)) {
                return r;
            }
        }
        return Arrays.stream(values()).filter(r -> r.label().equals(value.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new BadInputException("role '" + value + "' is not one of "
                        + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "))));
    }
}
