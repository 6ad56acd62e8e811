package org.nomina.engine.linkage;

/** One field's part in a pair's match weight: the level reached and its log2 Bayes factor. */
public record FieldContribution(String field, String level, double weight) {
}
