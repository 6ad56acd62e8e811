package org.nomina.engine.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unsupervised training of a Fellegi–Sunter model, after Splink: u from random pairs (fixed, not updated
 * by EM), m by EM over the candidate pairs, one pass per blocking rule with the fields that rule blocks on
 * left out (their agreement is forced by blocking, so those pairs say nothing about their m), m averaged
 * over the passes that estimated it, and finally λ among candidates by EM with m and u fixed.
 *
 * <p>EM runs on distinct comparison patterns with counts rather than on pairs: a 1,000,000-record run
 * has tens of millions of pairs but a few thousand patterns, so one iteration costs microseconds.
 */
final class FellegiSunter {

    /** Smallest m or u: keeps weights finite when a level never occurs. */
    static final double FLOOR = 1e-6;

    private FellegiSunter() {
    }

    /** Distinct patterns with their counts per rule mask. */
    record Patterns(long[] patterns, short[] masks, long[] counts) {
    }

    static long pattern(byte[] levels, int offset, int fields) {
        long pattern = 0;
        for (int f = 0; f < fields; f++) {
            pattern |= (long) levels[offset + f] << (4 * f);
        }
        return pattern;
    }

    static int levelOf(long pattern, int field) {
        return (int) (pattern >>> (4 * field)) & 15;
    }

    /**
     * Bits a pattern's levels take (4 per field) and the rule mask beside them (one per rule) must fit one long
     * ({@link LinkageConfig} checks it): the patterns are aggregated by sorting those longs.
     */
    static boolean fits(int fields, int rules) {
        return 4 * fields + rules <= 64;
    }

    static Patterns aggregate(byte[] levels, short[] masks, int fields, int pairs) {
        int shift = Math.min(Short.SIZE, 64 - 4 * fields);
        long maskOf = (1L << shift) - 1;
        long[] keyed = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            long mask = masks[i] & 0xFFFF;
            if ((mask & ~maskOf) != 0) {
                throw new IllegalArgumentException("rule mask " + mask + " does not fit beside " + fields + " fields");
            }
            keyed[i] = pattern(levels, i * fields, fields) << shift | mask;
        }
        Arrays.parallelSort(keyed);
        List<long[]> runs = new ArrayList<>();
        int start = 0;
        while (start < pairs) {
            int end = start + 1;
            while (end < pairs && keyed[end] == keyed[start]) {
                end++;
            }
            runs.add(new long[] {keyed[start], end - start});
            start = end;
        }
        long[] patterns = new long[runs.size()];
        short[] runMasks = new short[runs.size()];
        long[] counts = new long[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            patterns[i] = runs.get(i)[0] >>> shift;
            runMasks[i] = (short) (runs.get(i)[0] & maskOf);
            counts[i] = runs.get(i)[1];
        }
        return new Patterns(patterns, runMasks, counts);
    }

    /**
     * One EM run.
     *
     * @param include which patterns take part (by rule mask)
     * @param active  which fields take part in the likelihood; the others are left out
     * @param update  which active fields have their m re-estimated (in place)
     * @param m       starting m
     * @param u       fixed u
     * @return λ among the included patterns
     */
    static double em(Patterns data, java.util.function.IntPredicate include, boolean[] active, boolean[] update,
                     double[][] m, double[][] u, int[] missing, double lambdaStart, int iterations) {
        double lambda = lambdaStart;
        int fields = m.length;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[][] matchSums = new double[fields][];
            for (int f = 0; f < fields; f++) {
                matchSums[f] = new double[m[f].length];
            }
            double totalPosterior = 0;
            double total = 0;
            for (int p = 0; p < data.patterns().length; p++) {
                if (!include.test(p)) {
                    continue;
                }
                long pattern = data.patterns()[p];
                double matchLikelihood = lambda;
                double nonMatchLikelihood = 1 - lambda;
                for (int f = 0; f < fields; f++) {
                    int level = levelOf(pattern, f);
                    if (!active[f] || level == missing[f]) {
                        continue;
                    }
                    matchLikelihood *= m[f][level];
                    nonMatchLikelihood *= u[f][level];
                }
                double posterior = matchLikelihood / (matchLikelihood + nonMatchLikelihood);
                double count = data.counts()[p];
                totalPosterior += posterior * count;
                total += count;
                for (int f = 0; f < fields; f++) {
                    int level = levelOf(pattern, f);
                    if (active[f] && level != missing[f]) {
                        matchSums[f][level] += posterior * count;
                    }
                }
            }
            if (total == 0) {
                return lambda;
            }
            double newLambda = Math.min(1 - FLOOR, Math.max(FLOOR, totalPosterior / total));
            double change = Math.abs(newLambda - lambda);
            lambda = newLambda;
            for (int f = 0; f < fields; f++) {
                if (!active[f] || !update[f]) {
                    continue;
                }
                double sum = 0;
                for (int level = 0; level < missing[f]; level++) {
                    sum += matchSums[f][level];
                }
                if (sum <= 0) {
                    continue;
                }
                for (int level = 0; level < missing[f]; level++) {
                    double value = Math.max(FLOOR, matchSums[f][level] / sum);
                    change = Math.max(change, Math.abs(value - m[f][level]));
                    m[f][level] = value;
                }
            }
            if (change < 1e-6) {
                break;
            }
        }
        return lambda;
    }

    /** Starting m: most matches agree exactly; the rest spread with halving mass down the levels. */
    static double[] startingM(int levels) {
        int real = levels - 1;
        double[] m = new double[levels];
        double mass = 1.0;
        for (int level = 0; level < real; level++) {
            double share = level == real - 1 ? mass : (level == 0 ? 0.8 : mass * 0.5);
            m[level] = share;
            mass -= share;
        }
        m[levels - 1] = 1.0;
        return m;
    }
}
