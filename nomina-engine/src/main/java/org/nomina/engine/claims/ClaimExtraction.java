package org.nomina.engine.claims;

import java.util.List;

/**
 * What one text yields: its language, its claims in reading order, how many figures were skipped as
 * part of a repeated passage, and notes in plain words (figures about people that name no category).
 */
public record ClaimExtraction(ClaimLanguage language, List<Claim> claims, int duplicatesSkipped, List<String> warnings) {
    public ClaimExtraction {
        claims = List.copyOf(claims);
        warnings = List.copyOf(warnings);
    }
}
