package org.nomina.store.claims;

import java.util.Optional;
import java.util.OptionalLong;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.Qualifier;
import org.nomina.engine.claims.Subgroup;

/**
 * A person's reading of a claim; what is not given stays as it was.
 *
 * @param subgroup empty to keep; {@code Optional.of(Optional.empty())} to say the figure is about everyone
 */
public record ClaimEdit(Optional<ClaimCategory> category, Optional<Optional<Subgroup>> subgroup, OptionalLong low, OptionalLong high,
                        Optional<Qualifier> qualifier, Optional<String> incident, Optional<String> note) {
}
