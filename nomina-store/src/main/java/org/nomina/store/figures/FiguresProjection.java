package org.nomina.store.figures;

import org.nomina.store.StagedImports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The figures projection (V13, binary since V16): what {@code figures} needs of every person for every incident
 * ({@link RegisterFacts.Projected}: sex, birth, recorded age, the incidents they are in and whether a residents'
 * list names them there, every status with its date, record and source, their family and parents), in chunks of
 * {@value #CHUNK_PERSONS} consecutive persons encoded by {@link PersonColumns#encode}, so that {@code figures}
 * reads some sixty short rows instead of every source record, and rebuilds no household.
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

    /**
     * The encoding of the chunks ({@link PersonColumns#encode}); part of the fingerprint, so a new encoding rebuilds
     * the projection (1: text lines, V13; 2: bytes, V16).
     */
    static final int FORMAT = 2;

    /** Ledger actions that change nothing figures read; every other action (a new one too) makes the projection stale. */
    static final Set<String> UNRELATED_ACTIONS = Set.of("claims", "claim_reading", "user-add", "user-disable", "token-create",
            "token-revoke", "publish-withhold", "publish-release", "publish-source", "person-correct");

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
    static Optional<PersonColumns> load(Handle h, String fingerprint) {
        Optional<String> before = stored(h).filter(s -> s.startsWith(fingerprint + "#"));
        if (before.isEmpty()) {
            return Optional.empty();
        }
        long persons = Long.parseLong(before.get().substring(before.get().lastIndexOf('#') + 1));
        PersonColumns out = new PersonColumns();
        h.createQuery("SELECT data FROM figures_chunk ORDER BY chunk").map((rs, ctx) -> rs.getBytes(1))
                .forEach(out::decode);
        // A rewrite that committed while the rows were read changes the stored fingerprint or the count.
        return before.equals(stored(h)) && out.n == persons ? Optional.of(out.done()) : Optional.empty();
    }

    /**
     * Writes the projection for the register as {@code fingerprint} names it. The old one is marked stale
     * first (H2's TRUNCATE commits), the rows are written in one transaction, and the fingerprint last, so a
     * reader sees either a whole projection or none.
     */
    static void store(Handle h, String fingerprint, PersonColumns persons) {
        h.execute("DELETE FROM figures_projection");
        h.execute("DELETE FROM figures_chunk");
        h.useTransaction(t -> {
            Connection c = t.getConnection();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO figures_chunk (chunk, persons, data) VALUES (?, ?, ?)")) {
                int chunk = 0;
                for (int from = 0; from < persons.n; from += CHUNK_PERSONS) {
                    int to = Math.min(persons.n, from + CHUNK_PERSONS);
                    insert.setInt(1, ++chunk);
                    insert.setInt(2, to - from);
                    insert.setBytes(3, persons.encode(from, to));
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new org.nomina.store.StoreException("cannot write the figures projection: " + e.getMessage(), e);
            }
            t.createUpdate("INSERT INTO figures_projection (id, fingerprint, persons, built_at) VALUES (1, :f, :n, :at)")
                    .bind("f", fingerprint).bind("n", persons.n).bind("at", OffsetDateTime.now(ZoneOffset.UTC)).execute();
        });
    }

    /**
     * Persons per chunk: about 10 to 20 bytes each in the town of a million (a person no list names again takes
     * 8 bytes), so a chunk is a few hundred kilobytes and the million 63 chunks.
     */
    static final int CHUNK_PERSONS = 16_384;
}
