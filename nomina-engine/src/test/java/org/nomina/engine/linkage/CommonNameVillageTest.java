package org.nomina.engine.linkage;

import org.nomina.engine.domain.Sex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

/**
 * Ten thousand records of one name in one village (fictional Məmməd Məmmədovs of Nurabulun, told apart only
 * by birth date and father's name), among 20,000 records of the rest of the district: the blocks over the cap
 * are split, not skipped, the pairs stay linear in the records, and the namesakes come out as the persons they
 * are. (On the village alone every name agrees on every pair, and names then tell EM nothing at all.)
 */
class CommonNameVillageTest {

    private static final String[] FATHERS = {"Həsən", "Hüseyn", "Əli", "Vəli", "Cəfər", "Rəhim", "Kərim", "Qasım",
            "Tofiq", "Rauf", "Vüqar", "Elçin", "İlham", "Fərid", "Rəşid", "Abbas", "Xəlil", "Əhməd", "Ələkbər",
            "Rəsul", "Sabir", "Nadir", "Zakir", "Şahin", "Namiq", "Mübariz", "Arif", "Yusif", "Telman", "Nizami"};
    private static final String[] FATHERS_RUSSIAN = {"Гасан", "Гусейн", "Али", "Вели", "Джафар", "Рагим", "Керим",
            "Гасым", "Тофик", "Рауф", "Вугар", "Эльчин", "Ильгам", "Фарид", "Рашид", "Аббас", "Халил", "Ахмед",
            "Алекпер", "Расул", "Сабир", "Надир", "Закир", "Шахин", "Намик", "Мубариз", "Ариф", "Юсиф", "Тельман",
            "Низами"};
    private static final int RECORDS = 10_000;
    private static final int DISTRICT = 20_000;
    private static final long FIRST_NAMESAKE_KEY = 1_000_000;

    /** The district's and the village's records; {@code personByKey} holds the namesakes only. */
    private record Case(List<LinkRecord> records, Map<Long, Integer> personByKey) {
    }

    /** Persons on three lists (each with probability 0.7): Latin with full dates, Cyrillic, and ALL-CAPS. */
    private static Case namesakes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LinkRecord> records = new ArrayList<>(SyntheticPopulation.generate(DISTRICT, 3, seed).records());
        Map<Long, Integer> personByKey = new HashMap<>();
        for (int person = 0; personByKey.size() < RECORDS; person++) {
            int father = random.nextInt(FATHERS.length);
            int year = 1925 + random.nextInt(70);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            // The Russian list swaps day and month now and then, where the swap still reads as a date.
            boolean swapped = day <= 12 && random.nextInt(10) == 0;
            for (int list = 0; list < 3 && personByKey.size() < RECORDS; list++) {
                if (random.nextDouble() >= 0.7) {
                    continue;
                }
                long key = FIRST_NAMESAKE_KEY + personByKey.size();
                Records r = switch (list) {
                    case 0 -> record(key, 0).names("Məmmədov", "Məmməd", FATHERS[father] + " oğlu")
                            .born(year, month, day).place("Nurabulun kəndi");
                    case 1 -> record(key, 1).names("Мамедов", "Мамед", FATHERS_RUSSIAN[father] + " оглы")
                            .born(year, swapped ? day : month, swapped ? month : day)
                            .place("с. Нурабулун");
                    default -> record(key, 2).names("MAMMADOV", "MAMMAD", FATHERS[father].toUpperCase())
                            .born(year, month, day).place("NURABULUN");
                };
                records.add(r.sex(Sex.MALE).build());
                personByKey.put(key, person);
            }
        }
        return new Case(records, personByKey);
    }

    /** Pairwise precision and recall of the clusters among the namesakes against their true persons. */
    private static double[] precisionRecall(Case c, LinkageResult result) {
        Map<Long, Long> clusters = result.clusterByKey();
        Map<Long, Map<Integer, Integer>> byCluster = new HashMap<>();
        Map<Integer, Integer> byPerson = new HashMap<>();
        for (LinkRecord record : c.records()) {
            if (!c.personByKey().containsKey(record.key())) {
                continue;
            }
            int person = c.personByKey().get(record.key());
            byCluster.computeIfAbsent(clusters.get(record.key()), k -> new HashMap<>()).merge(person, 1, Integer::sum);
            byPerson.merge(person, 1, Integer::sum);
        }
        long truePositives = 0;
        long predicted = 0;
        for (Map<Integer, Integer> persons : byCluster.values()) {
            long size = persons.values().stream().mapToInt(Integer::intValue).sum();
            predicted += size * (size - 1) / 2;
            for (int n : persons.values()) {
                truePositives += (long) n * (n - 1) / 2;
            }
        }
        long actual = byPerson.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        return new double[] {predicted == 0 ? 0 : (double) truePositives / predicted, (double) truePositives / actual};
    }

    @Test
    void shouldSplitTheVillageBlockAndLinkTheNamesakesApart() {
        Case c = namesakes(11);

        LinkageResult result = Linker.link(c.records(), LinkageConfig.defaults(), List.of(), ProgressListener.NONE);

        assertThat(result.cappedBlocks()).isNotEmpty().allSatisfy(block -> {
            assertThat(block.size()).isGreaterThan(LinkageConfig.defaults().blockCap());
            assertThat(block.pairs()).isPositive().isLessThanOrEqualTo(2L * Blocker.WINDOW * block.size());
        });
        // Rivals on one list (one_to_one, on by default) take most namesakes' pairs out of the review band
        // (below 0.5); what is left is reported, at most the cap (the cap itself: the test below).
        assertThat(result.pairs().stream().filter(p -> p.decision() == Decision.REVIEW).count())
                .isLessThanOrEqualTo(Math.min(result.reviewPairsTotal(), Linker.MAX_REVIEW_PAIRS));
        // Linear in the records: the village's all with all would be 50 million pairs.
        assertThat(result.candidatePairs()).isLessThan(20L * (RECORDS + DISTRICT) * Blocker.WINDOW);
        double[] pr = precisionRecall(c, result);
        // Precision is bounded by the case itself: with 30 fathers' names and 70 birth years, one namesake in
        // four has another with the same father born one typed digit away (1961-02-04 / 1961-02-06), which
        // the model reads as a typo. Before full dates that differ counted against a match, precision was 0.13.
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.75);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldFindThePairsOfABlockOverTheCapByItsNeighbourhood() {
        Case c = namesakes(12);
        // One rule only, whose one block holds every record: before blocks were split, it proposed nothing.
        // Without rivals on one list, so that the namesakes' pairs stay in the review band.
        LinkageConfig config = LinkageConfig.fromMap(Map.of("blocking",
                List.of(Map.of("name", "names_and_place", "keys", List.of("names_unordered", "place"))), "one_to_one", false));

        LinkageResult result = Linker.link(c.records(), config, List.of(), ProgressListener.NONE);

        // The review band is capped: the village leaves far more pairs in it than anyone could review.
        assertThat(result.reviewPairsTotal()).isGreaterThan(Linker.MAX_REVIEW_PAIRS);
        assertThat(result.pairs().stream().filter(p -> p.decision() == Decision.REVIEW).count())
                .isEqualTo(Linker.MAX_REVIEW_PAIRS);
        assertThat(result.cappedBlocks()).hasSize(1);
        assertThat(result.cappedBlocks().getFirst().size()).isEqualTo(RECORDS);
        assertThat(result.cappedBlocks().getFirst().pairs()).isLessThanOrEqualTo(2L * Blocker.WINDOW * RECORDS);
        double[] pr = precisionRecall(c, result);
        assertThat(pr[0]).as("precision").isGreaterThanOrEqualTo(0.7);
        assertThat(pr[1]).as("recall").isGreaterThanOrEqualTo(0.9);
    }
}
