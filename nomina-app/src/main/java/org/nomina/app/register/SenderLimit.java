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
        while (true) {
            if (!sentBy.containsKey(key) && sentBy.size() >= trackedAddresses) {
                forgetQuiet(now);
                if (sentBy.size() >= trackedAddresses) {
                    return false;
                }
            }
            Deque<Instant> times = sentBy.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                // Forgotten by another thread between the look-up and the lock (a new, still empty deque looks quiet): a send
                // counted on it would be lost from the map, so take the address's current deque instead.
                if (sentBy.get(key) != times) {
                    continue;
                }
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
    }

    /** Forgets the quiet addresses, each removed under its deque's lock so that no send is counted on a forgotten one. */
    private void forgetQuiet(Instant now) {
        for (Map.Entry<String, Deque<Instant>> e : sentBy.entrySet()) {
            synchronized (e.getValue()) {
                if (quiet(e.getValue(), now)) {
                    sentBy.remove(e.getKey(), e.getValue());
                }
            }
        }
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
