package org.nomina.store.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.store.CanonicalJson;

/**
 * The append-only, hash-chained record of every change: {@code hash = SHA-256(previous hash ‖ entry)},
 * where the entry is the canonical JSON of its sequence number, time, actor, action and payload.
 * Entries are written with {@link #CURRENT_HASH_VERSION} (RFC 8785 canonical JSON, so that anyone can
 * recompute a hash outside Nomina); entries written before it keep their version and verify by it.
 * Appends run inside the caller's transaction, so a change and its ledger entry commit together;
 * the primary key on {@code seq} makes two concurrent appends on the same head fail rather than fork.
 */
public final class Ledger {
    /** Version 1: Jackson's sorted-key JSON (entries written before schema V7). */
    public static final int LEGACY_HASH_VERSION = 1;
    /** Version 2: RFC 8785 JSON Canonicalization Scheme. */
    public static final int CURRENT_HASH_VERSION = 2;

    private Ledger() {
    }

    /** Appends an entry in {@code handle}'s transaction and returns it. */
    public static LedgerEntry append(Handle handle, String actor, String action, Map<String, Object> payload) {
        Optional<LedgerEntry> head = head(handle);
        long seq = head.map(e -> e.seq() + 1).orElse(1L);
        String prev = head.map(LedgerEntry::hash).orElse(Hashes.GENESIS);
        // Both H2 and PostgreSQL keep microseconds; truncating first makes the stored time hash the same.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String payloadJson = CanonicalJson.rfc8785(CanonicalJson.write(payload));
        String hash = hash(CURRENT_HASH_VERSION, prev, seq, at, actor, action, payloadJson);
        handle.createUpdate("""
                INSERT INTO ledger_entry (seq, recorded_at, actor, action, payload, prev_hash, hash, hash_version)
                VALUES (:seq, :at, :actor, :action, :payload, :prev, :hash, :version)""")
                .bind("seq", seq)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("actor", actor)
                .bind("action", action)
                .bind("payload", payloadJson)
                .bind("prev", prev)
                .bind("hash", hash)
                .bind("version", CURRENT_HASH_VERSION)
                .execute();
        return new LedgerEntry(seq, at, actor, action, payloadJson, prev, hash, CURRENT_HASH_VERSION);
    }

    /**
     * The hash an entry must have, given the previous hash: SHA-256 over the UTF-8 bytes of the previous
     * hash (64 hex digits) followed by the canonical JSON of {@code {"action", "actor", "payload",
     * "recorded_at", "seq"}} — for version 2, RFC 8785's canonical form.
     *
     * @throws IllegalArgumentException if the payload is not JSON or the version is unknown
     */
    public static String hash(int version, String prevHash, long seq, Instant at, String actor, String action, String payloadJson) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("recorded_at", at.toString());
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("payload", CanonicalJson.read(payloadJson));
        String json = switch (version) {
            case LEGACY_HASH_VERSION -> CanonicalJson.write(entry);
            case CURRENT_HASH_VERSION -> CanonicalJson.rfc8785(CanonicalJson.write(entry));
            default -> throw new IllegalArgumentException("unknown ledger hash version " + version);
        };
        return Hashes.sha256Hex(prevHash + json);
    }

    public static Optional<LedgerEntry> head(Handle handle) {
        return handle.createQuery("SELECT * FROM ledger_entry ORDER BY seq DESC")
                .setMaxRows(1)
                .map((rs, ctx) -> mapEntry(rs))
                .findFirst();
    }

    public static Optional<LedgerEntry> head(Jdbi jdbi) {
        return jdbi.withHandle(Ledger::head);
    }

    public static LedgerEntry mapEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("payload"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_version"));
    }
}
