package org.nomina.engine.linkage;

/**
 * A reviewer's verdict on a pair of records. Human decisions are never overwritten by the model.
 *
 * @param keyA    one record's key
 * @param keyB    the other record's key
 * @param verdict SAME forces a link; DIFFERENT keeps the two in different persons whatever the model says
 *                (a cannot-link constraint); UNSURE keeps the pair out of automatic decisions
 */
public record HumanDecision(long keyA, long keyB, Verdict verdict) {

    public enum Verdict {
        SAME, DIFFERENT, UNSURE;

        /** The lower-case word reviewers type and JSON shows ("same"); the database keeps {@link #name()}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HumanDecision {
        if (keyA == keyB) {
            throw new IllegalArgumentException("a decision needs two different records, got " + keyA + " twice");
        }
    }
}
