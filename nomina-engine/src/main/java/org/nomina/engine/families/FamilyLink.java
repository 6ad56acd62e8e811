package org.nomina.engine.families;

import java.util.Locale;

/**
 * A family link between two persons, with the source record that gives it and the rule that made it.
 * {@code PARENT_OF}: {@code from} is a parent of {@code to}. {@code SPOUSE_OF} and {@code SIBLING_OF} are
 * symmetric and given once, the lower person id first. A {@code proposed} link (from a patronymic) is
 * for review and never counts in a figure.
 */
public record FamilyLink(long from, long to, Kind kind, long recordId, String rule, boolean proposed) {

    public enum Kind {
        PARENT_OF, SPOUSE_OF, SIBLING_OF;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
