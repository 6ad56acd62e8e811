package org.nomina.store.ledger;

import java.time.Instant;

/**
 * One stored ledger entry: the change as canonical JSON, who made it and when, its chain hashes, and
 * the version of the hashing rule it was written with ({@link Ledger#hash}).
 */
public record LedgerEntry(long seq, Instant recordedAt, String actor, String action, String payload, String prevHash, String hash,
        int hashVersion) {
}
