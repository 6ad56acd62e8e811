package org.nomina.store.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code alreadyImported} is true when the same file with the same mapping was
 * imported into the same source before; nothing was written then and {@code version} is the earlier one.
 * {@code rejects} lists every reason for the first {@link Importer#MAX_REJECTS_LISTED} rejected rows;
 * all of them are stored. {@code rowsWithProblems} counts imported rows that carry a problem (a value left
 * empty because it could not be read, or fields that disagree); {@code problemsByColumn} counts, per column
 * in header order, the imported rows whose value in that column could not be read and was left empty.
 */
public record ImportResult(String source, int version, String file, String sha256, int rowsRead, int rowsImported,
                           int rowsRejected, List<Rejection> rejects, boolean rejectsTruncated, String encoding, String delimiter,
                           Map<String, String> columns, List<String> warnings, boolean alreadyImported, double seconds,
                           int rowsWithProblems, Map<String, Integer> problemsByColumn) {
    public ImportResult {
        rejects = List.copyOf(rejects);
        warnings = List.copyOf(warnings);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        problemsByColumn = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problemsByColumn));
    }
}
