package org.nomina.store.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nomina.engine.linkage.LinkageConfig;
import org.nomina.engine.linkage.ProgressListener;
import org.nomina.store.Database;
import org.nomina.store.DatabaseContract;
import org.nomina.store.TestDatabases;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;
import org.nomina.store.linkage.RegisterLinker;
import org.nomina.store.persons.PersonCorrections;

/**
 * The public projection serves persons it read before only while the register is as it was: a change made through
 * another projection (another process: a command beside the running server) shows at once. Every name is invented.
 */
class PublicProjectionTest extends DatabaseContract {
    private long killed;

    @Override
    protected Database open() {
        return TestDatabases.h2(dir);
    }

    @BeforeEach
    void register() throws IOException {
        Path list = Files.writeString(dir.resolve("list.csv"), """
                id,surname,given_name,birth_year,place,status,sex
                1,Qaraşlı,Vüsal,1950,Nomkənd,killed,male
                2,Qaraşlı,Sevda,1952,Nomkənd,killed,female
                3,Dəmirçi,Nərmin,1970,Nomkənd,injured,female
                """, StandardCharsets.UTF_8);
        new Importer(db()).importFile(new ImportRequest(list, "List A", Optional.empty(), Optional.empty(), Optional.empty(), "test"),
                Importer.Progress.NONE);
        RegisterLinker.link(db(), LinkageConfig.defaults(), "test", ProgressListener.NONE);
        killed = db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM person WHERE given_name = 'Vüsal'").mapTo(Long.class).one());
    }

    @Test
    void shouldStopShowingAPersonWithheldThroughAnotherProjection() {
        PublicProjection server = new PublicProjection(db());
        assertThat(server.person(killed)).isPresent();
        assertThat(server.person(killed)).as("read again at the same head").isPresent();

        new PublicProjection(db()).withhold(killed, "the family asked", "editor");

        assertThat(server.person(killed)).isEmpty();
        assertThat(server.persons(List.of(killed))).isEmpty();
    }

    @Test
    void shouldShowACorrectionMadeElsewhereAtOnce() {
        PublicProjection server = new PublicProjection(db());
        assertThat(server.person(killed).orElseThrow().displayName()).contains("Vüsal");

        PersonCorrections.correct(db().jdbi(), killed, "display_name", "Qaraşlı Vüsaləddin", "the family wrote", "editor");

        assertThat(server.person(killed).orElseThrow().displayName()).isEqualTo("Qaraşlı Vüsaləddin");
    }

    @Test
    void shouldKeepTheOrderAskedAndLeaveOutWhoIsNotPublic() {
        PublicProjection server = new PublicProjection(db());
        List<Long> all = db().jdbi().withHandle(h -> h.createQuery("SELECT id FROM person ORDER BY id DESC").mapTo(Long.class).list());
        List<Long> first = List.copyOf(server.persons(all).keySet());
        List<Long> again = List.copyOf(server.persons(all).keySet());
        assertThat(first).hasSize(2).isEqualTo(again)
                .isEqualTo(all.stream().filter(id -> server.person(id).isPresent()).toList());
    }
}
