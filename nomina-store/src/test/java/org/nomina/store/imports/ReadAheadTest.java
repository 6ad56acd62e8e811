package org.nomina.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void shouldHandOverEveryItemInOrder() {
        List<Integer> got = new ArrayList<>();
        int n = 7 * ReadAhead.BATCH + 3;
        new ReadAhead<Integer>("read-ahead-order").run(sink -> IntStream.range(0, n).forEach(sink::accept), got::add);
        assertThat(got).isEqualTo(IntStream.range(0, n).boxed().toList());
        assertThat(threadAlive("read-ahead-order")).isFalse();
    }

    @Test
    void shouldThrowTheProducersExceptionAfterEveryItemBeforeIt() {
        List<Integer> got = new ArrayList<>();
        IllegalArgumentException broken = new IllegalArgumentException("line 1234 cannot be read");
        int before = 3 * ReadAhead.BATCH + 100;
        assertThatThrownBy(() -> new ReadAhead<Integer>("read-ahead-fail").run(sink -> {
            IntStream.range(0, before).forEach(sink::accept);
            throw broken;
        }, got::add)).isSameAs(broken);
        assertThat(got).isEqualTo(IntStream.range(0, before).boxed().toList());
    }

    @Test
    void shouldStopTheProducerWhenTheConsumerFails() {
        IllegalStateException refused = new IllegalStateException("the database refused row 10");
        // The producer would never end by itself: only being stopped ends it.
        assertThatThrownBy(() -> new ReadAhead<Integer>("read-ahead-stop").run(sink -> {
            for (int i = 0; ; i++) {
                sink.accept(i);
            }
        }, i -> {
            if (i == 10) {
                throw refused;
            }
        })).isSameAs(refused);
        assertThat(threadAlive("read-ahead-stop")).as("the producer is stopped before run returns").isFalse();
    }

    @Test
    void shouldStopWhenTheConsumingThreadIsInterrupted() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        Throwable[] thrown = new Throwable[1];
        boolean[] stillInterrupted = new boolean[1];
        Thread importing = new Thread(() -> {
            try {
                new ReadAhead<Integer>("read-ahead-interrupt").run(sink -> {
                    waiting.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // A producer that takes a moment to stop (closing its file): run must still wait for it. Joining
                        // with the caller's interrupt status set once returned at once, and this thread outlived run.
                        long until = System.nanoTime() + 200_000_000L;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        throw new IllegalStateException("stopped");
                    }
                }, i -> { });
            } catch (Throwable t) {
                thrown[0] = t;
                stillInterrupted[0] = Thread.currentThread().isInterrupted();
            }
        });
        importing.start();
        waiting.await();
        importing.interrupt();
        importing.join(10_000);
        assertThat(importing.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted[0]).as("the interrupt is kept for the caller").isTrue();
        assertThat(threadAlive("read-ahead-interrupt")).isFalse();
    }
}
