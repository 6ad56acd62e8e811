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

    /**
     * V19: link's load reads the record chunks on H2; what it makes of them must be what the records say, column by
     * column, for every kind of value (ranges and approximate ages, incidents with and without dates, statuses and the
     * dates they were stated at, unmapped columns, addresses and identity numbers), and an unfinished import's records
     * must stay out.
     */
    @Test
    void shouldLoadTheSameRecordsFromTheChunksAsFromTheRows() throws IOException {
        twoLists();
        java.nio.file.Path file = dir.resolve("varied.csv");
        java.nio.file.Files.writeString(file, """
                ID,Surname,Given name,Patronymic,Age,Date of birth,Sex,Village,Address,Passport,Status,Date taken,Remark
                V1,Qasımzadə,Təhmasib,Ələsgər,30-40,,m,Nomkənd,"ul. Nizami 4, kv. 2",AZE 1234567,taken hostage,1993-04-17,seen in 1994
                V2,Vəliyeva,Gülbəniz,,about 38,,f,Verəsli,,,killed,04.1993,
                V3,Orucov,Sərdar,,,c. 1940,m,Gözəltəpə,,,missing,,"said ""twice""\"
                V4,Şirinbəyli,Aytəkin,Nadir,,30.01.1985,f,,,,,,
                """, java.nio.charset.StandardCharsets.UTF_8);
        org.nomina.store.incidents.Incidents.add(db().jdbi(), "Siege of Nomkənd", java.util.Optional.empty(), java.util.Optional.of("1993-04-02"),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), "t");
        new org.nomina.store.imports.Importer(db()).importFile(new org.nomina.store.imports.ImportRequest(file, "Varied", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "t", java.util.Optional.of("Siege of Nomkənd"), java.util.Optional.empty()),
                org.nomina.store.imports.Importer.Progress.NONE);
        db().jdbi().useHandle(h -> {
            long[] counted = h.createQuery("SELECT COUNT(*), MAX(id) FROM source_record").map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
            RecordSet rows = RecordSet.fromRows(h, -1, (int) counted[0]);
            RecordSet chunks = RecordSet.fromChunks(h, counted[1], (int) counted[0]);
            assertThat(chunks).as("loaded from the chunks").isNotNull();
            assertThat(chunks.records()).hasSize(10).containsExactlyElementsOf(rows.records());
            assertThat(chunks.fullNames()).containsExactlyElementsOf(rows.fullNames());
            assertThat(chunks.sourceNames()).containsExactlyElementsOf(rows.sourceNames());
            assertThat(RecordSet.load(h).records()).containsExactlyElementsOf(rows.records());
            // The fixture reaches the columns it is for.
            assertThat(rows.records()).anySatisfy(r -> assertThat(r.ageHigh()).isEqualTo(40))
                    .anySatisfy(r -> assertThat(r.address()).contains("Nizami"))
                    .anySatisfy(r -> assertThat(r.idNumber()).isNotEmpty())
                    .anySatisfy(r -> assertThat(r.extra()).isNotEmpty())
                    .anySatisfy(r -> assertThat(r.birthApprox()).isTrue())
                    .anySatisfy(r -> assertThat(r.ageDate()).isEqualTo(417))
                    .anySatisfy(r -> assertThat(r.ageDate()).isEqualTo(402));

            // Records above the highest visible one (an unfinished import's) are left out; chunks that miss a
            // record give no set, so that the rows are read instead.
            assertThat(RecordSet.fromChunks(h, counted[1] - 1, (int) counted[0] - 1).records())
                    .containsExactlyElementsOf(rows.records().subList(0, 9));
            assertThat(RecordSet.fromChunks(h, counted[1], (int) counted[0] + 1)).isNull();
        });
    }
}
