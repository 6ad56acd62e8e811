package org.nomina.engine.work;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkersTest {

    @Test
    void shouldRunEveryPieceOnItsOwnBoundedPoolNotTheCommonOne() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        double[] squares = Workers.ESTIMATION.mapToDouble(200, index -> {
            assertThat(Workers.ESTIMATION.runsHere()).isTrue();
            assertThat(ForkJoinTask.getPool()).isNotSameAs(ForkJoinPool.commonPool());
            threads.add(Thread.currentThread().getName());
            return index * (double) index;
        });
        assertThat(squares).containsExactly(IntStream.range(0, 200).mapToDouble(i -> i * (double) i).toArray());
        assertThat(threads).allMatch(name -> name.startsWith("nomina-estimation-"));
        assertThat(Workers.ESTIMATION.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void shouldNestWithoutLeavingThePoolAndKeepIndexOrder() {
        List<double[]> nested = Workers.ESTIMATION.map(8, outer -> Workers.ESTIMATION.mapToDouble(8, inner -> {
            assertThat(Workers.ESTIMATION.runsHere()).isTrue();
            return outer * 10 + inner;
        }));
        for (int outer = 0; outer < 8; outer++) {
            int tens = outer * 10;
            assertThat(nested.get(outer)).containsExactly(IntStream.range(0, 8).mapToDouble(inner -> tens + inner).toArray());
        }
    }

    @Test
    void shouldPassAPiecesFailureToTheCaller() {
        assertThatThrownBy(() -> Workers.ESTIMATION.mapToDouble(4, index -> {
            if (index == 2) {
                throw new IllegalStateException("piece 2 failed");
            }
            return index;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("piece 2 failed");
    }

    @Test
    void shouldRunAParallelLoopOnItsOwnPoolAndNotOnAnother() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int[] seen = new int[10_000];
        Workers.LINKAGE.forEach(0, seen.length, i -> {
            assertThat(Workers.LINKAGE.runsHere()).isTrue();
            assertThat(Workers.ESTIMATION.runsHere()).isFalse();
            threads.add(Thread.currentThread().getName());
            seen[i]++;
        });
        assertThat(seen).containsOnly(1);
        assertThat(threads).allMatch(name -> name.startsWith("nomina-linkage-"));
    }

    @Test
    void shouldPassALoopsFailureToTheCaller() {
        assertThatThrownBy(() -> Workers.LINKAGE.forEach(0, 100, i -> {
            if (i == 42) {
                throw new IllegalArgumentException("index 42 failed");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 42 failed");
    }
}
