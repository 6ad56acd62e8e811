package org.nomina.store.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nomina.store.incidents.Incidents;

/**
 * Resolves the incident each imported row belongs to: the row's own {@code incident} value, else the
 * import's {@code --incident}, else the register's default incident (no id). Incidents a list names
 * that the register does not hold yet are created in the import's current batch, marked as staged by its
 * incomplete version ({@code incident.staged_by}), so that removing the version (a failed or killed import)
 * removes them too. Not thread-safe; one per import.
 */
final class IncidentIds {
    private final Handle handle;
    private final String fallback;
    private final Map<String, String> ids = new HashMap<>();
    private final long versionId;

    IncidentIds(Handle handle, Optional<String> importIncident, long versionId) {
        this.handle = handle;
        this.versionId = versionId;
        this.fallback = importIncident.map(String::strip).filter(s -> !s.isEmpty()).map(this::id).orElse("");
    }

    RecordFacts resolve(RecordFacts facts) {
        String id = facts.incident().isEmpty() ? fallback : id(facts.incident());
        return facts.withIncident(id);
    }

    /**
     * The facts resolved when that needs no database, that is when the row names no incident of its own (it
     * then belongs to the import's): callable from the read-ahead thread. Null when the row names one.
     */
    RecordFacts resolveDefault(RecordFacts facts) {
        return facts.incident().isEmpty() ? facts.withIncident(fallback) : null;
    }

    private String id(String name) {
        return ids.computeIfAbsent(name, n -> String.valueOf(Incidents.find(handle, n).map(Incidents.Incident::id).orElseGet(() -> {
            long id = Incidents.findOrCreate(handle, n);
            handle.createUpdate("UPDATE incident SET staged_by = :v WHERE id = :id").bind("v", versionId).bind("id", id).execute();
            return id;
        })));
    }
}
