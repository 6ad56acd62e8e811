package org.nomina.engine.estimation;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstimationWorkersTest {

    @Test
    void shouldRunEveryPieceOnItsOwnBoundedPoolNotTheCommonOne() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        double[] squares = EstimationWorkers.mapToDouble(200, index -> {
            assertThat(ForkJoinTask.getPool()).isSameAs(EstimationWorkers.POOL).isNotSameAs(ForkJoinPool.commonPool());
            threads.add(Thread.currentThread().getName());
            return index * (double) index;
        });
        assertThat(squares).containsExactly(IntStream.range(0, 200).mapToDouble(i -> i * (double) i).toArray());
        assertThat(threads).allMatch(name -> name.startsWith("nomina-estimation-"));
        assertThat(EstimationWorkers.POOL.getParallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void shouldNestWithoutLeavingThePoolAndKeepIndexOrder() {
        List<double[]> nested = EstimationWorkers.map(8, outer -> EstimationWorkers.mapToDouble(8, inner -> {
            assertThat(ForkJoinTask.getPool()).isSameAs(EstimationWorkers.POOL);
            return outer * 10 + inner;
        }));
        for (int outer = 0; outer < 8; outer++) {
            int tens = outer * 10;
            assertThat(nested.get(outer)).containsExactly(IntStream.range(0, 8).mapToDouble(inner -> tens + inner).toArray());
        }
    }

    @Test
    void shouldPassAPiecesFailureToTheCaller() {
        assertThatThrownBy(() -> EstimationWorkers.mapToDouble(4, index -> {
            if (index == 2) {
                throw new IllegalStateException("piece 2 failed");
            }
            return index;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("piece 2 failed");
    }
}
