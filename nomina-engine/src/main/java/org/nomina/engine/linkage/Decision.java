package org.nomina.engine.linkage;

/** Why a scored pair stands where it does. */
public enum Decision {
    /** Probability at or above the match threshold and the clustering kept the two together. */
    AUTO_MATCH,
    /** In the review band, or a model match that the clustering refused (weak bridge, same source). */
    REVIEW,
    /** A reviewer said SAME. */
    HUMAN_SAME,
    /** A reviewer said DIFFERENT. */
    HUMAN_DIFFERENT,
    /** A reviewer was unsure: kept out of automatic decisions. */
    HUMAN_UNSURE
}
