package org.nomina.store.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nomina.store.CanonicalJson;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.LedgerEntry;

/**
 * What {@code nomina verify} checks of claims: each text still hashes as stored, each text's claims and
 * machine readings still digest as its ledger entry says, each later reading as its own entry says,
 * and no reading exists that no entry accounts for.
 */
public final class ClaimVerification {

    private ClaimVerification() {
    }

    /** True for the ledger actions this class checks. */
    public static boolean covers(LedgerEntry e) {
        return e.action().equals("claims") || e.action().equals("claim_reading");
    }

    /** The problem with one claims entry, in plain words, or empty when it matches the database. */
    public static Optional<String> check(Handle h, LedgerEntry e) {
        Map<?, ?> payload = (Map<?, ?>) CanonicalJson.read(e.payload());
        if (e.action().equals("claims")) {
            long versionId = ((Number) payload.get("source_version_id")).longValue();
            String where = "ledger entry " + e.seq() + " (claims read from " + payload.get("file") + " into '" + payload.get("source")
                    + "', version " + payload.get("version") + ")";
            Optional<String> content = h.createQuery("SELECT content FROM source_text WHERE source_version_id = :v")
                    .bind("v", versionId).mapTo(String.class).findFirst();
            if (content.isEmpty()) {
                return Optional.of(where + ": the text it records is gone from the database");
            }
            if (!Hashes.sha256Hex(content.get()).equals(payload.get("text_sha256"))) {
                return Optional.of(where + ": the stored text was altered after it was read");
            }
            List<Object> rows = h.createQuery("""
                    SELECT c.claim_no, p.claim_no AS parent_no, c.quote, c.start_offset, c.end_offset, r.category, r.subgroup, r.low, r.high,
                           r.qualifier, r.incident_label, r.incident_id
                    FROM claim c JOIN claim_reading r ON r.claim_id = c.id AND r.reading_no = 1
                    LEFT JOIN claim p ON p.id = c.parent_id
                    WHERE c.source_version_id = :v ORDER BY c.claim_no""")
                    .bind("v", versionId)
                    .map((rs, ctx) -> {
                        Map<String, Object> m = new java.util.LinkedHashMap<>();
                        m.put("claim_no", rs.getInt("claim_no"));
                        int parent = rs.getInt("parent_no");
                        m.put("parent_no", rs.wasNull() ? null : parent);
                        m.put("quote", rs.getString("quote"));
                        m.put("start", rs.getInt("start_offset"));
                        m.put("end", rs.getInt("end_offset"));
                        m.put("category", rs.getString("category"));
                        m.put("subgroup", rs.getString("subgroup"));
                        long low = rs.getLong("low");
                        m.put("low", rs.wasNull() ? null : low);
                        long high = rs.getLong("high");
                        m.put("high", rs.wasNull() ? null : high);
                        m.put("qualifier", rs.getString("qualifier"));
                        m.put("incident_label", rs.getString("incident_label"));
                        long incident = rs.getLong("incident_id");
                        m.put("incident_id", rs.wasNull() ? null : incident);
                        return (Object) m;
                    }).list();
            String actual = Hashes.sha256Hex(CanonicalJson.write(rows));
            if (!actual.equals(payload.get("claims_sha256"))) {
                return Optional.of(where + ": its " + rows.size() + " claims as the machine read them were altered after they were stored "
                        + "(they hash to " + actual + ", the ledger says " + payload.get("claims_sha256") + ")");
            }
            return Optional.empty();
        }
        long claimId = ((Number) payload.get("claim_id")).longValue();
        int readingNo = ((Number) payload.get("reading_no")).intValue();
        String where = "ledger entry " + e.seq() + " (reading " + readingNo + " of claim " + claimId + ", " + payload.get("change") + " by "
                + e.actor() + ")";
        Optional<String> actual = h.createQuery("SELECT * FROM claim_reading WHERE claim_id = :c AND reading_no = :n")
                .bind("c", claimId).bind("n", readingNo)
                .map((rs, ctx) -> {
                    long low = rs.getLong("low");
                    var lowValue = rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(low);
                    long high = rs.getLong("high");
                    var highValue = rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(high);
                    long incident = rs.getLong("incident_id");
                    Optional<Long> incidentId = rs.wasNull() ? Optional.empty() : Optional.of(incident);
                    StoredClaim.Reading r = new StoredClaim.Reading(
                            org.nomina.engine.claims.ClaimCategory.fromLabel(rs.getString("category")).orElseThrow(),
                            org.nomina.engine.claims.Subgroup.fromLabel(rs.getString("subgroup")), lowValue, highValue,
                            org.nomina.engine.claims.Qualifier.fromLabel(rs.getString("qualifier")).orElseThrow(),
                            rs.getString("incident_label"), incidentId, rs.getBoolean("rejected"), rs.getString("note"));
                    return ClaimStore.readingDigest(claimId, readingNo, r, rs.getString("read_by"));
                }).findFirst();
        if (actual.isEmpty()) {
            return Optional.of(where + ": the reading it records is gone from the database");
        }
        if (!actual.get().equals(payload.get("reading_sha256"))) {
            return Optional.of(where + ": the reading was altered after it was recorded");
        }
        return Optional.empty();
    }

    /** Readings no ledger entry accounts for (added with plain SQL), in plain words; empty when there are none. */
    public static Optional<String> unaccounted(Handle h, List<LedgerEntry> entries) {
        long expected = 0;
        for (LedgerEntry e : entries) {
            if (e.action().equals("claims")) {
                expected += ((Number) ((Map<?, ?>) CanonicalJson.read(e.payload())).get("claims")).longValue();
            } else if (e.action().equals("claim_reading")) {
                expected++;
            }
        }
        long actual = h.createQuery("SELECT COUNT(*) FROM claim_reading").mapTo(Long.class).one();
        return actual == expected ? Optional.empty()
                : Optional.of(actual + " claim readings are stored but the ledger accounts for " + expected + " (changed outside Nomina?)");
    }
}
