package org.nomina.engine.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns scored pairs into clusters without chaining strangers.
 *
 * <p>Plain connected components over links above the match threshold let one weak bridge join two
 * people: A–B and B–C link, A and C share nothing. Instead links are merged greedily, strongest first
 * (as in Kruskal), and two clusters merge only if
 * <ol>
 * <li>no reviewer said DIFFERENT for any pair across them (cannot-link);</li>
 * <li>every pair across them from the same source has a direct link of at least the same-source
 * probability (lists contain duplicates, but two rows of one list are usually two people);</li>
 * <li>the mean probability over the pairs across them that were compared is at least
 * {@code minimumAverageProbability} (average linkage on the evidence we have: a bridge that the other
 * members contradict is refused).</li>
 * </ol>
 * Reviewer SAME verdicts are merged first and unconditionally; UNSURE pairs are never used as links.
 * Cross-cluster checks visit |A|·|B| member pairs with a binary search each; clusters stay small (one
 * record per list plus the odd duplicate), and the whole stage took 1.5–3 s on the synthetic million.
 */
final class Clusterer {

    private final RecordTable table;
    private final long[] pairs;
    private final float[] probability;
    private final float[] weight;
    private final LinkageConfig config;
    private final Map<Long, HumanDecision.Verdict> verdicts;
    private final Map<Integer, List<Integer>> different = new HashMap<>();
    private final int[] parent;
    private final int[] size;
    /** Circular list of each cluster's members. */
    private final int[] next;

    Clusterer(RecordTable table, long[] pairs, float[] probability, float[] weight, LinkageConfig config,
              Map<Long, HumanDecision.Verdict> verdicts) {
        this.table = table;
        this.pairs = pairs;
        this.probability = probability;
        this.weight = weight;
        this.config = config;
        this.verdicts = verdicts;
        int n = table.size;
        parent = new int[n];
        size = new int[n];
        next = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            next[i] = i;
        }
    }

    /** Returns the root record index of each record's cluster. */
    int[] cluster(Runnable cancellationCheck) {
        verdicts.forEach((pair, verdict) -> {
            if (verdict == HumanDecision.Verdict.DIFFERENT) {
                int a = (int) (pair >>> 32);
                int b = (int) (long) pair;
                different.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                different.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        });
        verdicts.forEach((pair, verdict) -> {
            if (verdict == HumanDecision.Verdict.SAME) {
                union(find((int) (pair >>> 32)), find((int) (long) pair));
            }
        });
        int links = 0;
        for (float p : probability) {
            if (p >= config.matchProbability()) {
                links++;
            }
        }
        long[] order = new long[links];
        int count = 0;
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= config.matchProbability()) {
                // Sort key: descending weight in the high 32 bits (float bits flipped to sort as ints),
                // pair index in the low 32 bits.
                int bits = Float.floatToIntBits(weight[i]);
                int sortable = bits >= 0 ? bits : bits ^ 0x7fffffff;
                order[count++] = (long) ~sortable << 32 | i;
            }
        }
        Arrays.parallelSort(order);
        for (int k = 0; k < order.length; k++) {
            if ((k & 0xFFFF) == 0) {
                cancellationCheck.run();
            }
            int index = (int) order[k];
            if (verdicts.containsKey(pairs[index])) {
                continue;
            }
            int a = (int) (pairs[index] >>> 32);
            int b = (int) pairs[index];
            int rootA = find(a);
            int rootB = find(b);
            if (rootA == rootB) {
                continue;
            }
            if (table.sources[a] == table.sources[b] && probability[index] < config.sameSourceProbability()) {
                continue;
            }
            if (mayMerge(rootA, rootB)) {
                union(rootA, rootB);
            }
        }
        int[] roots = new int[table.size];
        for (int i = 0; i < table.size; i++) {
            roots[i] = find(i);
        }
        return roots;
    }

    private boolean mayMerge(int rootA, int rootB) {
        double sum = 0;
        int compared = 0;
        int x = rootA;
        do {
            List<Integer> cannot = different.get(x);
            int y = rootB;
            do {
                if (cannot != null && cannot.contains(y)) {
                    return false;
                }
                long pair = (long) Math.min(x, y) << 32 | Math.max(x, y);
                int found = Arrays.binarySearch(pairs, pair);
                float p = found >= 0 ? probability[found] : Float.NaN;
                if (table.sources[x] == table.sources[y] && !(p >= config.sameSourceProbability())) {
                    return false;
                }
                if (found >= 0) {
                    sum += p;
                    compared++;
                }
                y = next[y];
            } while (y != rootB);
            x = next[x];
        } while (x != rootA);
        return compared == 0 || sum / compared >= config.minimumAverageProbability();
    }

    private int find(int i) {
        int root = i;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[i] != root) {
            int up = parent[i];
            parent[i] = root;
            i = up;
        }
        return root;
    }

    private void union(int rootA, int rootB) {
        if (rootA == rootB) {
            return;
        }
        int big = size[rootA] >= size[rootB] ? rootA : rootB;
        int small = big == rootA ? rootB : rootA;
        parent[small] = big;
        size[big] += size[small];
        // Splice the two circular member lists.
        int swap = next[big];
        next[big] = next[small];
        next[small] = swap;
    }
}
