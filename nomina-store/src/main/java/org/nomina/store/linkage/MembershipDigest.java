package org.nomina.store.linkage;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import org.jdbi.v3.core.Handle;
import org.nomina.store.ledger.Hashes;

/**
 * SHA-256 over (source record, person) pairs in record order, 8 + 8 bytes each: the ledger keeps it with every
 * link run so that verify can check the memberships.
 */
final class MembershipDigest {
    private final MessageDigest digest = Hashes.sha256();
    private final ByteBuffer line = ByteBuffer.allocate(16);

    void add(long record, long person) {
        line.clear();
        line.putLong(record).putLong(person);
        digest.update(line.array());
    }

    String finish() {
        return Hashes.hex(digest.digest());
    }

    /** SHA-256 over (source record, person) in record order; the ledger keeps it so verify can check membership. */
    static String of(Handle handle) {
        MembershipDigest digest = new MembershipDigest();
        handle.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id").setFetchSize(10_000)
                .map((rs, ctx) -> {
                    digest.add(rs.getLong(1), rs.getLong(2));
                    return 0;
                })
                .forEach(x -> { });
        return digest.finish();
    }

    /**
     * The same digest computed from what this run wrote: records in key order (the set's order) with their
     * new persons, which is exactly person_record after the write. Saves reading a million rows back.
     */
    static String of(RecordSet set, long[] newPerson) {
        MembershipDigest digest = new MembershipDigest();
        for (int i = 0; i < set.size(); i++) {
            digest.add(set.key(i), newPerson[i]);
        }
        return digest.finish();
    }
}
