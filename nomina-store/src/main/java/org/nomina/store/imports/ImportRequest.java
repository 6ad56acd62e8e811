package org.nomina.store.imports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One import as asked for: the file, the source it is a version of, and what the user said about it.
 * An explicit encoding or delimiter wins over the mapping's, which wins over detection.
 */
public record ImportRequest(Path file, String source, Optional<Path> mapping, Optional<String> encoding,
                            Optional<String> delimiter, String actor) {
}
