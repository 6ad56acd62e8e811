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
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Links records into persons: normalise → block → compare → train (u by sampling, m by EM) → score →
 * cluster. Stateless; {@link #link} may run concurrently on different inputs.
 */
public final class Linker {

    private static final int BATCH = 1 << 18;
    /**
     * Review pairs a run reports, the most probable: a review queue is read by people, and one village of
     * namesakes can leave millions of pairs in the band, each an object with its explanation.
     */
    public static final int MAX_REVIEW_PAIRS = 100_000;
    /** Duplicates within one list allowed for in the bound on λ, as a share of the list's records. */
    static final double DUPLICATE_SHARE = 0.05;

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

    /** One run's state. */
    private static final class Run {
        private final List<LinkRecord> records;
        private final LinkageConfig config;
        private final List<HumanDecision> decisions;
        private final ProgressListener progress;
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private final List<FieldComparator> comparators;
        private final int fields;
        private RecordTable table;
        private int surnameField = -1;
        private int givenField = -1;

        Run(List<LinkRecord> records, LinkageConfig config, List<HumanDecision> decisions, ProgressListener progress) {
            this.records = records;
            this.config = config;
            this.decisions = decisions;
            this.progress = progress;
            this.comparators = config.comparisons().stream().map(FieldComparator::of).toList();
            this.fields = comparators.size();
            for (int f = 0; f < fields; f++) {
                if (comparators.get(f).field().equals("surname")) {
                    surnameField = f;
                } else if (comparators.get(f).field().equals("given_name")) {
                    givenField = f;
                }
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
            table = new RecordTable(records, extraColumns, NameNormaliser.shared());
            progress.progress("normalise", records.size(), records.size());
            start = lap("normalise", start);

            checkCancelled("block");
            Blocker.Candidates candidates = new Blocker(table, new PhoneticKeys())
                    .block(config.blockingRules(), config.blockCap(), () -> checkCancelled("block"));
            Map<Long, HumanDecision.Verdict> verdicts = verdictsByPair();
            long[] pairs = candidates.pairs();
            byte[] masks = candidates.ruleMasks();
            long[] missingHuman = verdicts.keySet().stream().mapToLong(Long::longValue)
                    .filter(pair -> Arrays.binarySearch(candidates.pairs(), pair) < 0).sorted().toArray();
            if (missingHuman.length > 0) {
                // Pairs a reviewer decided but no rule proposed: compared and reported all the same.
                long[] merged = Arrays.copyOf(pairs, pairs.length + missingHuman.length);
                System.arraycopy(missingHuman, 0, merged, pairs.length, missingHuman.length);
                Arrays.sort(merged);
                byte[] mergedMasks = new byte[merged.length];
                for (int i = 0; i < merged.length; i++) {
                    int found = Arrays.binarySearch(candidates.pairs(), merged[i]);
                    mergedMasks[i] = found >= 0 ? masks[found] : 0;
                }
                pairs = merged;
                masks = mergedMasks;
            }
            progress.progress("block", pairs.length, pairs.length);
            start = lap("block", start);

            int pairCount = pairs.length;
            byte[] levels = new byte[pairCount * fields];
            boolean[] crossed = new boolean[pairCount];
            long[] pairsFinal = pairs;
            for (int from = 0; from < pairCount; from += BATCH) {
                checkCancelled("compare");
                int to = Math.min(pairCount, from + BATCH);
                IntStream.range(from, to).parallel().forEach(i -> {
                    long pair = pairsFinal[i];
                    crossed[i] = compare((int) (pair >>> 32), (int) pair, levels, i * fields, config.swapNames());
                });
                progress.progress("compare", to, pairCount);
            }
            start = lap("compare", start);

            checkCancelled("em");
            FittedModel model = train(pairsFinal, levels, masks, pairCount);
            progress.progress("em", 1, 1);
            start = lap("em", start);

            checkCancelled("score");
            double[][] weights = new double[fields][];
            double[][] mAgreeing = new double[fields][];
            double[] prior = new double[1];
            useModel(model, weights, mAgreeing, prior);
            float[] matchWeight = new float[pairCount];
            float[] probability = new float[pairCount];
            double tfFloor = 1.0 / Math.max(1, table.size);
            scoreAll(pairsFinal, levels, crossed, prior[0], weights, mAgreeing, tfFloor, matchWeight, probability);
            progress.progress("score", pairCount, pairCount);
            start = lap("score", start);

            if (config.learnSpellings()) {
                checkCancelled("learn");
                List<LearnedSpelling> learned = SpellingLearner.learn(table, comparators, pairsFinal, levels, crossed,
                        matchWeight, (i, f) -> fieldWeight(f, levels[i * fields + f], (int) (pairsFinal[i] >>> 32),
                                crossed[i], weights, mAgreeing, tfFloor));
                if (!learned.isEmpty()) {
                    // The learnt families change what the "family" level holds, so m and u are learnt again:
                    // with the old model a level no pair had reached weighed -16 bits.
                    model = train(pairsFinal, levels, masks, pairCount);
                    useModel(model, weights, mAgreeing, prior);
                    scoreAll(pairsFinal, levels, crossed, prior[0], weights, mAgreeing, tfFloor, matchWeight, probability);
                }
                model = model.withLearnedSpellings(learned);
                progress.progress("learn", learned.size(), learned.size());
                start = lap("learn", start);
            }

            checkCancelled("cluster");
            // Pairs no rule proposed are scored on demand when a merge would put them in one person.
            Clusterer.PairScorer scorer = (a, b) -> {
                byte[] pairLevels = new byte[fields];
                boolean crossedPair = compare(Math.min(a, b), Math.max(a, b), pairLevels, 0, config.swapNames());
                double total = prior[0];
                for (int f = 0; f < fields; f++) {
                    total += fieldWeight(f, pairLevels[f], Math.min(a, b), crossedPair, weights, mAgreeing, tfFloor);
                }
                return total;
            };
            Clusterer clusterer = new Clusterer(table, pairsFinal, probability, matchWeight, config, verdicts, scorer);
            int[] root = clusterer.cluster(() -> checkCancelled("cluster"));
            long[] clusterMin = new long[table.size];
            Arrays.fill(clusterMin, Long.MAX_VALUE);
            for (int i = 0; i < table.size; i++) {
                clusterMin[root[i]] = Math.min(clusterMin[root[i]], table.keys[i]);
            }
            Map<Long, Long> clusterByKey = new HashMap<>(table.size * 2);
            for (int i = 0; i < table.size; i++) {
                clusterByKey.put(table.keys[i], clusterMin[root[i]]);
            }
            List<ScoredPair> reported = new ArrayList<>();
            float[] reviewBand = reviewBand(pairsFinal, probability, verdicts, root);
            float reviewFloor = reviewBand.length <= MAX_REVIEW_PAIRS ? 0f : kthLargest(reviewBand, MAX_REVIEW_PAIRS);
            int reviewKept = 0;
            for (int i = 0; i < pairCount; i++) {
                HumanDecision.Verdict verdict = verdicts.get(pairsFinal[i]);
                if (verdict == null && probability[i] < config.reviewProbability()) {
                    continue;
                }
                int a = (int) (pairsFinal[i] >>> 32);
                int b = (int) pairsFinal[i];
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
                float[] contribution = new float[fields];
                byte[] pairLevels = Arrays.copyOfRange(levels, i * fields, (i + 1) * fields);
                for (int f = 0; f < fields; f++) {
                    contribution[f] = (float) fieldWeight(f, pairLevels[f], a, crossed[i], weights, mAgreeing, tfFloor);
                }
                long keyA = table.keys[a];
                long keyB = table.keys[b];
                reported.add(new ScoredPair(Math.min(keyA, keyB), Math.max(keyA, keyB), matchWeight[i],
                        probability[i], new Contributions(comparators, pairLevels, contribution, crossed[i]),
                        decision));
            }
            progress.progress("cluster", 1, 1);
            lap("cluster", start);
            return new LinkageResult(clusterByKey, List.copyOf(reported), pairCount, candidates.counts(),
                    candidates.capped(), reviewBand.length, model, Map.copyOf(timings));
        }

        /** Fills the per-level weights, the agreeing levels' m and the prior from a model. */
        private void useModel(FittedModel model, double[][] weights, double[][] mAgreeing, double[] prior) {
            for (int f = 0; f < fields; f++) {
                List<FittedModel.LevelModel> fieldLevels = model.fields().get(f).levels();
                weights[f] = fieldLevels.stream().mapToDouble(FittedModel.LevelModel::weight).toArray();
                mAgreeing[f] = new double[] {fieldLevels.get(0).m(), fieldLevels.size() > 1 ? fieldLevels.get(1).m() : 0};
            }
            prior[0] = log2(model.lambda() / (1 - model.lambda()));
        }

        private void scoreAll(long[] pairs, byte[] levels, boolean[] crossed, double prior, double[][] weights,
                              double[][] mAgreeing, double tfFloor, float[] matchWeight, float[] probability) {
            for (int from = 0; from < pairs.length; from += BATCH) {
                checkCancelled("score");
                int to = Math.min(pairs.length, from + BATCH);
                IntStream.range(from, to).parallel().forEach(i -> {
                    double total = prior;
                    int a = (int) (pairs[i] >>> 32);
                    for (int f = 0; f < fields; f++) {
                        total += fieldWeight(f, levels[i * fields + f], a, crossed[i], weights, mAgreeing, tfFloor);
                    }
                    matchWeight[i] = (float) total;
                    probability[i] = (float) (1.0 / (1.0 + Math.pow(2, -total)));
                });
            }
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

        private double fieldWeight(int f, int level, int a, boolean crossedPair, double[][] weights,
                                   double[][] mAgreeing, double tfFloor) {
            if (level == 0 && !crossedPair) {
                double tf = comparators.get(f).termFrequency(table, a);
                if (tf > 0) {
                    // Splink's TF adjustment: u of an exact match on value v is v's frequency.
                    return log2(mAgreeing[f][0] / Math.max(tf, tfFloor));
                }
            }
            if (level == 1 && !crossedPair) {
                // The same for a name's spelling family: across scripts most true pairs agree only at
                // this level (Məmmədova / Мамедова), and Məmmədov's family is one record in fifteen.
                double tf = comparators.get(f).familyFrequency(table, a);
                if (tf > 0) {
                    return log2(mAgreeing[f][1] / Math.max(tf, tfFloor));
                }
            }
            return weights[f][level];
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

        /** Writes the levels of pair (a, b); returns whether the names were compared crossed. */
        private boolean compare(int a, int b, byte[] out, int offset, boolean swap) {
            for (int f = 0; f < fields; f++) {
                out[offset + f] = (byte) comparators.get(f).level(table, a, b);
            }
            if (!swap || surnameField < 0 || givenField < 0) {
                return false;
            }
            int straight = out[offset + surnameField] + out[offset + givenField];
            if (straight < 4) {
                return false;
            }
            FieldComparator.NameComparator surname = (FieldComparator.NameComparator) comparators.get(surnameField);
            FieldComparator.NameComparator given = (FieldComparator.NameComparator) comparators.get(givenField);
            int crossedSurname = surname.level(table.surname, a, table.given, b);
            int crossedGiven = given.level(table.given, a, table.surname, b);
            if (crossedSurname + crossedGiven < straight) {
                out[offset + surnameField] = (byte) crossedSurname;
                out[offset + givenField] = (byte) crossedGiven;
                return true;
            }
            return false;
        }

        /**
         * A prior on disagreement, as each comparison's {@link ComparisonSpec#disagreementCap()} and
         * {@link ComparisonSpec#disagreementFloor()} say: m of the "different" level is brought within them and
         * the agreeing levels renormalised (the reasons for the defaults are at
         * {@link ComparisonSpec#standardDisagreementCap}). Then, for a date, m of "full_dates_differ" is capped
         * at min(cap, u): where one village's namesakes make most candidate pairs, EM gave two full dates that
         * differ m = 0.84 (+6.4 bits), and capped at 0.05 still +2.3 bits, since random pairs rarely have two
         * full dates a year apart; so they never count for a match (at most 0 bits).
         */
        private void capDisagreement(double[][] m, double[][] u, int[] missing) {
            for (int f = 0; f < fields; f++) {
                ComparisonSpec spec = config.comparisons().get(f);
                double cap = spec.disagreementCap();
                int different = missing[f] - 1;
                if (different >= 1 && m[f][different] < spec.disagreementFloor()) {
                    cap = spec.disagreementFloor();
                } else if (different < 1 || m[f][different] <= cap) {
                    continue;
                }
                double rest = 1 - m[f][different];
                for (int level = 0; level < different; level++) {
                    m[f][level] = rest > 0 ? m[f][level] / rest * (1 - cap) : (1 - cap) / different;
                }
                m[f][different] = cap;
            }
            for (int f = 0; f < fields; f++) {
                FieldComparator comparator = comparators.get(f);
                if (comparator instanceof FieldComparator.DateComparator) {
                    // After the cap above, which scales the agreeing levels up.
                    int level = comparator.labels().indexOf("full_dates_differ");
                    capLevel(m[f], level, Math.min(config.comparisons().get(f).disagreementCap(), u[f][level]));
                }
            }
        }

        /** Caps m of one level, the excess going to the stronger levels in proportion to their m. */
        private static void capLevel(double[] m, int level, double cap) {
            if (level <= 0 || m[level] <= cap) {
                return;
            }
            double excess = m[level] - cap;
            double stronger = 0;
            for (int l = 0; l < level; l++) {
                stronger += m[l];
            }
            for (int l = 0; l < level; l++) {
                m[l] += stronger > 0 ? excess * m[l] / stronger : excess / level;
            }
            m[level] = cap;
        }

        /**
         * The most matching pairs the candidates can hold: with several sources, each record matches at
         * most one record of each other source, so sources s and t share at most min(n_s, n_t) matches;
         * lists also hold a few duplicates of their own. With one source there is no such bound. Then no
         * more matching pairs than records: a heuristic, not a bound (a person on all of k lists gives
         * k(k−1)/2 pairs for k records), but most people appear on one or two lists; demo F1 0.903 → 0.910,
         * generated 100k 0.573 → 0.597, FEBRL4 unchanged.
         */
        private double maximumMatches() {
            if (table.sourceCount <= 1) {
                return Double.POSITIVE_INFINITY;
            }
            Map<Integer, Integer> sizes = new HashMap<>();
            for (int i = 0; i < table.size; i++) {
                sizes.merge(table.sources[i], 1, Integer::sum);
            }
            int[] n = sizes.values().stream().mapToInt(Integer::intValue).toArray();
            double total = 0;
            for (int s = 0; s < n.length; s++) {
                total += DUPLICATE_SHARE * n[s];
                for (int t = s + 1; t < n.length; t++) {
                    total += Math.min(n[s], n[t]);
                }
            }
            return Math.min(total, table.size);
        }

        private FittedModel train(long[] pairsForTraining, byte[] levels, byte[] masks, int pairCount) {
            int[] missing = new int[fields];
            double[][] u = new double[fields][];
            double[][] m = new double[fields][];
            for (int f = 0; f < fields; f++) {
                int levelCount = comparators.get(f).labels().size();
                missing[f] = levelCount - 1;
                u[f] = new double[levelCount];
                m[f] = FellegiSunter.startingM(levelCount);
            }
            estimateU(u, missing);
            // Among several lists, m and λ are learnt from pairs across lists only. One list writes all its
            // Məmmədovs alike, so its namesakes agree exactly on every name and EM took them for the matches:
            // on 10,000 Məmməd Məmmədovs of one village it learnt m(surname family) = 0 and found a third of
            // the true links; across lists, where the same person is spelt differently, recall 0.99.
            byte[] trainingMasks = masks;
            int trainingPairs = pairCount;
            if (table.sourceCount > 1) {
                trainingMasks = masks.clone();
                for (int i = 0; i < pairCount; i++) {
                    long pair = pairsForTraining[i];
                    if (table.sources[(int) (pair >>> 32)] == table.sources[(int) pair]) {
                        trainingMasks[i] = 0;
                        trainingPairs--;
                    }
                }
            }
            boolean crossOnly = table.sourceCount > 1;
            FellegiSunter.Patterns patterns = FellegiSunter.aggregate(levels, trainingMasks, fields, pairCount);
            java.util.function.IntPredicate trained = p -> !crossOnly || patterns.masks()[p] != 0;
            double[][] mSum = new double[fields][];
            int[] passes = new int[fields];
            for (int f = 0; f < fields; f++) {
                mSum[f] = new double[m[f].length];
            }
            List<BlockingRule> rules = config.blockingRules();
            for (int r = 0; r < rules.size(); r++) {
                checkCancelled("em");
                int bit = 1 << r;
                long included = 0;
                for (int p = 0; p < patterns.patterns().length; p++) {
                    if ((patterns.masks()[p] & bit) != 0) {
                        included += patterns.counts()[p];
                    }
                }
                if (included < 100) {
                    continue;
                }
                boolean[] active = new boolean[fields];
                Arrays.fill(active, true);
                for (BlockingKey key : rules.get(r).keys()) {
                    for (String implied : key.impliedFields()) {
                        for (int f = 0; f < fields; f++) {
                            if (comparators.get(f).field().equals(implied)) {
                                active[f] = false;
                            }
                        }
                    }
                }
                double[][] passM = new double[fields][];
                for (int f = 0; f < fields; f++) {
                    passM[f] = FellegiSunter.startingM(m[f].length);
                }
                FellegiSunter.em(patterns, p -> (patterns.masks()[p] & bit) != 0, active, active, passM, u, missing,
                        0.1, config.emIterations());
                for (int f = 0; f < fields; f++) {
                    if (active[f]) {
                        passes[f]++;
                        for (int level = 0; level < m[f].length; level++) {
                            mSum[f][level] += passM[f][level];
                        }
                    }
                }
            }
            boolean[] all = new boolean[fields];
            boolean[] unestimated = new boolean[fields];
            Arrays.fill(all, true);
            for (int f = 0; f < fields; f++) {
                if (passes[f] > 0) {
                    for (int level = 0; level < m[f].length; level++) {
                        m[f][level] = level == missing[f] ? 1.0 : mSum[f][level] / passes[f];
                    }
                } else {
                    unestimated[f] = true;
                }
            }
            capDisagreement(m, u, missing);
            boolean anyUnestimated = false;
            for (boolean flag : unestimated) {
                anyUnestimated |= flag;
            }
            if (anyUnestimated) {
                FellegiSunter.em(patterns, trained, all, unestimated, m, u, missing, 0.1, config.emIterations());
            }
            double lambda = FellegiSunter.em(patterns, trained, all, new boolean[fields], m, u, missing, 0.1,
                    config.emIterations());
            // EM's λ counts namesakes as matches where names are common (0.47 on the demo, truth 0.10);
            // it may not claim more matches than the lists can hold (demo: 0.20, F1 0.79 → 0.82).
            lambda = Math.min(lambda, Math.max(FellegiSunter.FLOOR, maximumMatches() / Math.max(1, trainingPairs)));
            double allPairs = (double) table.size * (table.size - 1) / 2;
            List<FittedModel.FieldModel> fieldModels = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                List<FittedModel.LevelModel> levelModels = new ArrayList<>();
                List<String> labels = comparators.get(f).labels();
                // Levels are ordered by agreement, so a stronger level never weighs less than a weaker one.
                // Without this, EM on lists whose matches all carry full dates gave "year within 1" an m
                // near zero and a weight far below "different" (-15 against -4 bits), so an age at the
                // incident counted as stronger evidence against a match than a different birth year.
                double[] weights = new double[labels.size()];
                for (int level = missing[f] - 1; level >= 0; level--) {
                    weights[level] = log2(m[f][level] / u[f][level]);
                    if (level < missing[f] - 1) {
                        weights[level] = Math.max(weights[level], weights[level + 1]);
                    }
                }
                for (int level = 0; level < labels.size(); level++) {
                    boolean isMissing = level == missing[f];
                    double weight = weights[level];
                    levelModels.add(new FittedModel.LevelModel(labels.get(level), isMissing ? 1.0 : m[f][level],
                            isMissing ? 1.0 : u[f][level], weight));
                }
                fieldModels.add(new FittedModel.FieldModel(comparators.get(f).field(), List.copyOf(levelModels)));
            }
            return new FittedModel(lambda, allPairs > 0 ? Math.min(1, lambda * pairCount / allPairs) : 0,
                    List.copyOf(fieldModels), List.of());
        }

        /**
         * u from random pairs. With several sources only cross-source pairs are drawn: those are the pairs the
         * model mostly scores, and within-source duplicates would otherwise leak matches into the sample.
         */
        private void estimateU(double[][] u, int[] missing) {
            int n = table.size;
            long[][] counts = new long[fields][];
            for (int f = 0; f < fields; f++) {
                counts[f] = new long[u[f].length];
            }
            if (n >= 2) {
                double possible = (double) n * (n - 1) / 2;
                // Twenty random pairs per record, at least 200,000, at most the configured cap: u of a level
                // seen once in 10,000 random pairs is then still estimated from 20+ occurrences, and FEBRL4
                // (10,000 records) spent 0.5 s in the EM stage instead of 2.9 s with a flat million.
                int samples = (int) Math.min(Math.min(config.uSamplePairs(), possible), Math.max(200_000, 20.0 * n));
                boolean crossOnly = table.sourceCount > 1;
                long seed = config.seed();
                int chunks = 16;
                long[][][] partial = new long[chunks][][];
                IntStream.range(0, chunks).parallel().forEach(chunk -> {
                    SplittableRandom random = new SplittableRandom(seed * 31 + chunk);
                    long[][] local = new long[fields][];
                    for (int f = 0; f < fields; f++) {
                        local[f] = new long[u[f].length];
                    }
                    byte[] levels = new byte[fields];
                    int quota = samples / chunks + (chunk < samples % chunks ? 1 : 0);
                    for (int s = 0; s < quota; s++) {
                        int a = random.nextInt(n);
                        int b = random.nextInt(n);
                        for (int tries = 0; (b == a || (crossOnly && table.sources[a] == table.sources[b]))
                                && tries < 20; tries++) {
                            b = random.nextInt(n);
                        }
                        if (b == a) {
                            continue;
                        }
                        compare(Math.min(a, b), Math.max(a, b), levels, 0, false);
                        for (int f = 0; f < fields; f++) {
                            local[f][levels[f]]++;
                        }
                    }
                    partial[chunk] = local;
                });
                for (long[][] local : partial) {
                    for (int f = 0; f < fields; f++) {
                        for (int level = 0; level < u[f].length; level++) {
                            counts[f][level] += local[f][level];
                        }
                    }
                }
            }
            for (int f = 0; f < fields; f++) {
                long present = 0;
                for (int level = 0; level < missing[f]; level++) {
                    present += counts[f][level];
                }
                for (int level = 0; level < missing[f]; level++) {
                    // Add-half smoothing: a level never seen among a million random pairs gets u ≈ 5e-7
                    // rather than 0 (an infinite weight).
                    u[f][level] = Math.max(FellegiSunter.FLOOR / 10, (counts[f][level] + 0.5) / (present + 0.5 * missing[f]));
                }
                u[f][missing[f]] = 1.0;
            }
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
