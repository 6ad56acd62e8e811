package org.nomina.store.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;
import org.nomina.store.verify.Verifier;

class H2LinkageTest extends LinkageContract {
    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }

    /** V18: on H2 memberships and review pairs have no foreign keys to records and persons; verify checks what they guaranteed. */
    @Test
    void shouldFindAMembershipOrReviewPairNamingNoRecordWhenVerifying() throws IOException {
        twoLists();
        link();
        long keysToRecords = db().jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc
                JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
                    AND tc.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA
                JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS target ON target.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME
                    AND target.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA
                WHERE (tc.TABLE_NAME IN ('PERSON_RECORD', 'MATCH_PAIR') AND target.TABLE_NAME = 'SOURCE_RECORD')
                    OR (tc.TABLE_NAME = 'PERSON_RECORD' AND target.TABLE_NAME = 'PERSON')""")
                .mapTo(Long.class).one());
        assertThat(keysToRecords).as("foreign keys from person_record to source_record and person, from match_pair to source_record").isZero();
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();

        // A review pair is in no digest: only this check sees one that names a record the register does not hold.
        long missing = db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) + 1000 FROM source_record").mapTo(Long.class).one());
        db().jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO match_pair (record_a, record_b, match_weight, probability, decision, contributions)
                SELECT MIN(id), :m, 1.0, 0.6, 'pending', '{}' FROM source_record""").bind("m", missing).execute());
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString()
                .contains("0 membership(s) of persons and 1 review pair(s) name a source record or person the register does not hold");
        db().jdbi().useHandle(h -> h.execute("DELETE FROM match_pair WHERE record_b = " + missing));
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();

        // A membership of a person the register does not hold: the membership digest covers it too, so the ledger check
        // reports first; the orphan check is then asked directly.
        long noPerson = db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) + 1000 FROM person").mapTo(Long.class).one());
        db().jdbi().useHandle(h -> h.createUpdate("UPDATE person_record SET person_id = :p WHERE source_record_id ="
                + " (SELECT MIN(source_record_id) FROM person_record)").bind("p", noPerson).execute());
        assertThat(db().jdbi().<java.util.Optional<String>, RuntimeException>withHandle(h -> Verifier.orphans(h, true))).hasValueSatisfying(p -> assertThat(p)
                .contains("1 membership(s) of persons and 0 review pair(s)"));
        // And a membership of a record the register does not hold, looked up when no link's digest vouches for it.
        long noRecord = db().jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) + 1000 FROM source_record").mapTo(Long.class).one());
        db().jdbi().useHandle(h -> h.execute("UPDATE person_record SET person_id = (SELECT MIN(id) FROM person), source_record_id = "
                + noRecord + " WHERE person_id = " + noPerson));
        assertThat(db().jdbi().<java.util.Optional<String>, RuntimeException>withHandle(h -> Verifier.orphans(h, true))).isEmpty();
        assertThat(db().jdbi().<java.util.Optional<String>, RuntimeException>withHandle(h -> Verifier.orphans(h, false))).hasValueSatisfying(p -> assertThat(p)
                .contains("1 membership(s) of persons and 0 review pair(s)"));
    }
}
