package org.nomina.engine.linkage;

import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.PhoneticKeys;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nomina.engine.work.Workers;

/**
 * Links records into persons: normalise → block → compare → train (u by sampling, m by EM) → score →
 * [learn spellings, train and score again] → cluster → report. Stateless; {@link #link} may run concurrently
 * on different inputs. Each stage is a method of one run ({@code Run}); comparing a pair is
 * {@link PairComparer}'s, training {@link Trainer}'s, a model's weights {@link Weights}', clustering
 * {@link Clusterer}'s.
 */
public final class Linker {

    private static final int BATCH = 1 << 18;
    /**
     * Review pairs a run reports, the most probable: a review queue is read by people, and one village of
     * namesakes can leave millions of pairs in the band, each an object with its explanation.
     */
    public static final int MAX_REVIEW_PAIRS = 100_000;

    private Linker() {
    }

    /**
     * Links the records.
     *
     * @param records   the records; keys must be unique
     * @param config    what to compare and how to decide
     * @param decisions human verdicts on pairs; pairs naming unknown keys are ignored
     * @param progress  progress callback, called on the calling thread
     * @throws LinkageCancelledException when the calling thread is interrupted (the flag stays set)
     */
    public static LinkageResult link(List<LinkRecord> records, LinkageConfig config, List<HumanDecision> decisions,
                                     ProgressListener progress) {
        return new Run(records, config, decisions, progress).execute();
    }

    /** Runs of at least this many records are linked in {@link #localityOrder}; smaller ones in the order given. */
    static final int LOCALITY_MIN = 20_000;

    /**
     * The records in an order that puts the records of one surname family and given-name family next to each other
     * (families numbered in the order first met, so the order is the same for the same input), for runs of at least
     * {@value #LOCALITY_MIN} records (and below 2^22, the index bits of the sort key; past 2^21 − 1 families the last
     * ones share a number, which only coarsens the order); others as given. Results are by key, so the order changes no result but where
     * pairs tie. Why: every blocking rule pairs records that share a surname or given-name key, and the compare,
     * cluster and one_to_one stages read each record's columns by its index; in list order a pair's second record lay
     * anywhere in the table and nearly every read of its columns missed the cache.
     */
    static List<LinkRecord> localityOrder(List<LinkRecord> records) {
        int n = records.size();
        if (n < LOCALITY_MIN || n >= 1 << 22) {
            return records;
        }
        NameNormaliser names = NameNormaliser.shared();
        String[] surname = new String[n];
        String[] given = new String[n];
        // The normaliser's caches are thread-safe; the table built next finds these names in them.
        Workers.LINKAGE.forEach(0, n, i -> {
            surname[i] = names.surname(records.get(i).surname()).familyKey();
            given[i] = names.givenName(records.get(i).givenName()).familyKey();
        });
        Map<String, Integer> surnameIds = new HashMap<>();
        Map<String, Integer> givenIds = new HashMap<>();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            long s = surnameIds.computeIfAbsent(surname[i] == null ? "" : surname[i], k -> surnameIds.size());
            long g = givenIds.computeIfAbsent(given[i] == null ? "" : given[i], k -> givenIds.size());
            keyed[i] = Math.min(s, (1 << 21) - 1) << 43 | Math.min(g, (1 << 21) - 1) << 22 | i;
        }
        Arrays.sort(keyed);
        List<LinkRecord> ordered = new ArrayList<>(n);
        for (long k : keyed) {
            ordered.add(records.get((int) (k & ((1 << 22) - 1))));
        }
        return ordered;
    }

    /** One run's state, stage by stage. */
    private static final class Run {
        /** The records in {@link #localityOrder}, set as the normalise stage begins. */
        private List<LinkRecord> records;
        private final LinkageConfig config;
        private final List<HumanDecision> decisions;
        private final ProgressListener progress;
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private final List<FieldComparator> comparators;
        private final int fields;
        private RecordTable table;
        private PairComparer comparer;

        /** Candidate pairs (sorted, packed as two record indexes) with the mask of the rules that proposed each. */
        private record Proposed(long[] pairs, short[] masks) {
        }

        /** Each pair's levels ({@code fields} per pair) and whether its names were compared crossed. */
        private record Compared(byte[] levels, boolean[] crossed) {
        }

        /** Each pair's match weight (bits) and probability. */
        private record Scores(float[] matchWeight, float[] probability) {
        }

        Run(List<LinkRecord> records, LinkageConfig config, List<HumanDecision> decisions, ProgressListener progress) {
            this.records = records;
            this.config = config;
            this.decisions = decisions;
            this.progress = progress;
            this.comparators = config.comparisons().stream().map(FieldComparator::of).toList();
            this.fields = comparators.size();
            for (int f = 0; f < fields; f++) {
                if (comparators.get(f).labels().size() > 15) {
                    throw new LinkageConfigException("comparisons[" + f + "]: more than 15 levels");
                }
            }
        }

        private void checkCancelled(String stage) {
            if (Thread.currentThread().isInterrupted()) {
                throw new LinkageCancelledException(stage);
            }
        }

        LinkageResult execute() {
            long start = System.nanoTime();
            checkCancelled("normalise");
            records = localityOrder(records);
            table = normalise();
            comparer = new PairComparer(table, comparators);
            progress.progress("normalise", records.size(), records.size());
            start = lap("normalise", start);

            checkCancelled("block");
            Blocker.Candidates candidates = new Blocker(table, new PhoneticKeys())
                    .block(config.blockingRules(), config.blockCap(), () -> checkCancelled("block"));
            Map<Long, HumanDecision.Verdict> verdicts = verdictsByPair();
            Proposed proposed = withHumanPairs(candidates, verdicts);
            long[] pairs = proposed.pairs();
            int pairCount = pairs.length;
            progress.progress("block", pairCount, pairCount);
            start = lap("block", start);

            Compared compared = compareAll(pairs);
            start = lap("compare", start);

            checkCancelled("em");
            Trainer trainer = new Trainer(table, comparators, config, comparer, () -> checkCancelled("em"));
            FittedModel model = trainer.train(pairs, compared.levels(), proposed.masks(), pairCount);
            progress.progress("em", 1, 1);
            start = lap("em", start);

            checkCancelled("score");
            Weights weights = new Weights(model, table, comparators);
            Scores scores = scoreAll(pairs, compared, weights);
            progress.progress("score", pairCount, pairCount);
            start = lap("score", start);

            if (config.learnSpellings()) {
                checkCancelled("learn");
                Weights learnedFrom = weights;
                List<LearnedSpelling> learned = SpellingLearner.learn(table, comparators, pairs, compared.levels(), compared.crossed(),
                        scores.matchWeight(), (i, f) -> learnedFrom.field(f, compared.levels()[i * fields + f], (int) (pairs[i] >>> 32),
                                compared.crossed()[i]));
                if (!learned.isEmpty()) {
                    // The learnt families change what the "family" level holds, so m and u are learnt again:
                    // with the old model a level no pair had reached weighed -16 bits.
                    model = trainer.train(pairs, compared.levels(), proposed.masks(), pairCount);
                    weights = new Weights(model, table, comparators);
                    scores = scoreAll(pairs, compared, weights);
                }
                model = model.withLearnedSpellings(learned);
                progress.progress("learn", learned.size(), learned.size());
                start = lap("learn", start);
            }

            OneToOne.Lowered lowered = OneToOne.Lowered.NOTHING;
            if (config.oneToOne()) {
                lowered = OneToOne.apply(table, pairs, scores.matchWeight(), scores.probability(), config.sameSourceProbability(),
                        pairCount <= OneToOne.SECOND_LOOK_PAIRS);
            }
            checkCancelled("cluster");
            Clusterer clusterer = clusterer(pairs, scores, weights, verdicts);
            int[] root = clusterer.cluster(() -> checkCancelled("cluster"));
            if (lowered != OneToOne.Lowered.NOTHING) {
                root = OneToOne.secondLook(table, config, clusterer, root, pairs, scores.matchWeight(), scores.probability(), lowered);
            }
            Map<Long, Long> clusterByKey = clusterByKey(root);
            float[] reviewBand = reviewBand(pairs, scores.probability(), verdicts, root);
            List<ScoredPair> reported = report(pairs, compared, scores, weights, verdicts, root, reviewBand);
            progress.progress("cluster", 1, 1);
            lap("cluster", start);
            return new LinkageResult(clusterByKey, List.copyOf(reported), pairCount, candidates.counts(),
                    candidates.capped(), reviewBand.length, model, Map.copyOf(timings));
        }

        /** The records as columns of normal forms, with the extra columns that comparisons and blocking name. */
        private RecordTable normalise() {
            TreeSet<String> extraColumns = new TreeSet<>();
            for (ComparisonSpec spec : config.comparisons()) {
                if (spec.field().startsWith("extra.")) {
                    extraColumns.add(spec.field().substring(6));
                }
            }
            for (BlockingRule rule : config.blockingRules()) {
                for (BlockingKey key : rule.keys()) {
                    if (key instanceof BlockingKey.Extra extra) {
                        extraColumns.add(extra.column());
                    }
                }
            }
            return new RecordTable(records, extraColumns, NameNormaliser.shared());
        }

        /** The blocked pairs and the pairs a reviewer decided but no rule proposed: compared and reported all the same. */
        private static Proposed withHumanPairs(Blocker.Candidates candidates, Map<Long, HumanDecision.Verdict> verdicts) {
            long[] pairs = candidates.pairs();
            short[] masks = candidates.ruleMasks();
            long[] missingHuman = verdicts.keySet().stream().mapToLong(Long::longValue)
                    .filter(pair -> Arrays.binarySearch(candidates.pairs(), pair) < 0).sorted().toArray();
            if (missingHuman.length == 0) {
                return new Proposed(pairs, masks);
            }
            long[] merged = Arrays.copyOf(pairs, pairs.length + missingHuman.length);
            System.arraycopy(missingHuman, 0, merged, pairs.length, missingHuman.length);
            Arrays.sort(merged);
            short[] mergedMasks = new short[merged.length];
            for (int i = 0; i < merged.length; i++) {
                int found = Arrays.binarySearch(candidates.pairs(), merged[i]);
                mergedMasks[i] = found >= 0 ? masks[found] : 0;
            }
            return new Proposed(merged, mergedMasks);
        }

        /** Every pair's levels, in parallel batches. */
        private Compared compareAll(long[] pairs) {
            int pairCount = pairs.length;
            byte[] levels = new byte[pairCount * fields];
            boolean[] crossed = new boolean[pairCount];
            for (int from = 0; from < pairCount; from += BATCH) {
                checkCancelled("compare");
                int to = Math.min(pairCount, from + BATCH);
                Workers.LINKAGE.forEach(from, to, i -> {
                    long pair = pairs[i];
                    crossed[i] = comparer.compare((int) (pair >>> 32), (int) pair, levels, i * fields, config.swapNames());
                });
                progress.progress("compare", to, pairCount);
            }
            return new Compared(levels, crossed);
        }

        private Scores scoreAll(long[] pairs, Compared compared, Weights weights) {
            float[] matchWeight = new float[pairs.length];
            float[] probability = new float[pairs.length];
            byte[] levels = compared.levels();
            boolean[] crossed = compared.crossed();
            for (int from = 0; from < pairs.length; from += BATCH) {
                checkCancelled("score");
                int to = Math.min(pairs.length, from + BATCH);
                Workers.LINKAGE.forEach(from, to, i -> {
                    double total = weights.total(levels, i * fields, (int) (pairs[i] >>> 32), crossed[i]);
                    matchWeight[i] = (float) total;
                    probability[i] = (float) (1.0 / (1.0 + Math.pow(2, -total)));
                });
            }
            return new Scores(matchWeight, probability);
        }

        /** The clusterer of the scored pairs; pairs no rule proposed are scored on demand when a merge would put them in one person. */
        private Clusterer clusterer(long[] pairs, Scores scores, Weights weights, Map<Long, HumanDecision.Verdict> verdicts) {
            Clusterer.PairScorer scorer = (a, b) -> {
                byte[] pairLevels = new byte[fields];
                boolean crossedPair = comparer.compare(Math.min(a, b), Math.max(a, b), pairLevels, 0, config.swapNames());
                return weights.total(pairLevels, 0, Math.min(a, b), crossedPair);
            };
            return new Clusterer(table, pairs, scores.probability(), scores.matchWeight(), config, verdicts, scorer);
        }

        /** Every record's key → its cluster's smallest key. */
        private Map<Long, Long> clusterByKey(int[] root) {
            long[] clusterMin = new long[table.size];
            Arrays.fill(clusterMin, Long.MAX_VALUE);
            for (int i = 0; i < table.size; i++) {
                clusterMin[root[i]] = Math.min(clusterMin[root[i]], table.keys[i]);
            }
            Map<Long, Long> clusterByKey = new HashMap<>(table.size * 2);
            for (int i = 0; i < table.size; i++) {
                clusterByKey.put(table.keys[i], clusterMin[root[i]]);
            }
            return clusterByKey;
        }

        /**
         * The pairs a run reports: every pair a human decided, and those at or above the review probability, of
         * the review band only the {@value #MAX_REVIEW_PAIRS} most probable; each with its decision and per-field
         * contributions.
         */
        private List<ScoredPair> report(long[] pairs, Compared compared, Scores scores, Weights weights,
                                        Map<Long, HumanDecision.Verdict> verdicts, int[] root, float[] reviewBand) {
            float[] probability = scores.probability();
            List<ScoredPair> reported = new ArrayList<>();
            float reviewFloor = reviewBand.length <= MAX_REVIEW_PAIRS ? 0f : kthLargest(reviewBand, MAX_REVIEW_PAIRS);
            int reviewKept = 0;
            for (int i = 0; i < pairs.length; i++) {
                HumanDecision.Verdict verdict = verdicts.get(pairs[i]);
                if (verdict == null && probability[i] < config.reviewProbability()) {
                    continue;
                }
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                if (verdict == null && isReview(probability[i], root[a] == root[b])) {
                    if (probability[i] < reviewFloor || reviewKept >= MAX_REVIEW_PAIRS) {
                        continue;
                    }
                    reviewKept++;
                }
                Decision decision;
                if (verdict != null) {
                    decision = switch (verdict) {
                        case SAME -> Decision.HUMAN_SAME;
                        case DIFFERENT -> Decision.HUMAN_DIFFERENT;
                        case UNSURE -> Decision.HUMAN_UNSURE;
                    };
                } else if (probability[i] >= config.matchProbability() && root[a] == root[b]) {
                    decision = Decision.AUTO_MATCH;
                } else {
                    decision = Decision.REVIEW;
                }
                boolean crossed = compared.crossed()[i];
                float[] contribution = new float[fields];
                byte[] pairLevels = Arrays.copyOfRange(compared.levels(), i * fields, (i + 1) * fields);
                for (int f = 0; f < fields; f++) {
                    contribution[f] = (float) weights.field(f, pairLevels[f], a, crossed);
                }
                long keyA = table.keys[a];
                long keyB = table.keys[b];
                reported.add(new ScoredPair(Math.min(keyA, keyB), Math.max(keyA, keyB), scores.matchWeight()[i],
                        probability[i], new Contributions(comparators, pairLevels, contribution, crossed),
                        decision));
            }
            return reported;
        }

        private boolean isReview(float probability, boolean sameCluster) {
            return probability >= config.reviewProbability() && !(probability >= config.matchProbability() && sameCluster);
        }

        /** Probabilities of the pairs left for review (no human verdict, in the band, not merged). */
        private float[] reviewBand(long[] pairs, float[] probability, Map<Long, HumanDecision.Verdict> verdicts,
                                   int[] root) {
            int count = 0;
            float[] band = new float[1024];
            for (int i = 0; i < pairs.length; i++) {
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                if (isReview(probability[i], root[a] == root[b]) && !verdicts.containsKey(pairs[i])) {
                    if (count == band.length) {
                        band = Arrays.copyOf(band, band.length * 2);
                    }
                    band[count++] = probability[i];
                }
            }
            return Arrays.copyOf(band, count);
        }

        /** The k-th largest value; sorts a copy (ten million floats sort in about a second). */
        private static float kthLargest(float[] values, int k) {
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length - k];
        }

        private long lap(String stage, long start) {
            long now = System.nanoTime();
            timings.put(stage, (now - start) / 1_000_000);
            return now;
        }

        private Map<Long, HumanDecision.Verdict> verdictsByPair() {
            Map<Long, Integer> indexByKey = new HashMap<>(table.size * 2);
            for (int i = 0; i < table.size; i++) {
                indexByKey.put(table.keys[i], i);
            }
            Map<Long, HumanDecision.Verdict> verdicts = new HashMap<>();
            for (HumanDecision decision : decisions) {
                Integer a = indexByKey.get(decision.keyA());
                Integer b = indexByKey.get(decision.keyB());
                if (a != null && b != null) {
                    verdicts.put((long) Math.min(a, b) << 32 | Math.max(a, b), decision.verdict());
                }
            }
            return verdicts;
        }
    }

    static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    /** Per-field contributions of one reported pair, built on demand from its levels (saves memory). */
    private static final class Contributions extends AbstractList<FieldContribution> {
        private final List<FieldComparator> comparators;
        private final byte[] levels;
        private final float[] weights;
        private final boolean crossed;

        Contributions(List<FieldComparator> comparators, byte[] levels, float[] weights, boolean crossed) {
            this.comparators = comparators;
            this.levels = levels;
            this.weights = weights;
            this.crossed = crossed;
        }

        @Override
        public FieldContribution get(int index) {
            FieldComparator comparator = comparators.get(index);
            String label = comparator.labels().get(levels[index]);
            boolean name = comparator.field().equals("surname") || comparator.field().equals("given_name");
            return new FieldContribution(comparator.field(), crossed && name ? label + " (swapped)" : label,
                    weights[index]);
        }

        @Override
        public int size() {
            return levels.length;
        }
    }
}
