package org.nomina.engine.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The age groups official statements use for subgroups (children, adults, the elderly), by age at the
 * incident. Defined once, here: counts, search filters and strata all group ages with {@link #of}.
 */
public enum AgeGroup {
    CHILD("0-17"), ADULT("18-59"), ELDERLY("60+"), UNKNOWN("unknown");

    private final String label;

    AgeGroup(String label) {
        this.label = label;
    }

    /** How files, filters and counts name the group ("0-17" …). */
    public String label() {
        return label;
    }

    /** The group of an age at the incident; {@link #UNKNOWN} for {@code null} (the database's unknown age). */
    public static AgeGroup of(Integer age) {
        return age == null ? UNKNOWN : age < 18 ? CHILD : age < 60 ? ADULT : ELDERLY;
    }

    /** Every group's label, in order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(AgeGroup::label).toList();
    }
}
