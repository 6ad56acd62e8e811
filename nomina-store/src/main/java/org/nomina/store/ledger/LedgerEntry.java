package org.nomina.store.ledger;

import java.time.Instant;

/** One stored ledger entry: the change as canonical JSON, who made it and when, and its chain hashes. */
public record LedgerEntry(long seq, Instant recordedAt, String actor, String action, String payload, String prevHash, String hash) {
}
