package org.nomina.engine.linkage;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded, lossy memo of one comparison's similarity level by the two interned values compared (their ids in
 * one column): names and places follow Zipf's law, so the candidate pairs of a run compare the same few
 * spellings again and again, and Jaro–Winkler was most of the compare stage's time. Direct-mapped: a slot holds
 * the last pair that hashed to it, packed with its level into one long (ids of 30 bits, level of 4), read and
 * written with opaque (atomic, unordered) access, so the compare stage's threads share it without locks and a
 * reader sees either a whole entry or none. A miss only costs the computation; the level is a pure function of
 * the two values, so the memo never changes a result.
 */
final class LevelMemo {

    /** Slots: 2^20 longs, 8 MB per memoised comparison; a handful per run. */
    private static final int BITS = 20;
    private static final int ID_LIMIT = 1 << 30;

    private final AtomicLongArray slots = new AtomicLongArray(1 << BITS);

    /** The memoised level of values (left, right), or -1 when not held; ids at or above 2^30 are never held. */
    int get(int left, int right) {
        if (left >= ID_LIMIT || right >= ID_LIMIT || left == right) {
            return -1;
        }
        long tag = tag(left, right);
        long entry = slots.getOpaque(slot(tag));
        return (entry & ~0xFL) == tag ? (int) (entry & 0xF) : -1;
    }

    /** Holds {@code level} (0–15) of values (left, right). */
    void put(int left, int right, int level) {
        if (left >= ID_LIMIT || right >= ID_LIMIT) {
            return;
        }
        long tag = tag(left, right);
        slots.setOpaque(slot(tag), tag | level);
    }

    /**
     * Never 0 for a pair the memo is asked about (two equal ids are level 0 before any similarity is computed), so an
     * empty slot (0) matches nothing.
     */
    private static long tag(int left, int right) {
        return (long) left << 34 | (long) right << 4;
    }

    private static int slot(long tag) {
        return (int) ((tag * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
    }
}
