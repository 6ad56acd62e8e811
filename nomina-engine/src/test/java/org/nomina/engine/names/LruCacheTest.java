package org.nomina.engine.names;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LruCacheTest {

    @Test
    void holdsAtMostItsCapacityAndComputesEvictedValuesAgain() {
        LruCache<String> cache = new LruCache<>(64);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            String key = "name" + i;
            assertThat(cache.get(key, k -> {
                computed.incrementAndGet();
                return k.toUpperCase();
            })).isEqualTo(key.toUpperCase());
        }
        assertThat(cache.size()).isLessThanOrEqualTo(64);
        assertThat(computed.get()).isEqualTo(10_000);

        // A value still held is not computed again; one evicted long ago is, with the same result.
        String recent = "name9999";
        cache.get(recent, k -> {
            computed.incrementAndGet();
            return "";
        });
        assertThat(computed.get()).isEqualTo(10_000);
        assertThat(cache.get("name0", String::toUpperCase)).isEqualTo("NAME0");
    }

    @Test
    void keepsTheRecentlyUsedOverTheOld() {
        LruCache<Integer> cache = new LruCache<>(16 * 4);
        // Fill one segment's worth of keys many times over, touching "kept" after every insertion.
        cache.get("kept", k -> 1);
        IntStream.range(0, 5_000).forEach(i -> {
            cache.get("other" + i, k -> 0);
            cache.get("kept", k -> -1);
        });
        assertThat(cache.get("kept", k -> -1)).isEqualTo(1);
    }

    @Test
    void theSharedNormaliserGivesTheSameNamesInParallel() {
        NameNormaliser names = NameNormaliser.shared();
        String[] raw = {"Мамедов", "Məmmədov", "Mammadov", "Гусейнова", "Hüseynova", "Ərdəbilli"};
        NormalName[] once = new NormalName[raw.length];
        for (int i = 0; i < raw.length; i++) {
            once[i] = names.surname(raw[i]);
        }
        IntStream.range(0, 20_000).parallel().forEach(i -> assertThat(names.surname(raw[i % raw.length])).isEqualTo(once[i % raw.length]));
    }
}
