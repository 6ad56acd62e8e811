package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, drops the foreign keys of {@code person_record} (to {@code source_record} and to {@code person}) and of
 * {@code match_pair.record_a} / {@code record_b} (to {@code source_record}), with the single-column indexes H2 made
 * for the two of {@code match_pair} (H2 gives every foreign key an index of exactly its columns; {@code
 * person_record}'s primary key and {@code person_record_person} are its two columns).
 *
 * <p>Why (JFR of {@code link} on the hard million, 994,298 records, 2 December 2026): writing the memberships was
 * 722 samples of the write stage's 1,400, and 356 of them were H2 checking each new row against the tables it
 * names, reading their pages back from the file (340 samples in {@code MVStore.readPage}); the review pairs' two
 * checks were 69 of their 241. Dropping the keys to {@code source_record} took the stage from 32.8–37.1 s to
 * 25.3–28.5 s, and the key to {@code person} as well to 17.1–17.4 s (back to back on copies of one register).
 * The keys guard nothing the application does, as V14's did not: {@code link} is the only writer of both tables and
 * the only one that inserts into {@code person} (corrections only update its columns); it writes the ids of records
 * it has just read and of persons it has just written or kept; persons are retired, never deleted; no command deletes a record of a complete import, and an incomplete import's
 * records (the only ones ever deleted, {@code StagedImports.remove}) are never read by {@code link}. {@code verify}
 * checks on H2 that every membership names a record and a person and every review pair two records
 * ({@code Verifier}). PostgreSQL keeps its keys. The keys of {@code match_decision}, {@code victimisation} and
 * {@code person_correction} stay: reviewers' and editors' input comes from outside.
 */
public class V18__link_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        H2Constraints.dropOnH2(context.getConnection(), """
                SELECT DISTINCT tc.TABLE_NAME, tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                    AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS target ON target.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA
                    AND target.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
                WHERE tc.CONSTRAINT_TYPE = 'FOREIGN KEY' AND tc.TABLE_SCHEMA = SCHEMA()
                  AND ((tc.TABLE_NAME IN ('PERSON_RECORD', 'MATCH_PAIR') AND target.TABLE_NAME = 'SOURCE_RECORD')
                    OR (tc.TABLE_NAME = 'PERSON_RECORD' AND target.TABLE_NAME = 'PERSON'))""");
    }
}
