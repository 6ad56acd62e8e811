package org.nomina.engine.linkage;

import java.util.List;

/**
 * A compared pair with its explanation.
 *
 * @param keyA          the smaller record key
 * @param keyB          the larger record key
 * @param matchWeight   log2 of the posterior odds (prior plus every field's contribution)
 * @param probability   match probability
 * @param contributions each compared field's level and weight, in configuration order
 */
public record ScoredPair(long keyA, long keyB, double matchWeight, double probability,
                         List<FieldContribution> contributions, Decision decision) {
}
