package org.nomina.engine.names;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded cache of a pure function of strings: at most {@code capacity} entries, the least recently used
 * going first, so that a server that normalises every name it is ever shown holds a bounded number of them.
 * Thread-safe: the keys are spread over {@value #SEGMENTS} access-ordered {@link LinkedHashMap}s, each under
 * its own lock ({@link LinkedHashMap#removeEldestEntry}), so parallel normalisation rarely waits. A value is
 * computed outside the lock; two threads may then compute the same value once each, which a pure function
 * allows.
 */
final class LruCache<V> {
    private static final int SEGMENTS = 16;

    private final Segment<V>[] segments;

    @SuppressWarnings("unchecked")
    LruCache(int capacity) {
        if (capacity < SEGMENTS) {
            throw new IllegalArgumentException("capacity below " + SEGMENTS + ": " + capacity);
        }
        segments = (Segment<V>[]) new Segment<?>[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            segments[s] = new Segment<>(capacity / SEGMENTS);
        }
    }

    /** The cached value of {@code key}, computing and keeping it when absent. */
    V get(String key, Function<String, V> compute) {
        Segment<V> segment = segments[(key.hashCode() & 0x7fffffff) % SEGMENTS];
        V value;
        synchronized (segment) {
            value = segment.get(key);
        }
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        synchronized (segment) {
            segment.put(key, value);
        }
        return value;
    }

    /** Entries held now. */
    int size() {
        int size = 0;
        for (Segment<V> segment : segments) {
            synchronized (segment) {
                size += segment.size();
            }
        }
        return size;
    }

    private static final class Segment<V> extends LinkedHashMap<String, V> {
        private final int capacity;

        Segment(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > capacity;
        }
    }
}
