package org.nomina.store.imports;

import java.util.List;
import org.nomina.store.BadInputException;

/**
 * The kinds a source can be ({@code source.kind}). A {@code residents} source lists the people who lived
 * in a place, not victims: it gives the population a figure is a share of.
 */
public final class SourceKind {
    public static final List<String> KINDS = List.of("list", "residents", "testimonies", "official", "media");
    public static final String RESIDENTS = "residents";

    private SourceKind() {
    }

    /** @throws BadInputException naming the value and the kinds there are */
    public static void check(String kind) {
        if (!KINDS.contains(kind)) {
            throw BadInputException.naming("{kind} must be one of " + String.join(", ", KINDS) + ", not '" + kind + "'", "kind");
        }
    }
}
