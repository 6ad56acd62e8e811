package org.nomina.store.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import did. {@code alreadyImported} is true when the same file with the same mapping was
 * imported into the same source before; nothing was written then and {@code version} is the earlier one.
 * {@code rejects} lists every reason for the first {@link Importer#MAX_REJECTS_LISTED} rejected rows;
 * all of them are stored.
 */
public record ImportResult(String source, int version, String file, String sha256, int rowsRead, int rowsImported,
                           int rowsRejected, List<Rejection> rejects, boolean rejectsTruncated, String encoding, String delimiter,
                           Map<String, String> columns, List<String> warnings, boolean alreadyImported, double seconds) {
}
