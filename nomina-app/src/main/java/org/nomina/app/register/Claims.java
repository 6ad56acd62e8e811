package org.nomina.app.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.claims.Subgroup;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.claims.ClaimEdit;
import org.nomina.store.claims.ClaimImportResult;
import org.nomina.store.claims.ClaimRequest;
import org.nomina.store.claims.ClaimStore;
import org.nomina.store.claims.RegisterCounts;
import org.nomina.store.claims.StoredClaim;
import org.nomina.store.figures.Figures;

/**
 * The figures statements, reports and press texts claim about people, read in, corrected by people,
 * and set beside the register's own counts ({@code nomina claims}). Every change is ledgered.
 */
public final class Claims {
    private final Database db;
    private final ClaimStore store;

    Claims(Database db) {
        this.db = db;
        this.store = new ClaimStore(db);
    }

    /** Reads a text's claims into a new version of its source (or reports it already read). */
    public ClaimImportResult read(ClaimRequest request) {
        return store.store(request);
    }

    public List<StoredClaim> list(Optional<String> incident) {
        return store.list(incident);
    }

    public StoredClaim edit(long id, ClaimEdit edit, String actor) {
        return store.edit(id, edit, actor);
    }

    public StoredClaim reject(long id, String reason, String actor) {
        return store.reject(id, reason, actor);
    }

    /** Maps the claims labelled {@code label} (of one source, or all) onto a register incident, created if new. */
    public List<StoredClaim> assign(String label, Optional<String> source, String incident, String actor) {
        return store.assign(label, source, incident, actor);
    }

    /** The register's counts beside the claims, row by row, and notes on what the register's side rests on. */
    public record Comparison(List<ClaimComparison.Row> rows, List<String> notes) {
    }

    /**
     * The register's figures (persons by current fate, for the incident and its sub-incidents) beside
     * what the sources claim, with {@code estimates} of the undocumented where there are some.
     */
    public Comparison compare(Optional<String> incident, List<ClaimComparison.Estimate> estimates) {
        List<String> notes = new ArrayList<>();
        List<ClaimComparison.Row> rows = ClaimsDocument.compare(db, incident, estimates, notes);
        return new Comparison(rows, List.copyOf(notes));
    }
}
