package org.nomina.store.figures;

import org.nomina.store.StagedImports;
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

    /** The encoding of the projection's lines ({@link #line}); part of the fingerprint, so a new encoding rebuilds the projection. */
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
        // The records an import has not finished are not the register's yet: its end changes the fingerprint.
        long records = max(h, "SELECT MAX(r.id) FROM source_record r" + StagedImports.whereVisible(h, "r"));
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
        h.createQuery("SELECT lines FROM figures_chunk ORDER BY chunk").map((rs, ctx) -> rs.getString(1))
                .forEach(lines -> parse(lines, out));
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
        h.execute("DELETE FROM figures_chunk");
        h.useTransaction(t -> {
            Connection c = t.getConnection();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO figures_chunk (chunk, persons, lines) VALUES (?, ?, ?)")) {
                StringBuilder lines = new StringBuilder(CHUNK_CHARS + 1024);
                int chunk = 0;
                int inChunk = 0;
                for (RegisterFacts.Projected p : persons) {
                    String line = line(p);
                    if (inChunk > 0 && lines.length() + line.length() > CHUNK_CHARS) {
                        chunk(insert, ++chunk, inChunk, lines);
                        inChunk = 0;
                    }
                    lines.append(line);
                    inChunk++;
                }
                if (inChunk > 0) {
                    chunk(insert, ++chunk, inChunk, lines);
                }
            } catch (SQLException e) {
                throw new org.nomina.store.StoreException("cannot write the figures projection: " + e.getMessage(), e);
            }
            t.createUpdate("INSERT INTO figures_projection (id, fingerprint, persons, built_at) VALUES (1, :f, :n, :at)")
                    .bind("f", fingerprint).bind("n", persons.size()).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute();
        });
    }

    /** Characters of lines per chunk: a chunk must fit VARCHAR(1000000); about 3,500 persons of the town. */
    static final int CHUNK_CHARS = 256_000;

    private static void chunk(PreparedStatement insert, int chunk, int persons, StringBuilder lines) throws SQLException {
        insert.setInt(1, chunk);
        insert.setInt(2, persons);
        insert.setString(3, lines.toString());
        insert.executeUpdate();
        lines.setLength(0);
    }

    /** One person's line: {@code id|facts|places}, ended by a line break (no field holds one). */
    static String line(RegisterFacts.Projected p) {
        return p.id + "|" + encode(p) + "|" + places(p.residentPlaces) + "\n";
    }

    /**
     * The facts of a line: eight fields separated by {@code |}: sex ({@code m}, {@code f}, {@code u}); birth; recorded
     * age; the date of that age; incidents, comma-separated, each an id (0: the default incident) with {@code *}
     * when a residents' list names the person in it; statuses, comma-separated, each
     * {@code incident:status:date:record:source}; family (empty: none); parents, comma-separated. Dates are
     * {@code year-month-day} with 0 for an unknown month or day, or empty. Only numbers and status words: no
     * field can hold a separator. Resident places follow them (see {@link #places}).
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

    /**
     * Reads the lines of one chunk into {@code out}, with a cursor rather than splitting: a million persons are
     * parsed on every {@code figures}, and String.split with its arrays and substrings cost a third of the
     * projection's CPU on the town of a million.
     */
    static void parse(String lines, List<RegisterFacts.Projected> out) {
        Cursor c = new Cursor(lines);
        while (c.at < lines.length()) {
            RegisterFacts.Projected p = new RegisterFacts.Projected(c.number());
            c.skip('|');
            char sex = lines.charAt(c.at++);
            p.sex = sex == 'm' ? Sex.MALE : sex == 'f' ? Sex.FEMALE : Sex.UNKNOWN;
            c.skip('|');
            p.birth = c.date();
            c.skip('|');
            p.recordAge = c.peek('|') ? null : (int) c.number();
            c.skip('|');
            p.recordAgeDate = c.date();
            c.skip('|');
            long[] incidents = new long[2];
            boolean[] resident = new boolean[2];
            int n = 0;
            while (!c.peek('|')) {
                if (n > 0) {
                    c.skip(',');
                }
                if (n == incidents.length) {
                    incidents = java.util.Arrays.copyOf(incidents, n * 2);
                    resident = java.util.Arrays.copyOf(resident, n * 2);
                }
                incidents[n] = c.number();
                if (c.peek('*')) {
                    resident[n] = true;
                    c.at++;
                }
                n++;
            }
            p.incidents = java.util.Arrays.copyOf(incidents, n);
            p.residentIn = java.util.Arrays.copyOf(resident, n);
            c.skip('|');
            while (!c.peek('|')) {
                if (!p.events.isEmpty()) {
                    c.skip(',');
                }
                long incident = c.number();
                c.skip(':');
                int colon = lines.indexOf(':', c.at);
                Status status = STATUSES.get(lines.substring(c.at, colon));
                if (status == null) {
                    throw new IllegalStateException("figures projection: no status '" + lines.substring(c.at, colon) + "' for person " + p.id);
                }
                c.at = colon + 1;
                PartialDate date = c.date();
                c.skip(':');
                long record = c.number();
                c.skip(':');
                long source = c.number();
                p.events.add(new RegisterFacts.Event(incident, status, Optional.ofNullable(date), record, source));
            }
            c.skip('|');
            p.family = c.peek('|') ? 0 : c.number();
            c.skip('|');
            long[] parents = new long[2];
            n = 0;
            while (!c.peek('|')) {
                if (n > 0) {
                    c.skip(',');
                }
                if (n == parents.length) {
                    parents = java.util.Arrays.copyOf(parents, n * 2);
                }
                parents[n++] = c.number();
            }
            p.parents = java.util.Arrays.copyOf(parents, n);
            c.skip('|');
            StringBuilder place = new StringBuilder();
            for (char x = lines.charAt(c.at++); x != '\n'; x = lines.charAt(c.at++)) {
                if (x == '\\') {
                    char e = lines.charAt(c.at++);
                    place.append(e == 'n' ? '\n' : e == 'p' ? '|' : e == 's' ? ';' : '\\');
                } else if (x == ';') {
                    p.residentPlaces.add(place.toString());
                    place.setLength(0);
                } else {
                    place.append(x);
                }
            }
            out.add(p);
        }
    }

    /** A position in a chunk's lines. */
    private static final class Cursor {
        final String s;
        int at;

        Cursor(String s) {
            this.s = s;
        }

        boolean peek(char c) {
            return s.charAt(at) == c;
        }

        void skip(char c) {
            if (s.charAt(at) != c) {
                throw new IllegalStateException("figures projection: '" + c + "' expected at " + at + " of a chunk, not '" + s.charAt(at) + "'");
            }
            at++;
        }

        /** A (possibly negative) whole number at the cursor, which is left on the character after it. */
        long number() {
            boolean negative = s.charAt(at) == '-';
            if (negative) {
                at++;
            }
            int start = at;
            long v = 0;
            for (char c; at < s.length() && (c = s.charAt(at)) >= '0' && c <= '9'; at++) {
                v = v * 10 + (c - '0');
            }
            if (at == start) {
                throw new IllegalStateException("figures projection: no number at " + at + " of a chunk");
            }
            return negative ? -v : v;
        }

        /** {@code year-month-day}, or nothing (no date) before a field's end. */
        PartialDate date() {
            char c = s.charAt(at);
            if (c == '|' || c == ':') {
                return null;
            }
            int year = (int) number();
            skip('-');
            int month = (int) number();
            skip('-');
            int day = (int) number();
            return new PartialDate(year, month, day, false);
        }
    }

    /**
     * The places residents' lists give the person, each ended by {@code ;}; inside a place a backslash is written
     * {@code \\\\}, a line break {@code \\n}, {@code |} as {@code \\p} and {@code ;} as {@code \\s}, so any place (an
     * empty one too) comes back as written and no line holds a line break.
     */
    static String places(List<String> places) {
        StringBuilder s = new StringBuilder();
        for (String place : places) {
            s.append(place.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\p").replace(";", "\\s")).append(';');
        }
        return s.toString();
    }
}
