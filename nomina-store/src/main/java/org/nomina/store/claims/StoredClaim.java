package org.nomina.store.claims;

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
    }
}
