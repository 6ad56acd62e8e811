package org.nomina.store.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nomina.engine.claims.Subgroup;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;

/**
 * Writes every claim with its current reading and the machine's: CSV with a header row, or a JSON array.
 */
public final class ClaimExporter {

    public static final List<String> COLUMNS = List.of("id", "source", "source_kind", "version", "claim_no", "category", "subgroup", "count",
            "low", "high", "qualifier", "parent", "incident", "incident_id", "rejected", "note", "reading_no", "read_by", "machine_category",
            "machine_subgroup", "machine_low", "machine_high", "machine_qualifier", "quote", "start", "end");

    private ClaimExporter() {
    }

    /** Writes the claims and returns how many. */
    public static long export(Database database, boolean json, Writer out) {
        List<StoredClaim> claims = new ClaimStore(database).list(Optional.empty());
        try {
            if (json) {
                out.write(CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(claims.stream().map(ClaimExporter::row).toList()));
                out.write("\n");
            } else {
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(COLUMNS.toArray(String[]::new)).get());
                for (StoredClaim c : claims) {
                    csv.printRecord(row(c).values().stream().map(v -> v == null ? "" : v).toList());
                }
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return claims.size();
    }

    static Map<String, Object> row(StoredClaim c) {
        Map<String, Object> m = new LinkedHashMap<>();
        StoredClaim.Reading r = c.reading();
        StoredClaim.Reading machine = c.machine();
        m.put("id", c.id());
        m.put("source", c.source());
        m.put("source_kind", c.sourceKind());
        m.put("version", c.version());
        m.put("claim_no", c.claimNo());
        r.putFigure(m);
        m.put("parent", c.parentId().orElse(null));
        m.put("incident", r.incidentLabel());
        m.put("incident_id", r.incidentId().orElse(null));
        m.put("rejected", r.rejected());
        m.put("note", r.note());
        m.put("reading_no", c.readingNo());
        m.put("read_by", c.readBy());
        m.put("machine_category", machine.category().label());
        m.put("machine_subgroup", machine.subgroup().map(Subgroup::label).orElse(null));
        m.put("machine_low", machine.low().isPresent() ? machine.low().getAsLong() : null);
        m.put("machine_high", machine.high().isPresent() ? machine.high().getAsLong() : null);
        m.put("machine_qualifier", machine.qualifier().label());
        m.put("quote", c.quote());
        m.put("start", c.start());
        m.put("end", c.end());
        return m;
    }
}
