package org.nomina.engine.linkage;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding a pair among a record's own pairs gives what a binary search over all pairs gives. */
class PairIndexTest {

    @Test
    void shouldFindEveryPairWhereTheSearchOverAllPairsDoesAndNoOther() {
        Random random = new Random(5);
        int n = 300;
        TreeSet<Long> all = new TreeSet<>();
        // Records 0 and 299 have pairs, 150 none: the first, last and empty runs are all searched.
        all.add(1L);
        all.add((long) 298 << 32 | 299);
        while (all.size() < 5000) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b && a != 150 && b != 150) {
                all.add((long) Math.min(a, b) << 32 | Math.max(a, b));
            }
        }
        long[] pairs = all.stream().mapToLong(Long::longValue).toArray();
        PairIndex index = new PairIndex(pairs, n);
        int found = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (x == y) {
                    continue;
                }
                int plain = Arrays.binarySearch(pairs, (long) Math.min(x, y) << 32 | Math.max(x, y));
                assertThat(index.find(x, y)).as("%d, %d", x, y).isEqualTo(plain >= 0 ? plain : -1);
                found += plain >= 0 ? 1 : 0;
            }
        }
        assertThat(found).isEqualTo(2 * pairs.length);
    }
}
