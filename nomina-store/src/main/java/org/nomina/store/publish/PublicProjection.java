package org.nomina.store.publish;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.ledger.Ledger;
import org.nomina.store.search.RegisterIndex;

/**
 * What the public may see of the register: the one place that decides it, for the memorial's pages and
 * {@code /api/v1/public} alike.
 *
 * <p>A person is public when all of these hold: their fate (the register's consensus of their records,
 * as {@code link} stores it) is {@code killed} or {@code remains_identified}; they are not marked living;
 * they are not retired; nobody withheld them ({@code publish_withheld}); and at least one of their records
 * comes from a source that is published ({@code publish_source}; a source is published unless set
 * otherwise). Of a public person only this is shown, and only from records of published sources: the
 * names as the records write them and in Latin letters, the birth year (else an age a record gives),
 * the place, the incident's date and name, and the sources by their public title. Nothing else — no
 * sex, id number, address, notes, extra columns (witnesses, informants, contacts), verbatim cells,
 * problems or record ids — ever leaves through this class, because it never reads them.
 */
public final class PublicProjection {

    /** The fates a person must have to be public. */
    public static final Set<String> PUBLIC_FATES = Set.of("killed", "remains_identified");
    /** How long the withheld persons and the sources' settings read for searches are reused: a withholding shows within this. */
    private static final long EXCLUSIONS_MILLIS = 2_000;

    /** A person as the public sees them. */
    public record PublicPerson(long id, String displayName, String latinName, List<String> nameVariants, List<String> latinVariants,
                               Optional<Integer> birthYear, Optional<String> age, String place, String fate, List<String> dates,
                               List<String> incidents, List<String> sources) {
    }

    /** A person withheld from publication. */
    public record Withheld(long personId, String reason, String withheldBy, OffsetDateTime withheldAt) {
    }

    /** A source's publication setting. */
    public record SourceSetting(String source, boolean published, String publicTitle) {
    }

    private final Database db;
    private volatile Exclusions exclusions = new Exclusions(Set.of(), Set.of(), false, 0, 0);
    /**
     * Public persons (or their absence) as read at ledger head {@link #cachedAt}, the most recently used kept. Reading
     * a search page's 25 persons took two queries joining their records, 32% of the server's CPU in bench/web.sh
     * on a register of 660,000 persons (JFR); a person read again at the same head costs a map lookup.
     */
    private final Map<Long, Optional<PublicPerson>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<PublicPerson>> eldest) {
            return size() > CACHED_PERSONS;
        }
    };
    private long cachedAt = -1;
    /** About 1 kB each: 20 MB at most. */
    static final int CACHED_PERSONS = 20_000;

    /** {@code generation} grows whenever a reading differs from the one before (or the cache is forgotten). */
    private record Exclusions(Set<Long> persons, Set<String> publishedSources, boolean allSourcesPublished, long readAt, long generation) {
        boolean sameAs(Exclusions o) {
            return persons.equals(o.persons) && publishedSources.equals(o.publishedSources) && allSourcesPublished == o.allSourcesPublished;
        }
    }

    /**
     * What everything public depends on, read now: the ledger's head (every change to what is public appends to it, from
     * whichever process) and the generation of the exclusions a search restricts the index by (read again every
     * {@value #EXCLUSIONS_MILLIS} ms, so they may lag the head by that much). A response built after reading the version is
     * at least as new as it; equal versions mean the same public content, for one version of the search index.
     */
    public record Version(long ledgerHead, long exclusions) {
    }

    /** The version of the public content now (one short query, as every public request already makes). */
    public Version version() {
        long head = ledgerHead();
        return new Version(head, exclusions().generation());
    }

    public PublicProjection(Database db) {
        this.db = db;
    }

    // --- the public view ----------------------------------------------------------------------------

    /** The person as the public may see them, or empty when they are not public (or do not exist). */
    public Optional<PublicPerson> person(long id) {
        return Optional.ofNullable(persons(List.of(id)).get(id));
    }

    /**
     * What is public of these persons; a person not public is absent from the map. Each call reads the ledger's head
     * (one short query), and persons already read at that head come from memory; the others take two queries. Every
     * change that can alter what is public (link, a correction, a withholding, a source's setting, whichever process
     * makes it) appends to the ledger, so a person read at an older head is never served.
     */
    public Map<Long, PublicPerson> persons(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // The head is read first, on its own connection: persons read afterwards are at least as new as it, and they are
        // kept only while the head stays (a newer head clears them), so a person is never served from before a change.
        long head = ledgerHead();
        Map<Long, Optional<PublicPerson>> known = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        synchronized (cache) {
            if (cachedAt != head) {
                cache.clear();
                cachedAt = head;
            }
            for (long id : ids) {
                Optional<PublicPerson> p = cache.get(id);
                if (p == null) {
                    missing.add(id);
                } else {
                    known.put(id, p);
                }
            }
        }
        if (!missing.isEmpty()) {
            Map<Long, PublicPerson> read = db.jdbi().withHandle(h -> read(h, missing));
            synchronized (cache) {
                for (long id : missing) {
                    Optional<PublicPerson> p = Optional.ofNullable(read.get(id));
                    known.put(id, p);
                    if (cachedAt == head) {
                        cache.put(id, p);
                    }
                }
            }
        }
        Map<Long, PublicPerson> out = new LinkedHashMap<>();
        for (long id : ids) {
            known.getOrDefault(id, Optional.empty()).ifPresent(p -> out.put(id, p));
        }
        return out;
    }

    private static final String HEAD = "SELECT COALESCE(MAX(seq), 0) FROM ledger_entry";

    /**
     * The ledger's newest sequence number, asked of the database on every call (a change by another process, e.g. an
     * import from the command line, shows at the next request), through plain JDBC: through Jdbi this one-row query was
     * most of a public person's CPU.
     */
    private long ledgerHead() {
        return db.read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(HEAD); java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** What is public of these persons, in two queries. */
    private Map<Long, PublicPerson> read(org.jdbi.v3.core.Handle h, List<Long> ids) {
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT p.id, p.display_name, p.birth_year, p.place, p.status FROM person p
                        WHERE p.id IN (<ids>) AND p.retired_at IS NULL AND p.living = FALSE
                          AND p.status IN ('killed', 'remains_identified')
                          AND NOT EXISTS (SELECT 1 FROM publish_withheld w WHERE w.person_id = p.id)""")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", rs.getString(2));
                    m.put("birth_year", rs.getObject(3) == null || rs.getInt(3) == 0 ? null : rs.getInt(3));
                    m.put("place", rs.getString(4));
                    m.put("fate", rs.getString(5));
                    rows.put(rs.getLong(1), m);
                    return 0;
                })
                .forEach(x -> { });
        if (rows.isEmpty()) {
            return Map.<Long, PublicPerson>of();
        }
        Map<Long, Facts> facts = new LinkedHashMap<>();
        rows.forEach((id, row) -> facts.put(id, new Facts((String) row.get("name"))));
        // Only the columns the public may see are read.
        h.createQuery("""
                        SELECT pr.person_id, r.full_name, r.age, r.age_high, r.incident_year, r.incident_month, r.incident_day, i.name,
                               COALESCE(NULLIF(ps.public_title, ''), s.name)
                        FROM person_record pr
                        JOIN source_record r ON r.id = pr.source_record_id
                        JOIN source s ON s.id = r.source_id
                        LEFT JOIN publish_source ps ON ps.source_id = s.id
                        LEFT JOIN incident i ON i.id = r.incident_id
                        WHERE pr.person_id IN (<ids>) AND (ps.published IS NULL OR ps.published = TRUE)
                        ORDER BY pr.person_id, s.name, r.row_no""")
                .bindList("ids", List.copyOf(rows.keySet()))
                .map((rs, ctx) -> {
                    Facts f = facts.get(rs.getLong(1));
                    if (rs.getString(2) != null && !rs.getString(2).isBlank()) {
                        f.variants.add(rs.getString(2).strip());
                    }
                    if (rs.getObject(3) != null) {
                        f.ages.add(rs.getObject(4) != null && rs.getInt(4) != rs.getInt(3) ? rs.getInt(3) + "–" + rs.getInt(4)
                                : Integer.toString(rs.getInt(3)));
                    }
                    if (rs.getObject(5) != null) {
                        f.dates.add(rs.getInt(5) + (rs.getObject(6) != null ? String.format("-%02d", rs.getInt(6)) : "")
                                + (rs.getObject(7) != null ? String.format("-%02d", rs.getInt(7)) : ""));
                    }
                    if (rs.getString(8) != null) {
                        f.incidents.add(rs.getString(8));
                    }
                    f.sources.add(rs.getString(9));
                    return 0;
                })
                .forEach(x -> { });
        Map<Long, PublicPerson> out = new LinkedHashMap<>();
        for (long id : ids) {
            Map<String, Object> row = rows.get(id);
            Facts f = facts.get(id);
            if (row == null || f.sources.isEmpty()) {
                continue; // not public, or every record is in an unpublished source
            }
            Optional<Integer> birthYear = Optional.ofNullable((Integer) row.get("birth_year"));
            String display = (String) row.get("name");
            List<String> latin = f.variants.stream().map(this::latin).filter(x -> !x.isBlank()).distinct().toList();
            out.put(id, new PublicPerson(id, display, latin(display), List.copyOf(f.variants), latin, birthYear,
                    birthYear.isPresent() ? Optional.empty() : f.ages.stream().findFirst(), (String) row.get("place"),
                    (String) row.get("fate"), List.copyOf(f.dates), List.copyOf(f.incidents), List.copyOf(f.sources)));
        }
        return out;
    }

    /** What a person's public records say, gathered row by row. */
    private static final class Facts {
        final Set<String> variants = new LinkedHashSet<>();
        final Set<String> ages = new LinkedHashSet<>();
        final Set<String> dates = new LinkedHashSet<>();
        final Set<String> incidents = new LinkedHashSet<>();
        final Set<String> sources = new LinkedHashSet<>();

        Facts(String displayName) {
            variants.add(displayName);
        }
    }

    /**
     * A name in Latin letters, each word capitalised ("Мамедов Эльдар" → "Mamedov Eldar"). The normaliser is
     * asked for here, not held from the start: starting ICU's transliterators cost 0.3 s of CPU in every command
     * that opened the register (a tenth of {@code figures} on a million persons), most of which never latinise.
     */
    public String latin(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : NameNormaliser.shared().ascii(name).split(" ")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /**
     * Searches the public persons through the register's index: the query as the team's search reads it,
     * restricted to this projection. Hits are then read through {@link #persons} (two queries a page), so that a person withheld
     * a moment ago is never shown even before the restriction's cache catches up.
     */
    public Page search(RegisterIndex index, String text, int offset, int limit) {
        Exclusions x = exclusions();
        RegisterIndex.Page page = index.search(new RegisterIndex.SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), offset, limit), new RegisterIndex.Restriction(PUBLIC_FATES, x.persons(), true,
                x.allSourcesPublished() ? Optional.empty() : Optional.of(x.publishedSources())));
        Map<Long, PublicPerson> found = persons(page.hits().stream().map(RegisterIndex.Hit::personId).toList());
        return new Page(List.copyOf(found.values()), page.total(), page.totalExact(), offset, limit);
    }

    /**
     * A page of public persons; {@code total} counts every match when {@code totalExact}, else there are at
     * least that many (the index stops counting at {@link RegisterIndex#COUNT_LIMIT}).
     */
    public record Page(List<PublicPerson> persons, long total, boolean totalExact, int offset, int limit) {
    }

    private Exclusions exclusions() {
        Exclusions x = exclusions;
        long now = System.currentTimeMillis();
        if (now - x.readAt() < EXCLUSIONS_MILLIS) {
            return x;
        }
        Exclusions fresh = db.jdbi().withHandle(h -> {
            // The living are excluded by the index itself (Restriction.excludeLiving), and again by persons().
            Set<Long> out = new HashSet<>(h.createQuery("SELECT person_id FROM publish_withheld").mapTo(Long.class).list());
            Set<String> published = new HashSet<>(h.createQuery("""
                    SELECT s.name FROM source s LEFT JOIN publish_source ps ON ps.source_id = s.id
                    WHERE ps.published IS NULL OR ps.published = TRUE""").mapTo(String.class).list());
            long unpublished = h.createQuery("SELECT COUNT(*) FROM publish_source WHERE published = FALSE").mapTo(Long.class).one();
            Exclusions read = new Exclusions(Set.copyOf(out), Set.copyOf(published), unpublished == 0, now, x.generation());
            return read.sameAs(x) && x.readAt() != 0 ? read : new Exclusions(read.persons(), read.publishedSources(),
                    read.allSourcesPublished(), now, x.generation() + 1);
        });
        exclusions = fresh;
        return fresh;
    }

    /** Forgets the cached exclusions, so that the next search reads them again. */
    private void changed() {
        exclusions = new Exclusions(Set.of(), Set.of(), false, 0, exclusions.generation() + 1);
        synchronized (cache) {
            cache.clear();
            cachedAt = -1;
        }
    }

    // --- settings -------------------------------------------------------------------------------------

    /**
     * Withholds a person from every public page and response, ledgered with the reason.
     *
     * @throws BadInputException when there is no such person or no reason is given
     */
    public Withheld withhold(long personId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("withholding person " + personId + " needs a reason (e.g. \"the family asked\")");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Withheld w = db.jdbi().inTransaction(h -> {
            requirePerson(h, personId);
            h.createUpdate("DELETE FROM publish_withheld WHERE person_id = :p").bind("p", personId).execute();
            h.createUpdate("INSERT INTO publish_withheld (person_id, reason, withheld_by, withheld_at) VALUES (:p, :r, :a, :t)")
                    .bind("p", personId).bind("r", reason.strip()).bind("a", actor).bind("t", now).execute();
            Ledger.append(h, actor, "publish-withhold", Map.of("person_id", personId, "reason", reason.strip()));
            return new Withheld(personId, reason.strip(), actor, now);
        });
        changed();
        return w;
    }

    /** Publishes a withheld person again (when the projection's other rules allow); false when they were not withheld. */
    public boolean release(long personId, String actor) {
        boolean was = db.jdbi().inTransaction(h -> {
            requirePerson(h, personId);
            int n = h.createUpdate("DELETE FROM publish_withheld WHERE person_id = :p").bind("p", personId).execute();
            if (n > 0) {
                Ledger.append(h, actor, "publish-release", Map.of("person_id", personId));
            }
            return n > 0;
        });
        changed();
        return was;
    }

    private static void requirePerson(org.jdbi.v3.core.Handle h, long personId) {
        if (h.createQuery("SELECT COUNT(*) FROM person WHERE id = :p").bind("p", personId).mapTo(Long.class).one() == 0) {
            throw new BadInputException("there is no person " + personId + " (see nomina stats, or the register's search)");
        }
    }

    public List<Withheld> withheld() {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT person_id, reason, withheld_by, withheld_at FROM publish_withheld ORDER BY withheld_at DESC, person_id")
                .map((rs, ctx) -> new Withheld(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list());
    }

    public Optional<Withheld> withheld(long personId) {
        return withheld().stream().filter(w -> w.personId() == personId).findFirst();
    }

    /**
     * Sets whether a source's records may be published, and under which public title (empty: its name).
     *
     * @throws BadInputException when there is no such source
     */
    public SourceSetting setSource(String source, boolean published, String publicTitle, String actor) {
        SourceSetting s = db.jdbi().inTransaction(h -> {
            Optional<Long> id = h.createQuery("SELECT id FROM source WHERE name = :n").bind("n", source).mapTo(Long.class).findFirst();
            if (id.isEmpty()) {
                throw new BadInputException("there is no source '" + source + "'; the sources are: "
                        + String.join(", ", h.createQuery("SELECT name FROM source ORDER BY name").mapTo(String.class).list()));
            }
            String title = publicTitle == null ? "" : publicTitle.strip();
            h.createUpdate("DELETE FROM publish_source WHERE source_id = :s").bind("s", id.get()).execute();
            h.createUpdate("""
                            INSERT INTO publish_source (source_id, published, public_title, changed_by, changed_at)
                            VALUES (:s, :p, :t, :a, :now)""")
                    .bind("s", id.get()).bind("p", published).bind("t", title).bind("a", actor)
                    .bind("now", OffsetDateTime.now(ZoneOffset.UTC)).execute();
            Ledger.append(h, actor, "publish-source", Map.of("source", source, "published", published, "public_title", title));
            return new SourceSetting(source, published, title);
        });
        changed();
        return s;
    }

    /** Every source with its publication setting (published unless set otherwise). */
    public List<SourceSetting> sources() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.name, COALESCE(ps.published, TRUE), COALESCE(ps.public_title, '') FROM source s
                        LEFT JOIN publish_source ps ON ps.source_id = s.id ORDER BY s.name""")
                .map((rs, ctx) -> new SourceSetting(rs.getString(1), rs.getBoolean(2), rs.getString(3))).list());
    }
}
