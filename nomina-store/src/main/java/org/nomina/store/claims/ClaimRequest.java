package org.nomina.store.claims;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.claims.ClaimLanguage;
import org.nomina.store.BadInputException;

/**
 * One text to read claims from.
 *
 * @param kind     statement, report or media: what sort of source the text is
 * @param incident the register incident the text is about; its figures get this label and the incident's id
 * @param language empty to guess from the letters
 */
public record ClaimRequest(Path file, String source, String kind, Optional<String> incident, Optional<ClaimLanguage> language,
                           Optional<String> encoding, String actor) {
    public static final Set<String> KINDS = Set.of("statement", "report", "media");

    public ClaimRequest {
        Objects.requireNonNull(file, "file");
        if (source == null || source.isBlank()) {
            throw BadInputException.naming("{source} must name the source, e.g. \"Ministry statement\"", "source");
        }
        if (!KINDS.contains(kind)) {
            throw BadInputException.naming("{kind} must be statement, report or media, not '" + kind + "'", "kind");
        }
        if (incident.isPresent() && incident.get().isBlank()) {
            throw BadInputException.naming("{incident} must name an incident", "incident");
        }
    }
}
