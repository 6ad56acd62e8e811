package org.nomina.store.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nomina.engine.linkage.HumanDecision.Verdict;
import org.nomina.store.Database;
import org.nomina.store.TestDatabases;
import org.nomina.store.imports.ImportRequest;
import org.nomina.store.imports.Importer;

/** Several reviewers at once: each is given a pair nobody else holds; undo takes a decision back without losing it. */
class ReviewClaimsTest {
    @TempDir
    Path dir;
    private Database db;
    private List<Long> keys;

    @BeforeEach
    void threePairsAwaitReview() throws IOException {
        db = TestDatabases.h2(dir);
        Path list = dir.resolve("list.csv");
        Files.writeString(list, "id,Name,Born\n1,Anna Testova,1950\n2,Anna Testova,1951\n3,Boris Probov,1960\n4,Boris Probova,1960\n",
                StandardCharsets.UTF_8);
        new Importer(db).importFile(new ImportRequest(list, "List", Optional.empty(), Optional.empty(), Optional.empty(), "test"),
                Importer.Progress.NONE);
        keys = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM source_record ORDER BY id").mapTo(Long.class).list());
        // The model's review band, as a link run writes it (the pairs are what is under test here, not the model).
        db.jdbi().useHandle(h -> {
            long[][] pairs = {{keys.get(0), keys.get(1)}, {keys.get(2), keys.get(3)}, {keys.get(0), keys.get(2)}};
            double p = 0.8;
            for (long[] pair : pairs) {
                h.createUpdate("INSERT INTO match_pair (record_a, record_b, match_weight, probability, decision, contributions) "
                        + "VALUES (:a, :b, 2.0, :p, 'REVIEW', '[]')").bind("a", pair[0]).bind("b", pair[1]).bind("p", p).execute();
                p -= 0.1;
            }
        });
    }

    private static String pair(ReviewClaims.Held held) {
        return held.pair().a().key() + "-" + held.pair().b().key();
    }

    @Test
    void twoReviewersNeverHoldTheSamePair() {
        ReviewClaims.Held first = ReviewClaims.claim(db, "amina", 0).orElseThrow();
        ReviewClaims.Held second = ReviewClaims.claim(db, "bakhtiyar", 0).orElseThrow();
        assertThat(pair(first)).isEqualTo(keys.get(0) + "-" + keys.get(1));
        assertThat(pair(second)).isNotEqualTo(pair(first));
        assertThat(first.open()).isEqualTo(3);
        assertThat(second.open()).as("the pair amina holds is not open to bakhtiyar").isEqualTo(2);
        assertThat(first.otherCandidates()).extracting(ReviewClaims.Candidate::recordB).contains(keys.get(2));
        // Moving on lets go of the pair held before.
        ReviewClaims.Held next = ReviewClaims.claim(db, "amina", 1).orElseThrow();
        assertThat(pair(next)).isNotEqualTo(pair(first)).isNotEqualTo(pair(second));
        ReviewClaims.release(db, "amina");
        assertThat(pair(ReviewClaims.claim(db, "carine", 0).orElseThrow())).isEqualTo(pair(first));
    }

    @Test
    void undoTakesTheLatestDecisionBackAndKeepsIt() {
        ReviewQueue.decide(db, String.valueOf(keys.get(0)), String.valueOf(keys.get(1)), Verdict.SAME, "amina", "");
        ReviewQueue.decide(db, String.valueOf(keys.get(2)), String.valueOf(keys.get(3)), Verdict.DIFFERENT, "amina", "");
        assertThat(ReviewQueue.pendingCount(db)).isEqualTo(1);
        ReviewClaims.Withdrawn w = ReviewClaims.undoLatest(db, "amina").orElseThrow();
        assertThat(w.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(w.recordA()).isEqualTo(keys.get(2));
        assertThat(ReviewQueue.pendingCount(db)).isEqualTo(2);
        int withdrawn = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM match_decision_withdrawn WHERE verdict = 'DIFFERENT'")
                .mapTo(Integer.class).one());
        assertThat(withdrawn).isEqualTo(1);
        String lastAction = db.jdbi().withHandle(h -> h.createQuery("SELECT action FROM ledger_entry ORDER BY seq DESC").mapTo(String.class).first());
        assertThat(lastAction).isEqualTo("review-undo");
        assertThat(ReviewClaims.undoLatest(db, "bakhtiyar")).as("nothing of bakhtiyar's to take back").isEmpty();
        assertThat(org.nomina.store.verify.Verifier.verify(db.jdbi()).ok()).isTrue();
    }
}
