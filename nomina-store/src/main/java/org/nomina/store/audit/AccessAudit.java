package org.nomina.store.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nomina.store.Database;

/**
 * Who saw which protected field of whom, and whether it was shown or masked: every view by anyone is
 * written, so that a team can answer "who looked at this witness's address".
 */
public final class AccessAudit {

    /** One view of one protected field. {@code personId} or {@code recordId} may be absent. */
    public record View(OffsetDateTime at, String username, String role, Optional<Long> personId, Optional<Long> recordId, String field,
                       boolean shown, String path) {
    }

    private final Database db;

    public AccessAudit(Database db) {
        this.db = db;
    }

    /** Writes the views of one page in one statement. */
    public void record(List<View> views) {
        if (!views.isEmpty()) {
            db.jdbi().useTransaction(h -> record(h, views));
        }
    }

    /**
     * Writes the views of one page in one statement on {@code h}, in its transaction: a page that reads what it shows in a
     * transaction writes its audit rows in the same one, so that they are committed together with the reading, before the
     * page is sent, and a failure to write them fails the page.
     */
    public static void record(Handle h, List<View> views) {
        if (views.isEmpty()) {
            return;
        }
        // Plain JDBC on the handle's connection, in its transaction: one prepared statement, one batch, no Jdbi binding per value
        // (a person page writes these on every view of a protected field).
        try (java.sql.PreparedStatement ps = h.getConnection().prepareStatement(INSERT)) {
            for (View v : views) {
                ps.setObject(1, v.at());
                ps.setString(2, v.username());
                ps.setString(3, v.role());
                ps.setObject(4, v.personId().orElse(null), java.sql.Types.BIGINT);
                ps.setObject(5, v.recordId().orElse(null), java.sql.Types.BIGINT);
                ps.setString(6, v.field());
                ps.setBoolean(7, v.shown());
                ps.setString(8, v.path().length() > 1000 ? v.path().substring(0, 1000) : v.path());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
    }

    private static final String INSERT = """
            INSERT INTO access_audit (viewed_at, username, role, person_id, source_record_id, field, shown, path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The newest views first, optionally of one user's or one person's. */
    public List<View> list(int limit, Optional<String> username, Optional<Long> personId) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT viewed_at, username, role, person_id, source_record_id, field, shown, path FROM access_audit
                        WHERE (:u IS NULL OR username = :u) AND (:p IS NULL OR person_id = :p)
                        ORDER BY id DESC""")
                .bind("u", username.orElse(null)).bind("p", personId.orElse(null))
                .setMaxRows(limit)
                .map((rs, ctx) -> new View(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        Optional.ofNullable(rs.getObject(4, Long.class)), Optional.ofNullable(rs.getObject(5, Long.class)),
                        rs.getString(6), rs.getBoolean(7), rs.getString(8)))
                .list());
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
