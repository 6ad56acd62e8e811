package org.nomina.store.imports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One import as asked for: the file, the source it is a version of, and what the user said about it.
 * An explicit encoding or delimiter wins over the mapping's, which wins over detection. {@code incident}
 * names the incident the list's records belong to (created if absent; a row's {@code incident} column
 * overrides it; empty: the register's default incident); {@code kind} sets the source's kind
 * ({@code list|residents|testimonies|official|media}; empty keeps it, {@code list} for a new source).
 */
public record ImportRequest(Path file, String source, Optional<Path> mapping, Optional<String> encoding,
                            Optional<String> delimiter, String actor, Optional<String> incident, Optional<String> kind) {

    public ImportRequest(Path file, String source, Optional<Path> mapping, Optional<String> encoding, Optional<String> delimiter,
                         String actor) {
        this(file, source, mapping, encoding, delimiter, actor, Optional.empty(), Optional.empty());
    }
}
