package org.nomina.store.claims;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nomina.engine.claims.Claim;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimExtraction;
import org.nomina.engine.claims.ClaimExtractor;
import org.nomina.engine.claims.Qualifier;
import org.nomina.engine.claims.Subgroup;
import org.nomina.store.BadInputException;
import org.nomina.store.CanonicalJson;
import org.nomina.store.Database;
import org.nomina.store.ledger.Hashes;
import org.nomina.store.ledger.Ledger;

/**
 * Claims in the register: a text stored verbatim as a new version of a statement, report or media
 * source, with the figures read from it; readings that people edit, reject or assign to incidents,
 * each a new ledgered reading beside the machine's.
 *
 * <p>Incidents are looked up and created by name with the few lines of SQL here; the incidents
 * feature ({@code nomina incident}) owns them otherwise.
 */
public final class ClaimStore {

    /** Who gives the machine's readings in {@code claim_reading.read_by}. */
    public static final String MACHINE = "nomina";

    private final Jdbi jdbi;

    public ClaimStore(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Reads {@code request.file()}, extracts its claims and stores both in one transaction. */
    public ClaimImportResult store(ClaimRequest request) {
        ClaimDocument document = ClaimDocuments.read(request.file(), request.encoding());
        String mainLabel = request.incident().orElse(ClaimExtractor.MAIN_INCIDENT);
        ClaimExtraction extraction = ClaimExtractor.extract(document.text(), request.language(), mainLabel);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("reader", "claims");
        options.put("language", request.language().map(l -> l.code()).orElse("auto"));
        options.put("incident", request.incident().orElse(""));
        String optionsJson = CanonicalJson.write(options);
        String optionsSha = Hashes.sha256Hex(optionsJson);
        return jdbi.inTransaction(handle -> {
            Optional<Map<String, Object>> source = handle.createQuery("SELECT id, kind FROM source WHERE name = :n")
                    .bind("n", request.source()).mapToMap().findFirst();
            if (source.isPresent() && !ClaimRequest.KINDS.contains(String.valueOf(source.get().get("kind")))) {
                throw new BadInputException("'" + request.source() + "' is a source of kind " + source.get().get("kind")
                        + " (lists go to nomina import); name another source for this text");
            }
            Optional<Integer> existing = handle.createQuery("""
                    SELECT v.version_no FROM source_version v JOIN source s ON s.id = v.source_id
                    WHERE s.name = :source AND v.sha256 = :sha AND v.mapping_sha256 = :msha""")
                    .bind("source", request.source()).bind("sha", document.sha256()).bind("msha", optionsSha)
                    .mapTo(Integer.class).findFirst();
            if (existing.isPresent()) {
                List<StoredClaim> claims = list(handle, "v.version_no = :no AND s.name = :source",
                        Map.of("no", existing.get(), "source", request.source()));
                return new ClaimImportResult(request.source(), existing.get(), document.fileName(), document.sha256(), document.format(),
                        document.encoding(), extraction.language().code(), true, claims, extraction.duplicatesSkipped(),
                        List.of("this file was already read into '" + request.source() + "' as version " + existing.get()
                                + "; nothing was stored again"));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long sourceId = source.map(s -> ((Number) s.get("id")).longValue()).orElseGet(() -> handle.createUpdate("""
                    INSERT INTO source (name, kind, language, created_at) VALUES (:name, :kind, :language, :at)""")
                    .bind("name", request.source()).bind("kind", request.kind()).bind("language", extraction.language().code())
                    .bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
            int versionNo = handle.createQuery("SELECT COALESCE(MAX(version_no), 0) + 1 FROM source_version WHERE source_id = :s")
                    .bind("s", sourceId).mapTo(Integer.class).one();
            Optional<Long> incidentId = incidentId(handle, request.incident(), now);
            String digest = claimsDigest(extraction.claims(), mainLabel, incidentId);
            long versionId = handle.createUpdate("""
                    INSERT INTO source_version (source_id, version_no, file_name, sha256, size_bytes, file_format, encoding,
                        delimiter, mapping_json, mapping_sha256, rows_read, rows_imported, rows_rejected, records_sha256,
                        imported_at, imported_by)
                    VALUES (:s, :no, :file, :sha, :size, :format, :enc, '', :options, :osha, :n, :n, 0, :digest, :at, :by)""")
                    .bind("s", sourceId).bind("no", versionNo).bind("file", document.fileName()).bind("sha", document.sha256())
                    .bind("size", document.sizeBytes()).bind("format", document.format()).bind("enc", document.encoding())
                    .bind("options", optionsJson).bind("osha", optionsSha).bind("n", extraction.claims().size())
                    .bind("digest", digest).bind("at", now).bind("by", request.actor())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            String textSha = Hashes.sha256Hex(document.text());
            handle.createUpdate("INSERT INTO source_text (source_version_id, language, content, content_sha256) VALUES (:v, :l, :c, :sha)")
                    .bind("v", versionId).bind("l", extraction.language().code()).bind("c", document.text()).bind("sha", textSha).execute();
            Map<Integer, Long> ids = new HashMap<>();
            for (Claim c : extraction.claims()) {
                long claimId = handle.createUpdate("""
                        INSERT INTO claim (source_version_id, claim_no, parent_id, quote, start_offset, end_offset)
                        VALUES (:v, :no, :parent, :quote, :start, :end)""")
                        .bind("v", versionId).bind("no", c.id())
                        .bind("parent", c.parent().isPresent() ? ids.get(c.parent().getAsInt()) : null)
                        .bind("quote", c.quote()).bind("start", c.start()).bind("end", c.end())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                ids.put(c.id(), claimId);
                StoredClaim.Reading reading = new StoredClaim.Reading(c.category(), c.subgroup(), c.low(), c.high(), c.qualifier(),
                        c.incident(), c.incident().equals(mainLabel) ? incidentId : Optional.empty(), false, "");
                insertReading(handle, claimId, 1, reading, MACHINE, now);
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("source_version_id", versionId);
            payload.put("source", request.source());
            payload.put("kind", request.kind());
            payload.put("version", versionNo);
            payload.put("file", document.fileName());
            payload.put("sha256", document.sha256());
            payload.put("text_sha256", textSha);
            payload.put("language", extraction.language().code());
            payload.put("claims", extraction.claims().size());
            payload.put("claims_sha256", digest);
            Ledger.append(handle, request.actor(), "claims", payload);
            List<StoredClaim> claims = list(handle, "v.id = :v", Map.of("v", versionId));
            return new ClaimImportResult(request.source(), versionNo, document.fileName(), document.sha256(), document.format(),
                    document.encoding(), extraction.language().code(), false, claims, extraction.duplicatesSkipped(), extraction.warnings());
        });
    }

    /** Current claims, in the order they were read; rejected ones included (marked). */
    public List<StoredClaim> list(Optional<String> incident) {
        return jdbi.withHandle(h -> incident.isPresent()
                ? list(h, "(r.incident_label = :i OR r.incident_id IN (SELECT id FROM incident WHERE name = :i))", Map.of("i", incident.get()))
                : list(h, "1 = 1", Map.of()));
    }

    public Optional<StoredClaim> find(long id) {
        return jdbi.withHandle(h -> list(h, "c.id = :id", Map.of("id", id)).stream().findFirst());
    }

    /**
     * Records a person's reading of a claim as its next reading, in the ledger. Values not given keep
     * the current reading's.
     */
    public StoredClaim edit(long id, ClaimEdit edit, String actor) {
        return jdbi.inTransaction(h -> {
            StoredClaim current = current(h, id);
            StoredClaim.Reading r = current.reading();
            OptionalLong low = edit.low().isPresent() ? edit.low() : r.low();
            OptionalLong high = edit.high().isPresent() ? edit.high() : edit.low().isPresent() ? edit.low() : r.high();
            Qualifier qualifier = edit.qualifier().orElse(r.qualifier() == Qualifier.VAGUE && low.isPresent() ? Qualifier.EXACT : r.qualifier());
            if (qualifier == Qualifier.VAGUE) {
                low = OptionalLong.empty();
                high = OptionalLong.empty();
            } else if (low.isEmpty() || high.isEmpty()) {
                throw new BadInputException("claim " + id + " is a vague quantity; give its number with --count (or --low and --high)");
            } else if (low.getAsLong() > high.getAsLong()) {
                throw new BadInputException("claim " + id + ": --low " + low.getAsLong() + " is above --high " + high.getAsLong());
            } else if (low.getAsLong() != high.getAsLong() && qualifier != Qualifier.RANGE) {
                qualifier = Qualifier.RANGE;
            }
            StoredClaim.Reading next = new StoredClaim.Reading(edit.category().orElse(r.category()),
                    edit.subgroup().isPresent() ? edit.subgroup().get() : r.subgroup(), low, high, qualifier,
                    edit.incident().orElse(r.incidentLabel()), edit.incident().isPresent() ? Optional.empty() : r.incidentId(), false,
                    edit.note().orElse(""));
            return addReading(h, current, next, actor, "edit");
        });
    }

    /** Marks a claim as not a figure the text gives (a new reading, in the ledger); the machine's reading stays. */
    public StoredClaim reject(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw BadInputException.naming("{reason} must say why claim " + id + " is rejected", "reason");
        }
        return jdbi.inTransaction(h -> {
            StoredClaim current = current(h, id);
            StoredClaim.Reading r = current.reading();
            StoredClaim.Reading next = new StoredClaim.Reading(r.category(), r.subgroup(), r.low(), r.high(), r.qualifier(), r.incidentLabel(),
                    r.incidentId(), true, reason);
            return addReading(h, current, next, actor, "reject");
        });
    }

    /**
     * Maps every current claim labelled {@code label} (of one source, or of all) onto the register's
     * incident {@code incidentName}, creating the incident if there is none of that name. Returns the
     * claims it changed.
     */
    public List<StoredClaim> assign(String label, Optional<String> source, String incidentName, String actor) {
        if (incidentName.isBlank()) {
            throw BadInputException.naming("{incident} must name an incident", "incident");
        }
        return jdbi.inTransaction(h -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long incident = incidentId(h, Optional.of(incidentName), now).orElseThrow();
            List<StoredClaim> matching = source.isPresent()
                    ? list(h, "r.incident_label = :l AND s.name = :s", Map.of("l", label, "s", source.get()))
                    : list(h, "r.incident_label = :l", Map.of("l", label));
            if (matching.isEmpty()) {
                throw new BadInputException("no claim has the incident label '" + label + "'" + source.map(s -> " in '" + s + "'").orElse("")
                        + " (see nomina claims list)");
            }
            List<StoredClaim> out = new ArrayList<>();
            for (StoredClaim c : matching) {
                if (c.reading().incidentId().equals(Optional.of(incident))) {
                    continue;
                }
                StoredClaim.Reading r = c.reading();
                out.add(addReading(h, c, new StoredClaim.Reading(r.category(), r.subgroup(), r.low(), r.high(), r.qualifier(), r.incidentLabel(),
                        Optional.of(incident), r.rejected(), "assigned to incident " + incidentName), actor, "assign"));
            }
            return out;
        });
    }

    private StoredClaim current(Handle h, long id) {
        return list(h, "c.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new BadInputException("there is no claim " + id + " (see nomina claims list)"));
    }

    private StoredClaim addReading(Handle h, StoredClaim current, StoredClaim.Reading next, String actor, String why) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int readingNo = current.readingNo() + 1;
        String digest = insertReading(h, current.id(), readingNo, next, actor, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("claim_id", current.id());
        payload.put("reading_no", readingNo);
        payload.put("change", why);
        payload.put("reading_sha256", digest);
        Ledger.append(h, actor, "claim_reading", payload);
        return current(h, current.id());
    }

    /** Stores a reading and returns its digest, which its ledger entry holds. */
    private static String insertReading(Handle h, long claimId, int readingNo, StoredClaim.Reading r, String by, OffsetDateTime at) {
        h.createUpdate("""
                INSERT INTO claim_reading (claim_id, reading_no, category, subgroup, low, high, qualifier, incident_label, incident_id,
                    rejected, note, read_by, recorded_at)
                VALUES (:claim, :no, :category, :subgroup, :low, :high, :qualifier, :label, :incident, :rejected, :note, :by, :at)""")
                .bind("claim", claimId).bind("no", readingNo).bind("category", r.category().label())
                .bind("subgroup", r.subgroup().map(Subgroup::label).orElse(""))
                .bind("low", r.low().isPresent() ? r.low().getAsLong() : null).bind("high", r.high().isPresent() ? r.high().getAsLong() : null)
                .bind("qualifier", r.qualifier().label()).bind("label", r.incidentLabel()).bind("incident", r.incidentId().orElse(null))
                .bind("rejected", r.rejected()).bind("note", r.note()).bind("by", by).bind("at", at).execute();
        return readingDigest(claimId, readingNo, r, by);
    }

    /** The digest of one reading: what the ledger holds and {@code nomina verify} recomputes. */
    static String readingDigest(long claimId, int readingNo, StoredClaim.Reading r, String by) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim_id", claimId);
        m.put("reading_no", readingNo);
        r.putDigested(m);
        m.put("rejected", r.rejected());
        m.put("note", r.note());
        m.put("read_by", by);
        return Hashes.sha256Hex(CanonicalJson.write(m));
    }

    /** The digest of what was read from a text, independent of database ids: what its ledger entry holds. */
    static String claimsDigest(List<Claim> claims, String mainLabel, Optional<Long> incidentId) {
        List<Object> rows = new ArrayList<>();
        for (Claim c : claims) {
            rows.add(claimRow(c.id(), c.parent().isPresent() ? c.parent().getAsInt() : null, c.quote(), c.start(), c.end(),
                    new StoredClaim.Reading(c.category(), c.subgroup(), c.low(), c.high(), c.qualifier(), c.incident(),
                            c.incident().equals(mainLabel) ? incidentId : Optional.empty(), false, "")));
        }
        return Hashes.sha256Hex(CanonicalJson.write(rows));
    }

    static Map<String, Object> claimRow(int claimNo, Integer parentNo, String quote, int start, int end, StoredClaim.Reading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim_no", claimNo);
        m.put("parent_no", parentNo);
        m.put("quote", quote);
        m.put("start", start);
        m.put("end", end);
        return r.putDigested(m);
    }

    /** The register incident of that name, created if there is none; empty when no name is given. */
    static Optional<Long> incidentId(Handle h, Optional<String> name, OffsetDateTime now) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> found = h.createQuery("SELECT MIN(id) FROM incident WHERE name = :n").bind("n", name.get())
                .mapTo(Long.class).findFirst().filter(x -> x != null);
        return Optional.of(found.orElseGet(() -> h.createUpdate("INSERT INTO incident (name, created_at) VALUES (:n, :at)")
                .bind("n", name.get()).bind("at", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    private static final String CURRENT = """
            SELECT c.id, c.claim_no, c.parent_id, c.quote, c.start_offset, c.end_offset, s.name AS source_name, s.kind AS source_kind,
                   v.version_no, r.reading_no, r.read_by, r.category, r.subgroup, r.low, r.high, r.qualifier, r.incident_label,
                   r.incident_id, r.rejected, r.note,
                   m.category AS m_category, m.subgroup AS m_subgroup, m.low AS m_low, m.high AS m_high, m.qualifier AS m_qualifier,
                   m.incident_label AS m_incident_label, m.incident_id AS m_incident_id
            FROM claim c
            JOIN source_version v ON v.id = c.source_version_id
            JOIN source s ON s.id = v.source_id
            JOIN claim_reading r ON r.claim_id = c.id
                 AND r.reading_no = (SELECT MAX(x.reading_no) FROM claim_reading x WHERE x.claim_id = c.id)
            JOIN claim_reading m ON m.claim_id = c.id AND m.reading_no = 1
            WHERE
            """;

    static List<StoredClaim> list(Handle h, String where, Map<String, Object> binds) {
        var query = h.createQuery(CURRENT + where + " ORDER BY c.id");
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> map(rs)).list();
    }

    private static StoredClaim map(ResultSet rs) throws SQLException {
        StoredClaim.Reading reading = reading(rs, "", true);
        StoredClaim.Reading machine = reading(rs, "m_", false);
        long parent = rs.getLong("parent_id");
        Optional<Long> parentId = rs.wasNull() ? Optional.empty() : Optional.of(parent);
        return new StoredClaim(rs.getLong("id"), rs.getString("source_name"), rs.getString("source_kind"), rs.getInt("version_no"),
                rs.getInt("claim_no"), parentId, reading, rs.getInt("reading_no"), rs.getString("read_by"), machine, rs.getString("quote"),
                rs.getInt("start_offset"), rs.getInt("end_offset"));
    }

    private static StoredClaim.Reading reading(ResultSet rs, String prefix, boolean current) throws SQLException {
        ClaimCategory category = ClaimCategory.fromLabel(rs.getString(prefix + "category"))
                .orElseThrow(() -> new SQLException("unknown claim category in the database"));
        Optional<Subgroup> subgroup = Subgroup.fromLabel(rs.getString(prefix + "subgroup"));
        long low = rs.getLong(prefix + "low");
        OptionalLong lowValue = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(low);
        long high = rs.getLong(prefix + "high");
        OptionalLong highValue = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(high);
        Qualifier qualifier = Qualifier.fromLabel(rs.getString(prefix + "qualifier"))
                .orElseThrow(() -> new SQLException("unknown claim qualifier in the database"));
        long incident = rs.getLong(prefix + "incident_id");
        Optional<Long> incidentId = rs.wasNull() ? Optional.empty() : Optional.of(incident);
        return new StoredClaim.Reading(category, subgroup, lowValue, highValue, qualifier, rs.getString(prefix + "incident_label"), incidentId,
                current && rs.getBoolean("rejected"), current ? rs.getString("note") : "");
    }
}
