package org.nomina.store.figures;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growing or a given array of bytes, written or read as variable-length integers (7 bits a byte, low first). */
final class VarBytes {
    private final String what;
    private byte[] b;
    private int at;

    /** {@code what}: what the bytes are, for the messages of a damaged chunk. */
    VarBytes(String what, int capacity) {
        this.what = what;
        b = new byte[capacity];
    }

    VarBytes(String what, byte[] given) {
        this.what = what;
        b = given;
    }

    void varint(int v) {
        varlong(v & 0xFFFFFFFFL);
    }

    void varlong(long v) {
        if (at + 10 > b.length) {
            b = Arrays.copyOf(b, b.length * 2 + 10);
        }
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
    }

    void bytes(byte[] bytes) {
        if (at + bytes.length > b.length) {
            b = Arrays.copyOf(b, Math.max(b.length * 2, at + bytes.length));
        }
        System.arraycopy(bytes, 0, b, at, bytes.length);
        at += bytes.length;
    }

    int varint() {
        long v = varlong();
        if (v >>> 32 != 0) {
            throw new IllegalStateException(what + ": a number too large at byte " + at + " of a chunk");
        }
        return (int) v;
    }

    long varlong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= b.length) {
                throw new IllegalStateException(what + ": a chunk ends inside a number");
            }
            byte x = b[at++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return v;
            }
        }
        throw new IllegalStateException(what + ": a number longer than 64 bits at byte " + at + " of a chunk");
    }

    int skip(int length) {
        if (length < 0 || at + length > b.length) {
            throw new IllegalStateException(what + ": a text runs past the end of its chunk");
        }
        int start = at;
        at += length;
        return start;
    }

    /** The next {@code length} bytes as UTF-8 text. */
    String utf8(int length) {
        return new String(b, skip(length), length, StandardCharsets.UTF_8);
    }

    boolean atEnd() {
        return at == b.length;
    }

    byte[] toArray() {
        return Arrays.copyOf(b, at);
    }
}
