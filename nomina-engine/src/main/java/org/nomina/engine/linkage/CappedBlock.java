package org.nomina.engine.linkage;

/** A block larger than the cap, skipped so that one common key cannot explode the candidate pairs. */
public record CappedBlock(String rule, String key, int size) {
}
