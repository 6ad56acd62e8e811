package org.nomina.engine.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a person in an incident, as a source states it. {@code HOSTAGE} covers detained;
 * {@code MISSING} is a status that later changes (released, remains identified) and keeps its history.
 */
public enum Status {
    KILLED, INJURED, MISSING, HOSTAGE, DISPLACED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromWord(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        for (Status s : values()) {
            if (s.word().equals(w)) {
                return Optional.of(s);
            }
        }
        return w.equals("detained") ? Optional.of(HOSTAGE) : Optional.empty();
    }
}
