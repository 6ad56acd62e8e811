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
 * Appends run inside the caller's transaction, so a change and its ledger entry commit together;
 * the primary key on {@code seq} makes two concurrent appends on the same head fail rather than fork.
 */
public final class Ledger {

    private Ledger() {
    }

    /** Appends an entry in {@code handle}'s transaction and returns it. */
    public static LedgerEntry append(Handle handle, String actor, String action, Map<String, Object> payload) {
        Optional<LedgerEntry> head = head(handle);
        long seq = head.map(e -> e.seq() + 1).orElse(1L);
        String prev = head.map(LedgerEntry::hash).orElse(Hashes.GENESIS);
        // Both H2 and PostgreSQL keep microseconds; truncating first makes the stored time hash the same.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String payloadJson = CanonicalJson.write(payload);
        String hash = hash(prev, seq, at, actor, action, payloadJson);
        handle.createUpdate("""
                INSERT INTO ledger_entry (seq, recorded_at, actor, action, payload, prev_hash, hash)
                VALUES (:seq, :at, :actor, :action, :payload, :prev, :hash)""")
                .bind("seq", seq)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("actor", actor)
                .bind("action", action)
                .bind("payload", payloadJson)
                .bind("prev", prev)
                .bind("hash", hash)
                .execute();
        return new LedgerEntry(seq, at, actor, action, payloadJson, prev, hash);
    }

    /** The hash an entry must have, given the previous hash. */
    public static String hash(String prevHash, long seq, Instant at, String actor, String action, String payloadJson) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", seq);
        entry.put("recorded_at", at.toString());
        entry.put("actor", actor);
        entry.put("action", action);
        entry.put("payload", CanonicalJson.read(payloadJson));
        return Hashes.sha256Hex(prevHash + CanonicalJson.write(entry));
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

    static LedgerEntry mapEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong("seq"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("payload"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
