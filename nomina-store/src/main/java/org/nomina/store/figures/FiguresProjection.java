package org.nomina.store.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;

/**
 * The figures projection (V13): one short row per person with what {@code figures} needs of them for every
 * incident ({@link RegisterFacts.Projected}: sex, birth, recorded age, the incidents they are in and whether a
 * residents' list names them there, every status with its date, record and source, their family and parents),
 * so that {@code figures} reads a million short rows instead of every source record, and rebuilds no household.
 * Nothing in it is decided for one request: the incident asked for, {@code --as-of}, the age thresholds, the
 * incidents' dates and the sources' names are applied when it is read, exactly as on a fresh scan.
 *
 * <p>It holds for one state of the register, named by a fingerprint ({@link #fingerprint}): the latest ledger
 * entry that can change a figure (imports, links, incidents, reviews — anything but claims, users, tokens,
 * publication settings and corrections of a person's consensus values, which figures never read), the latest
 * linkage run, and the highest linked and stored record ids (so that rows written past the ledger are noticed
 * too). {@link #load} gives the rows only while the register is in that state; otherwise {@code figures} scans
 * the records and {@link #store} writes the projection again.
 */
final class FiguresProjection {

    /** The encoding of {@code figures_person.facts}; part of the fingerprint, so a new encoding rebuilds the projection. */
    static final int FORMAT = 1;

    /** Ledger actions that change nothing figures read; every other action (a new one too) makes the projection stale. */
    static final Set<String> UNRELATED_ACTIONS = Set.of("claims", "claim_reading", "user-add", "user-disable", "token-create",
            "token-revoke", "publish-withhold", "publish-release", "publish-source", "person-correct");

    private static final Map<String, Status> STATUSES = new HashMap<>();

    static {
        for (Status s : Status.values()) {
            STATUSES.put(s.word(), s);
        }
    }

    private FiguresProjection() {
    }

    /** The register's state as far as figures can tell it, cheaply: each part is one index lookup. */
    static String fingerprint(Handle h) {
        String unrelated = String.join(",", UNRELATED_ACTIONS.stream().sorted().map(a -> "'" + a + "'").toList());
        String head = h.createQuery("SELECT seq, hash FROM ledger_entry WHERE seq = (SELECT MAX(seq) FROM ledger_entry WHERE action NOT IN ("
                        + unrelated + "))")
                .map((rs, ctx) -> rs.getLong(1) + ":" + rs.getString(2)).findFirst().orElse("0:");
        long run = max(h, "SELECT MAX(id) FROM linkage_run");
        long linked = max(h, "SELECT MAX(source_record_id) FROM person_record");
        long records = max(h, "SELECT MAX(id) FROM source_record");
        return "v" + FORMAT + ";ledger " + head + ";run " + run + ";linked " + linked + ";records " + records;
    }

    private static long max(Handle h, String sql) {
        Long v = h.createQuery(sql).mapTo(Long.class).one();
        return v == null ? 0 : v;
    }

    private static Optional<String> stored(Handle h) {
        return h.createQuery("SELECT fingerprint, persons FROM figures_projection WHERE id = 1")
                .map((rs, ctx) -> rs.getString(1) + "#" + rs.getLong(2)).findFirst();
    }

    /** True when the projection was written for the register as {@code fingerprint} names it. */
    static boolean isCurrent(Handle h, String fingerprint) {
        return stored(h).filter(s -> s.startsWith(fingerprint + "#")).isPresent();
    }

    /**
     * The projection's persons in id order, when it was written for the register as {@code fingerprint} names
     * it and nobody rewrote it while it was read; empty otherwise.
     */
    static Optional<List<RegisterFacts.Projected>> load(Handle h, String fingerprint) {
        Optional<String> before = stored(h).filter(s -> s.startsWith(fingerprint + "#"));
        if (before.isEmpty()) {
            return Optional.empty();
        }
        long persons = Long.parseLong(before.get().substring(before.get().lastIndexOf('#') + 1));
        List<RegisterFacts.Projected> out = new ArrayList<>((int) Math.min(persons, Integer.MAX_VALUE - 8));
        RegisterFacts.lazy(h, true);
        try {
            h.createQuery("SELECT person_id, facts, resident_places FROM figures_person ORDER BY person_id").setFetchSize(10_000)
                    .map((rs, ctx) -> out.add(decode(rs.getLong(1), rs.getString(2), rs.getString(3))))
                    .forEach(x -> { });
        } finally {
            RegisterFacts.lazy(h, false);
        }
        // A rewrite that committed while the rows were read changes the stored fingerprint or the count.
        return before.equals(stored(h)) && out.size() == persons ? Optional.of(out) : Optional.empty();
    }

    /**
     * Writes the projection for the register as {@code fingerprint} names it. The old one is marked stale
     * first (H2's TRUNCATE commits), the rows are written in one transaction, and the fingerprint last, so a
     * reader sees either a whole projection or none.
     */
    static void store(Handle h, String fingerprint, List<RegisterFacts.Projected> persons) {
        h.execute("DELETE FROM figures_projection");
        h.execute("TRUNCATE TABLE figures_person");
        h.useTransaction(t -> {
            Connection c = t.getConnection();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO figures_person (person_id, facts, resident_places) VALUES (?, ?, ?)")) {
                int pending = 0;
                for (RegisterFacts.Projected p : persons) {
                    insert.setLong(1, p.id);
                    insert.setString(2, encode(p));
                    insert.setString(3, places(p.residentPlaces));
                    insert.addBatch();
                    if (++pending == 5000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            } catch (SQLException e) {
                throw new org.nomina.store.StoreException("cannot write the figures projection: " + e.getMessage(), e);
            }
            t.createUpdate("INSERT INTO figures_projection (id, fingerprint, persons, built_at) VALUES (1, :f, :n, :at)")
                    .bind("f", fingerprint).bind("n", persons.size()).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute();
        });
    }

    /**
     * {@code facts}: eight fields separated by {@code |}: sex ({@code m}, {@code f}, {@code u}); birth; recorded
     * age; the date of that age; incidents, comma-separated, each an id (0: the default incident) with {@code *}
     * when a residents' list names the person in it; statuses, comma-separated, each
     * {@code incident:status:date:record:source}; family (empty: none); parents, comma-separated. Dates are
     * {@code year-month-day} with 0 for an unknown month or day, or empty. Only numbers and status words: no
     * field can hold a separator. Resident places are their own column (see {@link #places}).
     */
    static String encode(RegisterFacts.Projected p) {
        StringBuilder s = new StringBuilder(48);
        s.append(p.sex == Sex.MALE ? 'm' : p.sex == Sex.FEMALE ? 'f' : 'u').append('|');
        date(s, p.birth).append('|');
        if (p.recordAge != null) {
            s.append(p.recordAge.intValue());
        }
        s.append('|');
        date(s, p.recordAgeDate).append('|');
        for (int i = 0; i < p.incidents.length; i++) {
            s.append(i == 0 ? "" : ",").append(p.incidents[i]).append(p.residentIn[i] ? "*" : "");
        }
        s.append('|');
        for (int i = 0; i < p.events.size(); i++) {
            RegisterFacts.Event e = p.events.get(i);
            s.append(i == 0 ? "" : ",").append(e.incident()).append(':').append(e.status().word()).append(':');
            date(s, e.date().orElse(null)).append(':').append(e.recordId()).append(':').append(e.sourceId());
        }
        s.append('|');
        if (p.family != 0) {
            s.append(p.family);
        }
        s.append('|');
        for (int i = 0; i < p.parents.length; i++) {
            s.append(i == 0 ? "" : ",").append(p.parents[i]);
        }
        return s.toString();
    }

    private static StringBuilder date(StringBuilder s, PartialDate d) {
        return d == null ? s : s.append(d.year()).append('-').append(d.month()).append('-').append(d.day());
    }

    static RegisterFacts.Projected decode(long id, String facts, String places) {
        RegisterFacts.Projected p = new RegisterFacts.Projected(id);
        String[] f = facts.split("\\|", -1);
        if (f.length != 8) {
            throw new IllegalStateException("figures_person " + id + ": " + f.length + " fields, not 8, in '" + facts + "'");
        }
        p.sex = switch (f[0]) {
            case "m" -> Sex.MALE;
            case "f" -> Sex.FEMALE;
            default -> Sex.UNKNOWN;
        };
        p.birth = date(f[1]);
        p.recordAge = f[2].isEmpty() ? null : Integer.valueOf(f[2]);
        p.recordAgeDate = date(f[3]);
        if (!f[4].isEmpty()) {
            String[] incidents = f[4].split(",");
            p.incidents = new long[incidents.length];
            p.residentIn = new boolean[incidents.length];
            for (int i = 0; i < incidents.length; i++) {
                boolean resident = incidents[i].endsWith("*");
                p.residentIn[i] = resident;
                p.incidents[i] = Long.parseLong(resident ? incidents[i].substring(0, incidents[i].length() - 1) : incidents[i]);
            }
        }
        if (!f[5].isEmpty()) {
            for (String e : f[5].split(",")) {
                String[] x = e.split(":", -1);
                p.events.add(new RegisterFacts.Event(Long.parseLong(x[0]), STATUSES.get(x[1]), Optional.ofNullable(date(x[2])),
                        Long.parseLong(x[3]), Long.parseLong(x[4])));
            }
        }
        p.family = f[6].isEmpty() ? 0 : Long.parseLong(f[6]);
        if (!f[7].isEmpty()) {
            p.parents = java.util.Arrays.stream(f[7].split(",")).mapToLong(Long::parseLong).toArray();
        }
        StringBuilder place = new StringBuilder();
        for (int i = 0; i < places.length(); i++) {
            char c = places.charAt(i);
            if (c == '\\') {
                place.append(places.charAt(++i) == 'n' ? '\n' : '\\');
            } else if (c == '\n') {
                p.residentPlaces.add(place.toString());
                place.setLength(0);
            } else {
                place.append(c);
            }
        }
        return p;
    }

    private static PartialDate date(String text) {
        if (text.isEmpty()) {
            return null;
        }
        int a = text.indexOf('-');
        int b = text.indexOf('-', a + 1);
        return new PartialDate(Integer.parseInt(text, 0, a, 10), Integer.parseInt(text, a + 1, b, 10),
                Integer.parseInt(text, b + 1, text.length(), 10), false);
    }

    /**
     * The places residents' lists give the person, each ended by a line break; a backslash inside a place is
     * written {@code \\} and a line break {@code \n}, so any place (an empty one too) comes back as written.
     */
    static String places(List<String> places) {
        StringBuilder s = new StringBuilder();
        for (String place : places) {
            s.append(place.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        }
        return s.toString();
    }
}
