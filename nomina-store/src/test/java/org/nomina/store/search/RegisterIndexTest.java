package org.nomina.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;
import org.nomina.store.incidents.Incidents;
import org.nomina.store.linkage.RegisterLinker;

/** The register's search finds names across scripts, filters, pages, and treats every character as text. */
class RegisterIndexTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void register() throws IOException {
        db = TestDatabases.h2(dir);
        Path a = dir.resolve("a.csv");
        Files.writeString(a, """
                id,surname,given_name,birth_year,place,status,sex
                1,Məmmədov,Əli,1950,Nomkənd,killed,male
                2,Hovhannisyan,Armen,1961,Aşağı Kənd,missing,male
                3,Əliyeva,Leyla,1970,Nomkənd,killed,female
                4,O'Brien'; DROP TABLE person; --,Sean,1980,Nomkənd,killed,male
                """, StandardCharsets.UTF_8);
        Path b = dir.resolve("b.csv");
        Files.writeString(b, """
                id,Фамилия,Имя,Год рождения,Село,Статус,Пол
                1,Мамедов,Тофик,1940,Номкенд,погиб,муж
                2,Оганесян,Ашот,1930,Номкенд,погиб,муж
                """, StandardCharsets.UTF_8);
        Importer importer = new Importer(db);
        importer.importFile(new ImportRequest(a, "List A", Optional.empty(), Optional.empty(), Optional.empty(), "test"), Importer.Progress.NONE);
        importer.importFile(new ImportRequest(b, "List B", Optional.empty(), Optional.empty(), Optional.empty(), "test"), Importer.Progress.NONE);
        RegisterLinker.link(db, LinkageConfig.defaults(), "test", ProgressListener.NONE);
    }

    private long persons() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM person WHERE retired_at IS NULL").mapTo(Long.class).one());
    }

    private static RegisterIndex.SearchQuery q(String text) {
        return new RegisterIndex.SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 20);
    }

    private static List<String> names(RegisterIndex.Page page) {
        return page.hits().stream().map(RegisterIndex.Hit::displayName).toList();
    }

    @Test
    void aNameInOneScriptFindsItInTheOthers() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            assertThat(index.isStale(db)).isTrue();
            assertThat(persons()).as("six records of six different people").isEqualTo(6);
            assertThat(index.rebuild(db)).isEqualTo(persons());
            assertThat(index.isStale(db)).isFalse();
            assertThat(names(index.search(q("Mamedov")))).anyMatch(n -> n.contains("Məmmədov")).anyMatch(n -> n.contains("Мамедов"))
                    .noneMatch(n -> n.contains("Hovhannisyan"));
            assertThat(names(index.search(q("Оганесян")))).anyMatch(n -> n.contains("Hovhannisyan")).anyMatch(n -> n.contains("Оганесян"))
                    .noneMatch(n -> n.contains("Мамедов"));
            assertThat(names(index.search(q("Мамедов Тофик")))).hasSize(1).allMatch(n -> n.contains("Мамедов"));
        }
    }

    /** Results are kept per version of the index: a search asked again after a rebuild answers from the rebuilt index. */
    @Test
    void aRepeatedSearchFollowsTheRegisterAtTheNextRebuild() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            RegisterIndex.SearchQuery mamedov = q("Mamedov");
            RegisterIndex.Page first = index.search(mamedov);
            assertThat(first.hits()).hasSize(2);
            assertThat(index.search(mamedov)).as("asked again, the same page").isEqualTo(first);
            long id = first.hits().get(0).personId();
            db.jdbi().useHandle(h -> h.createUpdate("UPDATE person SET display_name = 'Мамедов Renamed', status = 'missing' WHERE id = :id")
                    .bind("id", id).execute());
            assertThat(index.search(mamedov)).as("until the index is rebuilt it answers as it was built").isEqualTo(first);
            index.rebuild(db);
            RegisterIndex.Page after = index.search(mamedov);
            assertThat(after.hits()).filteredOn(hit -> hit.personId() == id).singleElement().satisfies(hit -> {
                assertThat(hit.displayName()).isEqualTo("Мамедов Renamed");
                assertThat(hit.status()).isEqualTo("missing");
            });
            RegisterIndex.Page killed = index.search(new RegisterIndex.SearchQuery("Mamedov", Optional.of("killed"), Optional.empty(),
                    Optional.empty(), Optional.empty(), 0, 20));
            assertThat(killed.hits()).extracting(RegisterIndex.Hit::personId).doesNotContain(id);
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM person_record WHERE person_id = :id").bind("id", id).execute());
            db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM person WHERE id = :id").bind("id", id).execute());
            index.rebuild(db);
            assertThat(index.search(mamedov).hits()).extracting(RegisterIndex.Hit::personId).doesNotContain(id);
        }
    }

    @Test
    void aHitShowsThePersonAsTheDatabaseHoldsThem() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            List<RegisterIndex.Hit> hits = index.search(q("Mamedov")).hits();
            assertThat(hits).hasSize(2);
            for (RegisterIndex.Hit hit : hits) {
                db.jdbi().useHandle(h -> {
                    var row = h.createQuery("SELECT display_name, sex, birth_year, place, status FROM person WHERE id = :id")
                            .bind("id", hit.personId()).mapToMap().one();
                    assertThat(hit.displayName()).isEqualTo(row.get("display_name"));
                    assertThat(hit.sex()).isEqualTo(row.get("sex"));
                    assertThat(hit.birthYear()).isEqualTo(row.get("birth_year") == null ? "" : row.get("birth_year").toString());
                    assertThat(hit.place()).isEqualTo(row.get("place"));
                    assertThat(hit.status()).isEqualTo(row.get("status"));
                    List<String> sources = h.createQuery("""
                                    SELECT DISTINCT s.name FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                                    JOIN source s ON s.id = r.source_id WHERE pr.person_id = :id""")
                            .bind("id", hit.personId()).mapTo(String.class).list();
                    assertThat(hit.sources()).containsExactlyInAnyOrderElementsOf(sources);
                    List<String> names = h.createQuery("""
                                    SELECT r.full_name FROM person_record pr JOIN source_record r ON r.id = pr.source_record_id
                                    WHERE pr.person_id = :id""")
                            .bind("id", hit.personId()).mapTo(String.class).list();
                    assertThat(hit.nameVariants()).first().isEqualTo(hit.displayName());
                    assertThat(hit.nameVariants()).containsAll(names).doesNotHaveDuplicates();
                });
            }
            assertThat(hits).extracting(RegisterIndex.Hit::sources).containsExactlyInAnyOrder(List.of("List A"), List.of("List B"));
        }
    }

    @Test
    void filtersAndPagesNarrowTheList() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            RegisterIndex.Page all = index.search(q(""));
            assertThat(all.total()).isEqualTo(persons());
            RegisterIndex.Page missing = index.search(new RegisterIndex.SearchQuery("", Optional.of("missing"), Optional.empty(),
                    Optional.empty(), Optional.empty(), 0, 20));
            assertThat(names(missing)).singleElement().asString().contains("Hovhannisyan");
            RegisterIndex.Page women = index.search(new RegisterIndex.SearchQuery("", Optional.empty(), Optional.of("female"),
                    Optional.empty(), Optional.of("List A"), 0, 20));
            assertThat(names(women)).singleElement().asString().contains("Əliyeva");
            RegisterIndex.Page second = index.search(new RegisterIndex.SearchQuery("", Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 2, 2));
            assertThat(second.hits()).hasSize(2);
            assertThat(second.total()).isEqualTo(persons());
            assertThat(second.hits()).doesNotContainAnyElementsOf(index.search(new RegisterIndex.SearchQuery("", Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), 0, 2)).hits());
            assertThatThrownBy(() -> index.search(new RegisterIndex.SearchQuery("", Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), -1, 2))).isInstanceOf(BadInputException.class);
        }
    }

    @Test
    void aRestrictionKeepsOutTheLivingTheWithheldAndOtherFates() {
        long living = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM person WHERE surname = 'Əliyeva'").mapTo(Long.class).one());
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE person SET living = TRUE WHERE id = :p").bind("p", living).execute());
        long withheld = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM person WHERE surname = 'Мамедов'").mapTo(Long.class).one());
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            RegisterIndex.Restriction killed = new RegisterIndex.Restriction(java.util.Set.of("killed"), java.util.Set.of(withheld), true,
                    Optional.empty());
            List<String> found = names(index.search(q(""), killed));
            assertThat(found).as("the killed, less the living and the withheld").hasSize(3)
                    .noneMatch(n -> n.contains("Əliyeva")).noneMatch(n -> n.contains("Мамедов")).noneMatch(n -> n.contains("Hovhannisyan"));
            assertThat(index.search(q(""), killed).total()).isEqualTo(3);
            assertThat(names(index.search(q(""), new RegisterIndex.Restriction(java.util.Set.of("killed"), java.util.Set.of(), false,
                    Optional.empty())))).as("the team's own restriction may include the living").anyMatch(n -> n.contains("Əliyeva"));
        }
    }

    @Test
    void filtersByIncidentCountSubIncidentsAndByAgeGroup() throws IOException {
        Incidents.add(db.jdbi(), "War of the valley", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "test");
        Incidents.add(db.jdbi(), "Siege of Nomkənd", Optional.of("War of the valley"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), "test");
        Path c = dir.resolve("c.csv");
        Files.writeString(c, """
                id,surname,given_name,age,place,status,sex
                1,Quliyeva,Səbinə,9,Nomkənd,killed,female
                2,Rzayev,Vüqar,71,Nomkənd,killed,male
                """, StandardCharsets.UTF_8);
        new Importer(db).importFile(new ImportRequest(c, "List C", Optional.empty(), Optional.empty(), Optional.empty(), "test",
                Optional.of("Siege of Nomkənd"), Optional.empty()), Importer.Progress.NONE);
        RegisterLinker.link(db, LinkageConfig.defaults(), "test", ProgressListener.NONE);
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            assertThat(names(index.search(filtered(Optional.of("Siege of Nomkənd"), Optional.empty()))))
                    .containsExactlyInAnyOrder("Quliyeva Səbinə", "Rzayev Vüqar");
            assertThat(names(index.search(filtered(Optional.of("War of the valley"), Optional.empty()))))
                    .as("a sub-incident's persons belong to the incident it is part of").hasSize(2);
            assertThat(names(index.search(filtered(Optional.of("War of the valley"), Optional.of("0-17"))))).containsExactly("Quliyeva Səbinə");
            assertThat(names(index.search(filtered(Optional.empty(), Optional.of("60+"))))).containsExactly("Rzayev Vüqar");
            assertThat(index.search(filtered(Optional.empty(), Optional.of("unknown"))).total()).as("no age or incident year").isEqualTo(6);
            assertThat(index.search(filtered(Optional.of("No such incident"), Optional.empty())).total()).isZero();
            assertThatThrownBy(() -> index.search(filtered(Optional.empty(), Optional.of("old")))).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("'old'").hasMessageContaining("0-17, 18-59, 60+, unknown");
        }
    }

    private static RegisterIndex.SearchQuery filtered(Optional<String> incident, Optional<String> ageGroup) {
        return new RegisterIndex.SearchQuery("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), incident, ageGroup, 0, 20);
    }

    @Test
    void resultsComeInNameOrderAndACountStopsAtTheLimit() {
        db.jdbi().useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO person (id, display_name, sex, place, status, surname, given_name, created_at) "
                    + "VALUES (:id, :name, 'male', 'Nomkənd', 'killed', 'Testov', :given, CURRENT_TIMESTAMP)");
            for (int i = 0; i < RegisterIndex.COUNT_LIMIT + 50; i++) {
                batch.bind("id", 1_000_000L + i).bind("name", "Testov Given" + i).bind("given", "Given" + i).add();
            }
            batch.execute();
        });
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            RegisterIndex.Page all = index.search(q("Testov"));
            assertThat(all.totalExact()).as("more matches than are counted").isFalse();
            assertThat(all.total()).isGreaterThanOrEqualTo(RegisterIndex.COUNT_LIMIT).isLessThan(persons());
            List<String> first = names(all);
            assertThat(first).hasSize(20).isSortedAccordingTo(String::compareTo).allMatch(n -> n.startsWith("Testov Given"));
            RegisterIndex.Page few = index.search(q("Mamedov"));
            assertThat(few.totalExact()).isTrue();
            assertThat(few.total()).isEqualTo(2);
            assertThat(names(index.search(q("")))).as("the whole register, by romanised name").startsWith("Əliyeva Leyla");
        }
    }

    @Test
    void anIndexOfAnOlderFormatIsRebuilt() throws IOException {
        try (org.apache.lucene.store.Directory d = org.apache.lucene.store.FSDirectory.open(dir.resolve("old"));
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(d,
                     new org.apache.lucene.index.IndexWriterConfig())) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.StringField("id", "1", org.apache.lucene.document.Field.Store.YES));
            w.addDocument(doc);
            w.setLiveCommitData(java.util.Map.of("nomina.ledger_seq", "999").entrySet());
            w.commit();
        }
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("old"))) {
            assertThat(index.builtAt()).as("an unsorted index without a format is not current").isZero();
            assertThat(index.rebuild(db)).isEqualTo(persons());
            assertThat(index.isStale(db)).isFalse();
            assertThat(index.search(q("Mamedov")).total()).isEqualTo(2);
        }
    }

    @Test
    void queryCharactersAreTextNotSyntax() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            index.rebuild(db);
            assertThat(names(index.search(q("O'Brien'; DROP TABLE person; --")))).anyMatch(n -> n.contains("O'Brien"));
            assertThat(index.search(q("\" OR 1=1 -- *:* ) ( [")).total()).isZero();
            assertThat(index.search(q("%' OR '1'='1")).total()).isZero();
            assertThat(index.rebuild(db)).as("the persons are all still there").isEqualTo(6);
        }
    }

    @Test
    void aSecondProcessIsToldWhoHoldsTheIndex() {
        try (RegisterIndex index = RegisterIndex.open(dir.resolve("index"))) {
            assertThatThrownBy(() -> RegisterIndex.open(dir.resolve("index"))).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("in use by another Nomina process");
            assertThat(index.directory()).isEqualTo(dir.resolve("index"));
        }
    }
}
