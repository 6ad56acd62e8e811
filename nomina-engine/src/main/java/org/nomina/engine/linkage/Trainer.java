package org.nomina.engine.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nomina.engine.work.Workers;

/**
 * The training stage of a run: u from random pairs, m by expectation–maximisation one pass per blocking
 * rule (among several lists on pairs across lists only), the comparisons' limits on disagreement, λ bounded
 * by the matches the lists can hold, and the per-level weights, ordered so that a stronger level never
 * weighs less than a weaker one.
 */
final class Trainer {
    /** Duplicates within one list allowed for in the bound on λ, as a share of the list's records. */
    static final double DUPLICATE_SHARE = 0.05;

    private final RecordTable table;
    private final List<FieldComparator> comparators;
    private final LinkageConfig config;
    private final PairComparer comparer;
    private final Runnable cancellation;
    private final int fields;

    Trainer(RecordTable table, List<FieldComparator> comparators, LinkageConfig config, PairComparer comparer, Runnable cancellation) {
        this.table = table;
        this.comparators = comparators;
        this.config = config;
        this.comparer = comparer;
        this.cancellation = cancellation;
        this.fields = comparators.size();
    }

    FittedModel train(long[] pairsForTraining, byte[] levels, short[] masks, int pairCount) {
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
        short[] trainingMasks = masks;
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
            cancellation.run();
            int bit = 1 << r;
            long included = 0;
            for (int p = 0; p < patterns.patterns().length; p++) {
                if ((patterns.masks()[p] & bit) != 0) {
                    included += patterns.counts()[p];
                }
            }
            if (included < 100 || !rules.get(r).trainsM()) {
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
                weights[level] = Linker.log2(m[f][level] / u[f][level]);
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
            Workers.LINKAGE.forEach(0, chunks, chunk -> {
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
                    comparer.compare(Math.min(a, b), Math.max(a, b), levels, 0, false);
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
