package org.nomina.engine.linkage;

import java.util.Arrays;

/**
 * Where a pair of records is among a run's candidate pairs (ascending packed pairs, smaller record in the high 32
 * bits, each once): the pairs of each first record are one run of the array, and only that run is searched. Clustering
 * looks up every pair across two clusters it might merge; a binary search over all 26 million pairs of the hard
 * million touched some 25 places of a 200 MB array for each, where a record's own run is a few dozen pairs.
 */
final class PairIndex {

    private final long[] pairs;
    /** The pairs whose first record is a are {@code pairs[start[a]] … pairs[start[a + 1] - 1]}. */
    private final int[] start;

    PairIndex(long[] pairs, int records) {
        this.pairs = pairs;
        this.start = new int[records + 1];
        for (long pair : pairs) {
            start[(int) (pair >>> 32) + 1]++;
        }
        for (int a = 0; a < records; a++) {
            start[a + 1] += start[a];
        }
    }

    /** The index of the pair of records x and y (either order) in the pairs, or −1 when it is not among them. */
    int find(int x, int y) {
        int a = Math.min(x, y);
        int found = Arrays.binarySearch(pairs, start[a], start[a + 1], (long) a << 32 | Math.max(x, y));
        return found >= 0 ? found : -1;
    }
}
