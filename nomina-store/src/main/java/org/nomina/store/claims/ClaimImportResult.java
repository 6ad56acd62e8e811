package org.nomina.store.claims;

import java.util.List;

/**
 * What reading one text did.
 *
 * @param alreadyStored the same file was read into the same source before; nothing was stored this time
 * @param duplicatesSkipped figures in passages the text repeats, counted once
 */
public record ClaimImportResult(String source, int version, String file, String sha256, String format, String encoding, String language,
                                boolean alreadyStored, List<StoredClaim> claims, int duplicatesSkipped, List<String> warnings) {
    public ClaimImportResult {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
