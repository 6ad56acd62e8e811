package org.nomina.engine.linkage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a linkage run found.
 *
 * @param clusterByKey    every input record's key → its cluster id, the smallest key in the cluster
 * @param pairs           scored pairs at or above the review probability, plus every pair a human decided
 * @param candidatePairs  distinct candidate pairs compared
 * @param ruleCounts      candidate pairs per blocking rule
 * @param cappedBlocks    blocks over the cap, split by sorted neighbourhood
 * @param reviewPairsTotal pairs in the review band, of which {@code pairs} holds at most
 *                        {@link Linker#MAX_REVIEW_PAIRS}, the most probable
 * @param model           the fitted model
 * @param stageMillis     wall time per stage: normalise, block, compare, em, score, cluster
 */
public record LinkageResult(Map<Long, Long> clusterByKey, List<ScoredPair> pairs, long candidatePairs,
                            List<RuleCount> ruleCounts, List<CappedBlock> cappedBlocks, long reviewPairsTotal,
                            FittedModel model, Map<String, Long> stageMillis) {

    /** The cluster id of a record, empty for a key that was not linked. */
    public Optional<Long> clusterOf(long key) {
        return Optional.ofNullable(clusterByKey.get(key));
    }

    /** The scored pair of two records if it was reported. */
    public Optional<ScoredPair> pair(long keyA, long keyB) {
        long low = Math.min(keyA, keyB);
        long high = Math.max(keyA, keyB);
        return pairs.stream().filter(p -> p.keyA() == low && p.keyB() == high).findFirst();
    }
}
