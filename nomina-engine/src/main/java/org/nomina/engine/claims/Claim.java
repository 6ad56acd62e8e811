package org.nomina.engine.claims;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One aggregate figure a text states about people.
 *
 * @param id        its number within the text, from 1 in reading order
 * @param count     the figure when the source gives one number (absent for a range or a vague quantity)
 * @param low       the lower end of a range (equal to count for one number)
 * @param high      the upper end of a range (equal to count for one number)
 * @param parent    the id of the figure this one breaks down ("including 63 children" of the killed)
 * @param incident  the label of the event it is about; figures about another event get another label
 * @param quote     the text the figure was read from, exactly as it stands
 * @param start     offset of {@code quote}'s first character in the text
 * @param end       offset just after its last character
 */
public record Claim(int id, ClaimCategory category, Optional<Subgroup> subgroup, OptionalLong count, OptionalLong low,
                    OptionalLong high, Qualifier qualifier, OptionalInt parent, String incident, String quote, int start, int end) {
    public Claim {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(subgroup, "subgroup");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(quote, "quote");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a claim's span must run forwards: " + start + ".." + end);
        }
        if (qualifier == Qualifier.VAGUE ? count.isPresent() || low.isPresent() : low.isEmpty() || high.isEmpty()) {
            throw new IllegalArgumentException("a " + qualifier.label() + " figure " + (qualifier == Qualifier.VAGUE
                    ? "has no number" : "needs its low and high") + ": " + quote);
        }
        if (low.isPresent() && high.isPresent() && low.getAsLong() > high.getAsLong()) {
            throw new IllegalArgumentException("a range's low is above its high: " + quote);
        }
    }

    /** The smallest number of people the claim allows, or empty for a vague quantity. */
    public OptionalLong minimum() {
        return low;
    }

    /** The largest number of people the claim allows, or empty for a vague quantity. */
    public OptionalLong maximum() {
        return high;
    }

    /** The same claim with other values; a person's edit of what the machine read. */
    public Claim withReading(ClaimCategory newCategory, Optional<Subgroup> newSubgroup, OptionalLong newLow, OptionalLong newHigh,
                             Qualifier newQualifier, String newIncident) {
        OptionalLong newCount = newQualifier == Qualifier.RANGE || newLow.isEmpty() || newHigh.isEmpty()
                || newLow.getAsLong() != newHigh.getAsLong() ? OptionalLong.empty() : newLow;
        return new Claim(id, newCategory, newSubgroup, newCount, newLow, newHigh, newQualifier, parent, newIncident, quote, start, end);
    }
}
