package org.nomina.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nomina.store.DatabaseContract;
import org.nomina.store.verify.Verifier;

/**
 * The ledger's hashing, on every database: new entries are hashed over RFC 8785 canonical JSON that a
 * reader can rebuild by hand, and entries written before that rule (version 1) keep verifying.
 * Run by {@code H2LedgerTest} and {@code PostgresLedgerTest}.
 */
abstract class LedgerContract extends DatabaseContract {
    @Test
    void shouldHashNewEntriesOverRfc8785JsonThatAnyoneCanRebuild() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("zeta", "Məmmədov \"Мамедов\"\n");
        payload.put("alpha", List.of(3, 1.5, true));
        payload.put("Beta", 1_000_000);
        LedgerEntry entry = db().jdbi().inTransaction(h -> Ledger.append(h, "tester", "note", payload));

        // Built by hand from RFC 8785: keys in UTF-16 order ("B" < "a" < "z"), no white space,
        // non-ASCII letters as they are, only quote, backslash and control characters escaped.
        String payloadJson = "{\"Beta\":1000000,\"alpha\":[3,1.5,true],\"zeta\":\"Məmmədov \\\"Мамедов\\\"\\n\"}";
        String entryJson = "{\"action\":\"note\",\"actor\":\"tester\",\"payload\":" + payloadJson
                + ",\"recorded_at\":\"" + entry.recordedAt() + "\",\"seq\":1}";
        String expected = Hashes.hex(Hashes.sha256().digest((Hashes.GENESIS + entryJson).getBytes(StandardCharsets.UTF_8)));

        assertThat(entry.hashVersion()).isEqualTo(Ledger.CURRENT_HASH_VERSION);
        assertThat(entry.payload()).isEqualTo(payloadJson);
        assertThat(entry.hash()).isEqualTo(expected);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldKeepVerifyingEntriesWrittenWithTheLegacyHashByTheirVersion() {
        Instant at = Instant.parse("2025-03-01T10:15:30.123456Z");
        // A control character and an exponent: Jackson writes \u001F and 1.0E10, RFC 8785 \u001f and 10000000000,
        // so the two rules give different hashes for this entry.
        String payload = "{\"rows\":1.0E10,\"source\":\"Hospital\\u001flist\"}";
        String legacyHash = Ledger.hash(Ledger.LEGACY_HASH_VERSION, Hashes.GENESIS, 1, at, "old", "note", payload);
        db().jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO ledger_entry (seq, recorded_at, actor, action, payload, prev_hash, hash, hash_version)
                VALUES (1, :at, 'old', 'note', :payload, :prev, :hash, 1)""")
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("payload", payload)
                .bind("prev", Hashes.GENESIS).bind("hash", legacyHash).execute());
        db().jdbi().useTransaction(h -> Ledger.append(h, "tester", "note", Map.of("after", "legacy")));

        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();

        // The version is part of what is verified: the same entry read by the other rule does not match.
        db().jdbi().useHandle(h -> h.execute("UPDATE ledger_entry SET hash_version = 2 WHERE seq = 1"));
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString().contains("ledger entry 1").contains("altered");
    }
}
