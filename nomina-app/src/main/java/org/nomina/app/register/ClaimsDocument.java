package org.nomina.app.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.claims.Subgroup;
import org.nomina.store.Database;
import org.nomina.store.claims.ClaimStore;
import org.nomina.store.claims.RegisterCounts;
import org.nomina.store.claims.StoredClaim;

/**
 * Claims as JSON, and the register set beside them — the same for {@code nomina claims list|compare --json},
 * {@code /api/v1/claims}, the dashboard and {@code nomina report}.
 */
public final class ClaimsDocument {
    private ClaimsDocument() {
    }

    /** A claim in the contract's JSON: {@code id, category, subgroup, count, low, high, qualifier, parent, incident, quote, start, end}. */
    public static Map<String, Object> claim(StoredClaim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        StoredClaim.Reading r = c.reading();
        m.put("id", c.id());
        r.putFigure(m);
        m.put("parent", c.parentId().orElse(null));
        m.put("incident", r.incidentLabel());
        m.put("quote", c.quote());
        m.put("start", c.start());
        m.put("end", c.end());
        return m;
    }

    /** The same, with who read it last, whether it stands, and the machine's reading. */
    public static Map<String, Object> listed(StoredClaim c) {
        Map<String, Object> m = claim(c);
        m.put("source", c.source());
        m.put("version", c.version());
        m.put("incident_id", c.reading().incidentId().orElse(null));
        m.put("rejected", c.reading().rejected());
        m.put("note", c.reading().note());
        m.put("reading", c.readingNo());
        m.put("read_by", c.readBy());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("category", c.machine().category().label());
        machine.put("subgroup", c.machine().subgroup().map(Subgroup::label).orElse(null));
        machine.put("low", c.machine().low().isPresent() ? c.machine().low().getAsLong() : null);
        machine.put("high", c.machine().high().isPresent() ? c.machine().high().getAsLong() : null);
        machine.put("qualifier", c.machine().qualifier().label());
        machine.put("incident", c.machine().incidentLabel());
        m.put("machine", machine);
        return m;
    }

    public static Map<String, Object> row(ClaimComparison.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", r.key().category().label());
        m.put("subgroup", r.key().subgroup().map(Subgroup::label).orElse(null));
        m.put("register", r.register());
        m.put("claims_minimum", r.claimsMinimum().isPresent() ? r.claimsMinimum().getAsLong() : null);
        m.put("claims_maximum", r.claimsMaximum().isPresent() ? r.claimsMaximum().getAsLong() : null);
        m.put("claims", r.claims().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("source", c.source());
            x.put("low", c.low().isPresent() ? c.low().getAsLong() : null);
            x.put("high", c.high().isPresent() ? c.high().getAsLong() : null);
            x.put("qualifier", c.qualifier().label());
            x.put("quote", c.quote());
            return x;
        }).toList());
        m.put("estimate", r.estimate().map(e -> Map.of("estimate", e.estimate(), "lower", e.lower(), "upper", e.upper(), "method", e.method()))
                .orElse(null));
        m.put("flags", r.flags().stream().map(f -> Map.of("kind", f.kind(), "message", f.message())).toList());
        return m;
    }

    public static List<ClaimComparison.Row> compare(Database db, Optional<String> incident, List<ClaimComparison.Estimate> estimates, List<String> notes) {
        Map<String, Long> figures;
        try {
            // The register's own figures (nomina figures): persons by current fate, for the incident and its sub-incidents.
            figures = org.nomina.store.figures.Figures.counts(db.jdbi(), incident, Optional.empty());
        } catch (org.nomina.store.BadInputException noFigures) {
            // No persons linked yet, or the claims' incident is not one of the register's: fall back to every person's status.
            notes.add("the register's figures could not be computed (" + noFigures.getMessage() + "); its counts are of everyone in it");
            return compareCounts(db, incident, RegisterCounts.count(db.jdbi()), estimates, notes);
        }
        return compare(db, incident, figures, estimates, notes);
    }

    /** The same, with the register's figures already computed ({@code Figures.Report.counts()}: {@code killed/children} → count). */
    public static List<ClaimComparison.Row> compare(Database db, Optional<String> incident, Map<String, Long> figures,
                                                    List<ClaimComparison.Estimate> estimates, List<String> notes) {
        Map<ClaimComparison.Key, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : figures.entrySet()) {
            String[] parts = e.getKey().split("/", 2);
            Optional<org.nomina.engine.claims.ClaimCategory> category = org.nomina.engine.claims.ClaimCategory.fromLabel(parts[0]);
            Optional<Subgroup> subgroup = parts.length > 1 ? Subgroup.fromLabel(parts[1]) : Optional.empty();
            if (category.isPresent() && (parts.length == 1 || subgroup.isPresent())) {
                counts.put(new ClaimComparison.Key(category.get(), subgroup), e.getValue());
            }
        }
        return compareCounts(db, incident, counts, estimates, notes);
    }

    private static List<ClaimComparison.Row> compareCounts(Database db, Optional<String> incident, Map<ClaimComparison.Key, Long> counts,
                                                           List<ClaimComparison.Estimate> estimates, List<String> notes) {
        if (counts.isEmpty()) {
            notes.add("the register holds no linked persons with a status yet (run nomina link); its counts are zero");
        }
        return ClaimComparison.compare(counts, RegisterCounts.sourced(new ClaimStore(db).list(incident)), estimates);
    }
}
