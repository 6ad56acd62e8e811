package org.nomina.app.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The corrections' rate limit: per address within a window, and a bound on the addresses remembered (issue 14). */
class SenderLimitTest {
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void shouldLetAnAddressSendItsShareAndThenWaitForTheWindow() {
        Hand clock = new Hand();
        SenderLimit limit = new SenderLimit(3, WINDOW, 100, clock);
        AtomicInteger stored = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(limit.trySend("10.0.0.1", stored::incrementAndGet)).isTrue();
        }
        assertThat(limit.trySend("10.0.0.1", stored::incrementAndGet)).as("a fourth within the window").isFalse();
        assertThat(limit.trySend("10.0.0.2", stored::incrementAndGet)).as("another address").isTrue();
        clock.pass(WINDOW.plusSeconds(1));
        assertThat(limit.trySend("10.0.0.1", stored::incrementAndGet)).as("after the window").isTrue();
        assertThat(stored).hasValue(5);
    }

    @Test
    void shouldRememberNoMoreAddressesThanItsCapAndForgetTheQuietOnes() {
        Hand clock = new Hand();
        int cap = 50;
        SenderLimit limit = new SenderLimit(5, WINDOW, cap, clock);
        AtomicInteger stored = new AtomicInteger();
        for (int i = 0; i < cap; i++) {
            assertThat(limit.trySend("192.0.2." + i, stored::incrementAndGet)).isTrue();
        }
        assertThat(limit.tracked()).isEqualTo(cap);
        // A flood from as many addresses as the cap within one window: a new address waits, nothing is stored for
        // it, and the memory stays at the cap. An address already remembered may still send its share.
        assertThat(limit.trySend("198.51.100.1", stored::incrementAndGet)).as("a new address beyond the cap").isFalse();
        assertThat(limit.trySend("192.0.2.7", stored::incrementAndGet)).as("a remembered address").isTrue();
        assertThat(limit.tracked()).isEqualTo(cap);
        assertThat(stored).hasValue(cap + 1);
        // A window later every address is quiet: the next new one is accepted and the quiet ones are forgotten.
        clock.pass(WINDOW.plusSeconds(1));
        assertThat(limit.trySend("198.51.100.1", stored::incrementAndGet)).isTrue();
        assertThat(limit.tracked()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheCapUnderManyThreads() throws InterruptedException {
        Hand clock = new Hand();
        int cap = 200;
        SenderLimit limit = new SenderLimit(5, WINDOW, cap, clock);
        AtomicInteger stored = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int base = t * 1000;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    limit.trySend("addr-" + (base + i), stored::incrementAndGet);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        // Racing threads may each pass the size check once before inserting, so the bound is the cap plus the threads.
        assertThat(limit.tracked()).isLessThanOrEqualTo(cap + threads.length);
        assertThat(stored.get()).isEqualTo(limit.tracked());
    }
}
