package org.nomina.engine.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a person in an incident, as a source states it. {@code HOSTAGE} covers detained;
 * {@code MISSING} is a status that later changes (released, remains identified) and keeps its history.
 * {@code RELEASED}: a hostage or detainee freed or exchanged, or a missing person found alive;
 * {@code REMAINS_IDENTIFIED}: a death established by identified remains. The list of statuses is defined
 * once, here; {@link #words()} is what messages name.
 */
public enum Status {
    KILLED, INJURED, MISSING, HOSTAGE, DISPLACED, RELEASED, REMAINS_IDENTIFIED;

    /**
     * The statuses an incident itself gives a person, in the order counts show them; {@code RELEASED} and
     * {@code REMAINS_IDENTIFIED} are later changes of a missing person or a hostage, not among them.
     */
    public static final List<Status> AT_INCIDENT = List.of(KILLED, INJURED, MISSING, HOSTAGE, DISPLACED);

    /** The canonical words, comma-separated, for messages ("killed, injured, …"). */
    public static String words() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Status::word).toList());
    }

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
