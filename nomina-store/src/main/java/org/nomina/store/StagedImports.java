package org.nomina.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What readers must not see of an import that has not finished, and how an unfinished one is removed.
 *
 * <p>An import commits its rows in batches (a single transaction of a million rows cost H2 a third of the
 * import in its commit) into a version marked incomplete ({@code source_version.complete = FALSE}, migration
 * V15); one short transaction at the end marks it complete and appends its ledger entry. Until then:
 * <ul>
 *   <li>records: every query that reads source records by scanning them (counts, linkage, figures, search,
 *       export, verify) adds {@link #andVisible}/{@link #whereVisible}, which hide every record whose id is at
 *       or above the smallest {@code first_record_id} of the incomplete versions. An incomplete version's
 *       records all lie there (ids only grow), so none is ever seen; a complete version imported beside a
 *       running one may be hidden with it until that one ends. When no version is incomplete (the usual
 *       case) the condition is empty, so no query plan changes;</li>
 *   <li>versions: queries of {@code source_version} add {@code complete} ({@link #VERSION_COMPLETE}).</li>
 * </ul>
 *
 * <p>The running import holds a row lock on its version (SELECT … FOR UPDATE in the transaction that ends
 * it). A crash or SIGKILL releases the lock with the connection; {@link #removeAbandoned} (called when the
 * database is opened) removes the incomplete versions whose lock it can take, and skips those an import in
 * another process or thread still holds.
 */
public final class StagedImports {

    /** The condition, on a {@code source_version} aliased {@code v}, that it is complete (visible). */
    public static final String VERSION_COMPLETE = "v.complete";

    /** The condition, on a {@code source} aliased {@code s}, that no incomplete import created it. */
    public static final String SOURCE_VISIBLE =
            "NOT EXISTS (SELECT 1 FROM source_version nv WHERE nv.source_id = s.id AND nv.new_source AND NOT nv.complete)";

    private StagedImports() {
    }

    /**
     * The smallest record id an incomplete version may hold, or -1 when every version is complete. Readers that
     * build several queries from one state of the register take it once and pass it to {@link #andVisible(long, String)}.
     */
    public static long stagedFrom(Handle h) {
        return h.createQuery("SELECT COALESCE(MIN(first_record_id), -1) FROM source_version WHERE NOT complete")
                .mapTo(Long.class).one();
    }

    /** {@code " AND alias.id < N"} when an import is incomplete, else "". */
    public static String andVisible(Handle h, String alias) {
        return andVisible(stagedFrom(h), alias);
    }

    /** {@code " AND alias.id < N"} for a {@link #stagedFrom} of N, "" for -1. */
    public static String andVisible(long stagedFrom, String alias) {
        return stagedFrom < 0 ? "" : " AND " + column(alias) + " < " + stagedFrom;
    }

    /** {@code " WHERE alias.id < N"} when an import is incomplete, else "". */
    public static String whereVisible(Handle h, String alias) {
        return whereVisible(stagedFrom(h), alias);
    }

    /** {@code " WHERE alias.id < N"} for a {@link #stagedFrom} of N, "" for -1. */
    public static String whereVisible(long stagedFrom, String alias) {
        return stagedFrom < 0 ? "" : " WHERE " + column(alias) + " < " + stagedFrom;
    }

    private static String column(String alias) {
        return alias.isEmpty() ? "id" : alias + ".id";
    }

    /**
     * Removes one incomplete version, inside the caller's transaction: its records, rejected rows, the incidents
     * it created, the version, and its source when the import created it. Returns the records removed.
     */
    public static int remove(Handle h, long versionId) {
        Long sourceId = h.createQuery("SELECT CASE WHEN new_source THEN source_id ELSE -1 END FROM source_version"
                        + " WHERE id = :v AND NOT complete")
                .bind("v", versionId).mapTo(Long.class).findFirst().orElse(null);
        if (sourceId == null) {
            return 0;
        }
        int records = h.createUpdate("DELETE FROM source_record WHERE source_version_id = :v").bind("v", versionId).execute();
        h.createUpdate("DELETE FROM rejected_row WHERE source_version_id = :v").bind("v", versionId).execute();
        h.createUpdate("DELETE FROM " + org.nomina.store.figures.RecordChunks.TABLE + " WHERE source_version_id = :v").bind("v", versionId).execute();
        // An incident this import created stays when another import's rows name it too (it is theirs now).
        h.createUpdate("DELETE FROM incident WHERE staged_by = :v AND NOT EXISTS (SELECT 1 FROM source_record r WHERE r.incident_id = incident.id)")
                .bind("v", versionId).execute();
        h.createUpdate("UPDATE incident SET staged_by = NULL WHERE staged_by = :v").bind("v", versionId).execute();
        h.createUpdate("DELETE FROM source_version WHERE id = :v").bind("v", versionId).execute();
        if (sourceId >= 0) {
            h.createUpdate("DELETE FROM source WHERE id = :s AND NOT EXISTS (SELECT 1 FROM source_version WHERE source_id = :s)")
                    .bind("s", sourceId).execute();
        }
        return records;
    }

    /** An incomplete version removed by {@link #removeAbandoned}. */
    public record Removed(String source, int version, int records) {
    }

    /**
     * Removes every incomplete version no running import holds (left by a crash or a kill), each in a transaction
     * of its own, and returns what it removed. Versions still locked by a running import are skipped.
     */
    public static List<Removed> removeAbandoned(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM source_version WHERE NOT complete ORDER BY id").mapTo(Long.class).list();
            List<Removed> removed = new java.util.ArrayList<>();
            for (long id : ids) {
                Removed r = h.inTransaction(t -> {
                    // SKIP LOCKED: a version an import still holds (in another process or thread) is not ours to remove.
                    var locked = t.createQuery("""
                                    SELECT version_no FROM source_version WHERE id = :v AND NOT complete FOR UPDATE SKIP LOCKED""")
                            .bind("v", id).mapTo(Integer.class).findFirst();
                    if (locked.isEmpty()) {
                        return null;
                    }
                    String source = t.createQuery("SELECT s.name FROM source_version v JOIN source s ON s.id = v.source_id WHERE v.id = :v")
                            .bind("v", id).mapTo(String.class).one();
                    int records = remove(t, id);
                    return new Removed(source, locked.get(), records);
                });
                if (r != null) {
                    removed.add(r);
                }
            }
            return removed;
        });
    }
}
