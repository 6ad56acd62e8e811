package org.nomina.app.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many messages one address may send within a window, with a bound on the addresses remembered, so that a
 * server running for months keeps bounded memory (issue 14). Beyond {@code trackedAddresses}, addresses quiet for a
 * window are forgotten; if that is not enough (a flood from that many addresses within one window), new addresses
 * wait too until some fall quiet. Hand-written: the rule is a dozen lines and no library in the build (commons,
 * Javalin) offers a per-key sliding window with a bounded key set.
 */
final class SenderLimit {
    private final int perWindow;
    private final Duration window;
    private final int trackedAddresses;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sentBy = new ConcurrentHashMap<>();

    SenderLimit(int perWindow, Duration window, int trackedAddresses, Clock clock) {
        this.perWindow = perWindow;
        this.window = window;
        this.trackedAddresses = trackedAddresses;
        this.clock = clock;
    }

    /**
     * Runs {@code send} and counts it for {@code address} when the address may send now; returns false (and runs
     * nothing) when it must wait.
     */
    boolean trySend(String address, Runnable send) {
        Instant now = clock.instant();
        String key = address == null ? "" : address;
        if (!sentBy.containsKey(key) && sentBy.size() >= trackedAddresses) {
            sentBy.entrySet().removeIf(e -> quiet(e.getValue(), now));
            if (sentBy.size() >= trackedAddresses) {
                return false;
            }
        }
        Deque<Instant> times = sentBy.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= perWindow) {
                return false;
            }
            send.run();
            times.addLast(now);
        }
        return true;
    }

    /** Addresses remembered now (at most {@code trackedAddresses}). */
    int tracked() {
        return sentBy.size();
    }

    private boolean quiet(Deque<Instant> times, Instant now) {
        synchronized (times) {
            Instant last = times.peekLast();
            return last == null || !last.isAfter(now.minus(window));
        }
    }
}
