package org.nomina.store.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.linkage.LinkRecord;
import org.nomina.engine.linkage.HumanDecision.Verdict;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.BadInputException;
import org.nomina.store.DatabaseContract;
import org.nomina.store.export.RecordExporter;
import org.nomina.store.export.RegisterExporter;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;
import org.nomina.store.verify.Verifier;

/** Linking the register on a real database; run on H2 and PostgreSQL. All names are invented. */
abstract class LinkageContract extends DatabaseContract {
    private void importList(String name, String text) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        new Importer(db()).importFile(new ImportRequest(file, name, Optional.empty(), Optional.empty(), Optional.empty(), "t"),
                Importer.Progress.NONE);
    }

    RegisterLinker.Outcome link() {
        return link("tester");
    }

    private RegisterLinker.Outcome link(String actor) {
        return RegisterLinker.link(db(), LinkageConfig.defaults(), actor, ProgressListener.NONE);
    }

    /** Every row the linker writes (persons without their creation time, memberships, pairs) and the ledger head, as text. */
    private List<String> register() {
        return db().jdbi().withHandle(h -> {
            List<String> rows = new java.util.ArrayList<>();
            rows.addAll(h.createQuery("""
                    SELECT id, display_name, sex, birth_year, surname, given_name, patronymic, place, status, record_count, source_count,
                           retired_at, retired_reason FROM person ORDER BY id""").mapToMap().map(m -> "person " + m).list());
            rows.addAll(h.createQuery("SELECT source_record_id, person_id FROM person_record ORDER BY source_record_id")
                    .mapToMap().map(m -> "member " + m).list());
            rows.addAll(h.createQuery("SELECT record_a, record_b, match_weight, probability, decision, contributions FROM match_pair ORDER BY 1, 2")
                    .mapToMap().map(m -> "pair " + m).list());
            rows.add("runs " + h.createQuery("SELECT COUNT(*) FROM linkage_run").mapTo(Long.class).one());
            rows.add("head " + h.createQuery("SELECT hash FROM ledger_entry ORDER BY seq DESC").setMaxRows(1).mapTo(String.class).one());
            return rows;
        });
    }

    private void testimonies() throws IOException {
        importList("Testimonies", """
                ID,Surname,Given name,Patronymic,Date of birth,Sex,Village,Status
                T1,Qasımzadə,Təhmasib,Ələsgər,12.03.1951,m,Nomkənd,killed
                T2,Nəcəfquliyev,Fərhad,İlyas,02.02.1972,m,Verəsli,hostage
                """);
    }

    private long person(String source, String recordId) {
        return db().jdbi().withHandle(h -> h.createQuery("""
                SELECT pr.person_id FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                JOIN source s ON s.id = r.source_id WHERE s.name = :s AND r.record_id = :r""")
                .bind("s", source).bind("r", recordId).mapTo(Long.class).one());
    }

    void twoLists() throws IOException {
        importList("Hospital", """
                ID,Surname,Given name,Patronymic,Date of birth,Sex,Village,Status
                H1,Qasımzadə,Təhmasib,Ələsgər,12.03.1951,m,Nomkənd,killed
                H2,Vəliyeva,Gülbəniz,Mürsəl,05.07.1968,f,Verəsli,killed
                H3,Orucov,Sərdar,Bəxtiyar,21.11.1940,m,Gözəltəpə,injured
                """);
        importList("Ministry", """
                ID,Surname,Given name,Patronymic,Date of birth,Sex,Village,Status
                M1,Qasımzadə,Təhmasib,Ələsgər,12.03.1951,m,Nomkənd,killed
                M2,Vəliyeva,Gülbəniz,Mürsəl,05.07.1968,f,Verəsli,killed
                M3,Şirinbəyli,Aytəkin,Nadir,30.01.1985,f,Talışbəyli,missing
                """);
    }

    @Test
    void shouldLinkTheSamePersonAcrossListsAndKeepOthersApart() throws IOException {
        twoLists();
        RegisterLinker.Outcome o = link();
        assertThat(o.records()).isEqualTo(6);
        assertThat(o.persons()).isEqualTo(4);
        assertThat(person("Hospital", "H1")).isEqualTo(person("Ministry", "M1"));
        assertThat(person("Hospital", "H2")).isEqualTo(person("Ministry", "M2"));
        assertThat(person("Hospital", "H3")).isNotEqualTo(person("Ministry", "M3"));
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldCatchAMembershipChangedOutsideNominaWhenVerifying() throws IOException {
        twoLists();
        link();
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
        long other = person("Hospital", "H3");
        db().jdbi().useHandle(h -> h.createUpdate("""
                UPDATE person_record SET person_id = :p WHERE source_record_id =
                  (SELECT r.id FROM source_record r JOIN source s ON s.id = r.source_id WHERE s.name = 'Ministry' AND r.record_id = 'M1')""")
                .bind("p", other).execute());
        assertThat(Verifier.verify(db().jdbi()).problems()).singleElement().asString()
                .contains("link run", "which record belongs to which person was altered");
    }

    @Test
    void shouldKeepTwoRecordsApartWhenAReviewerSaysDifferentWhateverTheModelSays() throws IOException {
        twoLists();
        link();
        ReviewQueue.decide(db(), "Hospital:H1", "Ministry:M1", Verdict.DIFFERENT, "reviewer-1", "two cousins of the same name");
        RegisterLinker.Outcome o = link();
        assertThat(o.humanDecisions()).isEqualTo(1);
        assertThat(person("Hospital", "H1")).isNotEqualTo(person("Ministry", "M1"));
        assertThat(person("Hospital", "H2")).isEqualTo(person("Ministry", "M2"));
        long ledgerReviews = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entry WHERE action = 'review'")
                .mapTo(Long.class).one());
        assertThat(ledgerReviews).isEqualTo(1);
    }

    @Test
    void shouldJoinTwoRecordsWhenAReviewerSaysSame() throws IOException {
        twoLists();
        link();
        ReviewQueue.decide(db(), "Hospital:H3", "Ministry:M3", Verdict.SAME, "reviewer-1", "");
        link();
        assertThat(person("Hospital", "H3")).isEqualTo(person("Ministry", "M3"));
    }

    @Test
    void shouldKeepPersonIdsWhenANewListIsLinked() throws IOException {
        twoLists();
        link();
        long h1 = person("Hospital", "H1");
        long h3 = person("Hospital", "H3");
        testimonies();
        RegisterLinker.Outcome o = link();
        assertThat(person("Hospital", "H1")).isEqualTo(h1);
        assertThat(person("Testimonies", "T1")).isEqualTo(h1);
        assertThat(person("Hospital", "H3")).isEqualTo(h3);
        assertThat(o.newPersons()).isEqualTo(1);
        // Only the two new records join; H1's person is rewritten for its new count, the new person inserted.
        assertThat(o.writes().membershipsInserted()).isEqualTo(2);
        assertThat(o.writes().membershipsMoved()).isZero();
        assertThat(o.writes().personsInserted()).isEqualTo(1);
        assertThat(o.writes().personsUpdated()).isEqualTo(1);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldWriteNoPersonMembershipOrPairWhenRelinkingUnchangedData() throws IOException {
        twoLists();
        testimonies();
        link();
        List<String> before = register();
        RegisterLinker.Outcome o = link();
        assertThat(o.writes()).isEqualTo(new RegisterLinker.Writes(0, 0, 0, 0, 0, 0, 0));
        assertThat(o.newPersons()).isZero();
        List<String> after = register();
        // Only the new run and its ledger entry differ.
        assertThat(after.subList(0, after.size() - 2)).isEqualTo(before.subList(0, before.size() - 2));
        assertThat(after.get(after.size() - 2)).isEqualTo("runs 2");
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldRetireThePersonWhoseRecordsMovedWhenAReviewerJoinsTwoPersons() throws IOException {
        twoLists();
        link();
        long h3 = person("Hospital", "H3");
        long m3 = person("Ministry", "M3");
        ReviewQueue.decide(db(), "Hospital:H3", "Ministry:M3", Verdict.SAME, "reviewer-1", "");
        RegisterLinker.Outcome o = link();
        assertThat(o.retiredPersons()).isEqualTo(1);
        assertThat(o.writes().membershipsMoved()).isEqualTo(1);
        assertThat(person("Hospital", "H3")).isEqualTo(person("Ministry", "M3")).isIn(h3, m3);
        long gone = person("Hospital", "H3") == h3 ? m3 : h3;
        var retired = db().jdbi().withHandle(h -> h.createQuery("SELECT retired_at, retired_reason, record_count FROM person WHERE id = :id")
                .bind("id", gone).mapToMap().one());
        assertThat(retired.get("retired_at")).isNotNull();
        assertThat(retired.get("retired_reason")).asString().contains("other persons");
        assertThat(retired.get("record_count")).isEqualTo(0);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();

        RegisterLinker.Outcome again = link();
        assertThat(again.retiredPersons()).isZero();
        assertThat(again.writes()).isEqualTo(new RegisterLinker.Writes(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldLeaveTheRegisterExactlyAsItWasWhenWritingALinkFails() throws IOException {
        twoLists();
        link();
        testimonies();
        ReviewQueue.decide(db(), "Hospital:H3", "Ministry:M3", Verdict.SAME, "reviewer-1", "");
        List<String> before = register();
        // A real constraint makes the run row, written after persons, memberships and pairs, fail.
        db().jdbi().useHandle(h -> h.execute("ALTER TABLE linkage_run ADD CONSTRAINT no_saboteur CHECK (actor <> 'saboteur')"));
        assertThatThrownBy(() -> link("saboteur")).satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("no_saboteur"));
        assertThat(register()).isEqualTo(before);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
        RegisterLinker.Outcome o = link();
        assertThat(o.writes().membershipsInserted()).isEqualTo(2);
        assertThat(o.retiredPersons()).isEqualTo(1);
        assertThat(Verifier.verify(db().jdbi()).problems()).isEmpty();
    }

    @Test
    void shouldExportClustersAsSourceRecordIdPersonId() throws IOException {
        twoLists();
        link();
        StringWriter out = new StringWriter();
        assertThat(RegisterExporter.clusters(db().jdbi(), RecordExporter.Format.CSV, out)).isEqualTo(6);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("source,record_id,person_id");
        assertThat(lines).contains("Hospital,H1," + person("Hospital", "H1"));
    }

    @Test
    void shouldExportPersonsWithEveryNameVariantAndSource() throws IOException {
        twoLists();
        link();
        StringWriter out = new StringWriter();
        assertThat(RegisterExporter.persons(db().jdbi(), RecordExporter.Format.CSV, out)).isEqualTo(4);
        assertThat(out.toString()).contains("Hospital; Ministry");
    }

    @Test
    void shouldGiveEachPersonTheSourcesThatListThemAsCaptureHistory() throws IOException {
        twoLists();
        link();
        RegisterHistories.Histories killed = RegisterHistories.load(db(), Optional.of("killed"), Optional.empty());
        assertThat(killed.sources()).containsExactly("Hospital", "Ministry");
        assertThat(killed.people()).hasSize(2).allSatisfy(p -> assertThat(p.lists()).containsExactlyInAnyOrder(0, 1));
        RegisterHistories.Histories bySex = RegisterHistories.load(db(), Optional.empty(), Optional.of("sex"));
        assertThat(bySex.people()).extracting(RegisterHistories.PersonHistory::stratum).contains("male", "female");
    }

    @Test
    void shouldRefuseAReviewOfUnknownRecordsAndChangeNothing() throws IOException {
        twoLists();
        link();
        long before = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM match_decision").mapTo(Long.class).one());
        assertThatThrownBy(() -> ReviewQueue.decide(db(), "Hospital:H9", "Ministry:M1", Verdict.SAME, "r", ""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Hospital:H9");
        assertThatThrownBy(() -> ReviewQueue.decide(db(), "Hospital:H1", "Ministry:M1", ReviewQueue.verdict("maybe"), "r", ""))
                .isInstanceOf(BadInputException.class).hasMessageContaining("maybe");
        long after = db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM match_decision").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldRefuseARegisterEstimateBeforeLinking() throws IOException {
        twoLists();
        assertThatThrownBy(() -> RegisterHistories.load(db(), Optional.empty(), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nomina link");
    }

    @Test
    void shouldStoreTheRunsConfigurationAndEveryExplanationAsJsonThatParses() throws IOException {
        twoLists();
        link();

        String config = db().jdbi().withHandle(h -> h.createQuery("SELECT config_json FROM linkage_run").mapTo(String.class).one());
        Map<?, ?> parsed = (Map<?, ?>) org.nomina.store.CanonicalJson.read(config);
        assertThat(((Number) parsed.get("matchProbability")).doubleValue()).isEqualTo(LinkageConfig.defaults().matchProbability());
        assertThat((List<?>) parsed.get("comparisons")).hasSize(LinkageConfig.defaults().comparisons().size());
        List<String> explanations = db().jdbi().withHandle(h -> h.createQuery("SELECT contributions FROM match_pair").mapTo(String.class).list());
        assertThat(explanations).allSatisfy(json -> assertThat(org.nomina.store.CanonicalJson.read(json)).isInstanceOf(List.class));
    }

    @Test
    void shouldLinkAListGivingOnlyAgesAndTheDateTakenWithAListGivingBirthDates() throws IOException {
        importList("Residents", """
                ID,Surname,Given name,Date of birth,Sex
                R1,Nəzərli,Aysel,03.05.1990,f
                R2,Nəzərli,Aysel,11.09.1961,f
                R3,Vəkilov,Rüfət,20.01.1955,m
                """);
        // No incident date: the age is an age on the day the person was taken.
        importList("Hostages", """
                No,Name,Age,Sex,Date taken,Status
                H1,Aysel Nazarli,2,female,1993-04-17,taken hostage
                H2,Rufat Vakilov,38,male,1993-04-17,taken hostage
                """);
        link();

        assertThat(person("Hostages", "H1")).isEqualTo(person("Residents", "R1")).isNotEqualTo(person("Residents", "R2"));
        assertThat(person("Hostages", "H2")).isEqualTo(person("Residents", "R3"));
    }

    @Test
    void shouldReadUndatedAgesAtTheYearTheIncidentsDatedRecordsAgreeOn() throws IOException {
        importList("Testimonies", """
                No,Name,Age,Village
                T1,Gulnara Mammadova,74,Nurabulun
                T2,Gulnara Mammadova,20,Nurabulun
                """);
        // Fewer than ten dated records: no year is assumed, the ages imply no birth year.
        importList("Ministry", dated(9, 1993, 0));
        assertThat(ageYears()).containsEntry("T1", 0).containsEntry("T2", 0);

        // Ten records dated 1993 (one in 1992): the incident's year, at which a list giving only ages is read.
        importList("Ministry 2", dated(10, 1993, 1));
        assertThat(ageYears()).containsEntry("T1", 1993).containsEntry("T2", 1993).containsEntry("D0", 1993);

        // A war of many years: dated records spread over six years assume no year either.
        importList("Ministry 3", dated(20, 1988, 6));
        assertThat(ageYears()).containsEntry("T1", 0).containsEntry("D0", 1993);
    }

    @Test
    void shouldGiveTheLinkerTheDayAnAgeIsStatedAtWhenTheListGivesIt() throws IOException {
        importList("Hostages", """
                No,Name,Age,Sex,Date taken,Status
                H1,Aysel Nazarli,19,female,1993-04-17,taken hostage
                H2,Rufat Vakilov,about 38,male,1993-04-17,taken hostage
                H3,Elxan Vakilov,40,male,04.1993,taken hostage
                """);
        Map<String, Integer> days = perRecord(LinkRecord::ageDate);
        // An approximate age, or a date known only to the month, gives no day.
        assertThat(days).containsEntry("H1", 417).containsEntry("H2", 0).containsEntry("H3", 0);
    }

    /** A list of {@code n} dated records, years from {@code first}, the i-th {@code i % (spread + 1)} years later. */
    private static String dated(int n, int first, int spread) {
        StringBuilder list = new StringBuilder("ID,Surname,Given name,Age,Sex,Village,Date of death\n");
        for (int i = 0; i < n; i++) {
            list.append('D').append(i).append(",Əliyev,Ad").append((char) ('a' + i)).append(',').append(20 + i).append(",m,Zomtəpə,17.04.")
                    .append(first + i % (spread + 1)).append('\n');
        }
        return list.toString();
    }

    /** The year each record's age is read at as the linker sees it, by record id (the first of a repeated id wins). */
    private Map<String, Integer> ageYears() {
        return perRecord(LinkRecord::incidentYear);
    }

    /** One value of each record as the linker sees it, by record id (the first of a repeated id wins). */
    private Map<String, Integer> perRecord(java.util.function.ToIntFunction<LinkRecord> value) {
        return db().jdbi().withHandle(h -> {
            RecordSet set = RecordSet.load(h);
            List<String> ids = h.createQuery("SELECT record_id FROM source_record ORDER BY id").mapTo(String.class).list();
            Map<String, Integer> out = new java.util.HashMap<>();
            for (int i = 0; i < set.size(); i++) {
                out.putIfAbsent(ids.get(i), value.applyAsInt(set.linkRecord(i)));
            }
            return out;
        });
    }
}
