package org.nomina.store.claims;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.Qualifier;
import org.nomina.engine.claims.Subgroup;

/**
 * A claim as stored, with its current reading.
 *
 * @param id         the claim's number in the register (what {@code claims edit ID} takes)
 * @param claimNo    its number within its text
 * @param parentId   the register id of the claim it breaks down
 * @param readingNo  1 for the machine's reading; each edit, rejection or assignment adds one
 * @param readBy     who gave the current reading ({@code nomina} for the machine)
 * @param machine    the machine's reading, kept whatever people did since
 */
public record StoredClaim(long id, String source, String sourceKind, int version, int claimNo, Optional<Long> parentId, Reading reading,
                          int readingNo, String readBy, Reading machine, String quote, int start, int end) {

    /** What a claim says. {@code low}/{@code high} are equal for one number and empty for a vague quantity. */
    public record Reading(ClaimCategory category, Optional<Subgroup> subgroup, OptionalLong low, OptionalLong high, Qualifier qualifier,
                          String incidentLabel, Optional<Long> incidentId, boolean rejected, String note) {

        /** The single count, when the claim gives one number. */
        public OptionalLong count() {
            return qualifier != Qualifier.RANGE && low.isPresent() && high.isPresent() && low.getAsLong() == high.getAsLong()
                    ? low : OptionalLong.empty();
        }

        /**
         * Puts the reading's figure into {@code m} as the JSON of {@code claims list}, the API and the exports name it:
         * {@code category, subgroup (or null), count (or null), low, high, qualifier}, in that order.
         */
        public Map<String, Object> putFigure(Map<String, Object> m) {
            m.put("category", category.label());
            m.put("subgroup", subgroup.map(Subgroup::label).orElse(null));
            m.put("count", orNull(count()));
            m.put("low", orNull(low));
            m.put("high", orNull(high));
            m.put("qualifier", qualifier.label());
            return m;
        }

        /**
         * Puts what a ledger digest holds of the reading into {@code m}: {@code category, subgroup (or ""), low, high,
         * qualifier, incident_label, incident_id}. The digest is over canonical (key-sorted) JSON, so order is free.
         */
        Map<String, Object> putDigested(Map<String, Object> m) {
            m.put("category", category.label());
            m.put("subgroup", subgroup.map(Subgroup::label).orElse(""));
            m.put("low", orNull(low));
            m.put("high", orNull(high));
            m.put("qualifier", qualifier.label());
            m.put("incident_label", incidentLabel);
            m.put("incident_id", incidentId.orElse(null));
            return m;
        }

        private static Long orNull(OptionalLong v) {
            return v.isPresent() ? v.getAsLong() : null;
        }
    }
}
