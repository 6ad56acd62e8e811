package org.nomina.engine.linkage;

/**
 * A block larger than the cap: not paired all with all, so that one common key cannot explode the candidate
 * pairs, but split by sorted neighbourhood into {@code pairs} candidate pairs.
 */
public record CappedBlock(String rule, String key, int size, long pairs) {
}
