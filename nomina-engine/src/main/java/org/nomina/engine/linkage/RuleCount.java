package org.nomina.engine.linkage;

/**
 * Candidate pairs produced by one blocking rule.
 *
 * @param generated pairs the rule produced (within and across its blocks)
 * @param newPairs  of those, pairs no earlier rule had produced
 */
public record RuleCount(String rule, long generated, long newPairs) {
}
