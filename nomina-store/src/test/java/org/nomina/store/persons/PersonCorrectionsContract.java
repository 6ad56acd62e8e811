package org.nomina.store.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.BadInputException;
import org.nomina.store.DatabaseContract;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;
import org.nomina.store.verify.Verifier;
import org.nomina.store.linkage.RegisterLinker;

/** An editor's correction is a new version with a reason, ledgered, kept by a relink; bad input changes nothing. */
abstract class PersonCorrectionsContract extends DatabaseContract {
    private long person;

    /** The subclass opens the database in its own {@code @BeforeEach}, which runs after this class's; so each test calls this. */
    private void register() throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, """
                id,surname,given_name,birth_year,place,status,sex
                1,Məmmədov,Əli,1950,Nomkənd,killed,male
                2,Əliyeva,Leyla,1970,Nomkənd,missing,female
                """, StandardCharsets.UTF_8);
        new Importer(db()).importFile(new ImportRequest(a, "List A", Optional.empty(), Optional.empty(), Optional.empty(), "test"),
                Importer.Progress.NONE);
        RegisterLinker.link(db(), LinkageConfig.defaults(), "test", ProgressListener.NONE);
        person = db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM person WHERE surname = 'Əliyeva'").mapTo(Long.class).one());
    }

    private Map<String, Object> row() {
        return db().jdbi().withHandle(h -> h.createQuery("SELECT surname, birth_year, status FROM person WHERE id = :id").bind("id", person)
                .mapToMap().one());
    }

    private long ledgerSize() {
        return db().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ledger_entry").mapTo(Long.class).one());
    }

    @Test
    void aCorrectionIsANewVersionWithItsReasonLedgeredAndKeptByARelink() throws IOException {
        register();
        long before = ledgerSize();
        PersonCorrections.Correction c = PersonCorrections.correct(db().jdbi(), person, "birth_year", "1971", "birth certificate seen", "editor-e");
        assertThat(c.oldValue()).isEqualTo("1970");
        assertThat(c.newValue()).isEqualTo("1971");
        PersonCorrections.correct(db().jdbi(), person, "status", "Remains_identified", "remains identified in 2012", "editor-f");
        assertThat(row()).containsEntry("birth_year", 1971).containsEntry("status", "remains_identified");
        assertThat(ledgerSize()).isEqualTo(before + 2);
        String payload = db().jdbi().withHandle(h -> h.createQuery("SELECT payload FROM ledger_entry WHERE seq = :s").bind("s", c.ledgerSeq())
                .mapTo(String.class).one());
        assertThat(payload).contains("\"field\":\"birth_year\"").contains("\"old_value\":\"1970\"").contains("birth certificate seen");
        List<PersonCorrections.Correction> history = PersonCorrections.list(db().jdbi(), person);
        assertThat(history).extracting(PersonCorrections.Correction::correctedBy).containsExactly("editor-f", "editor-e");
        assertThat(Verifier.verify(db().jdbi()).ok()).isTrue();

        RegisterLinker.link(db(), LinkageConfig.defaults(), "test", ProgressListener.NONE);
        assertThat(row()).as("a relink recomputes consensus values and keeps the corrections")
                .containsEntry("birth_year", 1971).containsEntry("status", "remains_identified").containsEntry("surname", "Əliyeva");
    }

    @Test
    void badInputNamesTheFieldOrValueAndChangesNothing() throws IOException {
        register();
        Map<String, Object> before = row();
        long ledger = ledgerSize();
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "surname", "Aliyeva", "  ", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "id_number", "123", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'id_number' is not a field");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "birth_year", "19x0", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'19x0'");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "status", "vanished", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'vanished'").hasMessageContaining("killed");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "sex", "f", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'f'");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), person, "surname", "Əliyeva", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> PersonCorrections.correct(db().jdbi(), 987_654, "surname", "X", "seen", "e"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no person 987654");
        assertThat(row()).isEqualTo(before);
        assertThat(ledgerSize()).isEqualTo(ledger);
        assertThat(PersonCorrections.list(db().jdbi(), person)).isEmpty();
    }
}
