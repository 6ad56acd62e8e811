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
 * Nicknames no table knows (fictional Süleyman written Sulya by a second list, Nizami written Nizo …):
 * the run learns them from the pairs that agree on everything else, and links what it missed.
 */
class SpellingLearnerTest {

    private static final String[] SURNAMES = {"Əliyev", "Həsənov", "Quliyev", "Hüseynov", "Babayev", "Nəsirov",
            "Kərimov", "Rəhimov", "Cəfərov", "Abbasov", "Salmanov", "Tağıyev", "Vəliyev", "Orucov", "Sadıqov",
            "Şükürov", "Zeynalov", "Nağıyev", "Bağırov", "Mirzəyev"};
    /** Given names and how the second list writes them: the first five by nicknames the tables lack. */
    private static final String[][] GIVEN = {{"Süleyman", "Sulya"}, {"Nizami", "Nizo"}, {"Bəhruz", "Beho"},
            {"Rövşən", "Röva"}, {"Əbülfəz", "Abulya"}, {"Elşad", "Elşad"}, {"Ramil", "Ramil"}, {"Vüsal", "Vüsal"},
            {"Tural", "Tural"}, {"Samir", "Samir"}};
    private static final String[] FATHERS = {"Həsən", "Əli", "Cəfər", "Rəhim", "Kərim", "Qasım", "Tofiq", "Rauf",
            "Vüqar", "Elçin", "İlham", "Fərid", "Abbas", "Xəlil", "Əhməd", "Rəsul", "Sabir", "Nadir", "Zakir", "Namiq"};
    private static final String[] VILLAGES = {"Nurabulun", "Qaratəpə", "Sarıbulaq", "Göykənd", "Daşkənd", "Yuxarı Ağcakənd",
            "Aşağı Ağcakənd", "Çaylı", "Meşəli", "Qızılca", "Xanlıq", "Güneyli", "Sofulu", "Quşçu", "Təzəkənd"};

    private record Case(List<LinkRecord> records, Map<Long, Integer> personByKey) {
    }

    private static Case people(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LinkRecord> records = new ArrayList<>();
        Map<Long, Integer> personByKey = new HashMap<>();
        for (int person = 0; person < 3_000; person++) {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String[] given = GIVEN[random.nextInt(GIVEN.length)];
            String father = FATHERS[random.nextInt(FATHERS.length)];
            String village = VILLAGES[random.nextInt(VILLAGES.length)];
            int year = 1930 + random.nextInt(65);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            long first = records.size();
            records.add(record(first, 0).names(surname, given[0], father + " oğlu").born(year, month, day)
                    .place(village).sex(Sex.MALE).build());
            personByKey.put(first, person);
            if (random.nextDouble() < 0.8) {
                records.add(record(first + 1, 1).names(surname, given[1], father).born(year, 0, 0)
                        .place(village).sex(Sex.MALE).build());
                personByKey.put(first + 1, person);
            }
        }
        return new Case(records, personByKey);
    }

    private static double recall(Case c, LinkageResult result) {
        long found = 0;
        long actual = 0;
        for (LinkRecord record : c.records()) {
            if (record.sourceIndex() == 1) {
                actual++;
                if (result.clusterOf(record.key()).equals(result.clusterOf(record.key() - 1))) {
                    found++;
                }
            }
        }
        return (double) found / actual;
    }

    private static long falseLinks(Case c, LinkageResult result) {
        Map<Long, List<Long>> members = new HashMap<>();
        c.personByKey().keySet().forEach(k -> members.computeIfAbsent(result.clusterOf(k).orElseThrow(),
                x -> new ArrayList<>()).add(k));
        long wrong = 0;
        for (List<Long> cluster : members.values()) {
            for (int i = 0; i < cluster.size(); i++) {
                for (int j = i + 1; j < cluster.size(); j++) {
                    if (!c.personByKey().get(cluster.get(i)).equals(c.personByKey().get(cluster.get(j)))) {
                        wrong++;
                    }
                }
            }
        }
        return wrong;
    }

    @Test
    void shouldLearnNicknamesFromPairsThatAgreeOnEverythingElse() {
        Case c = people(3);

        LinkageResult learnt = Linker.link(c.records(), LinkageConfig.defaults().withLearnSpellings(true), List.of(),
                ProgressListener.NONE);
        LinkageResult tabled = Linker.link(c.records(), LinkageConfig.defaults().withLearnSpellings(false), List.of(),
                ProgressListener.NONE);

        assertThat(learnt.model().learnedSpellings()).extracting(s -> s.field() + ":" + s.left() + "=" + s.right())
                .containsExactlyInAnyOrder("given_name:suleyman=sulya", "given_name:nizami=nizo", "given_name:bahruz=beho",
                        "given_name:rova=rovsan", "given_name:abulfaz=abulya");
        assertThat(learnt.model().learnedSpellings()).allSatisfy(s -> assertThat(s.pairs())
                .isGreaterThanOrEqualTo(SpellingLearner.MIN_PAIRS));
        assertThat(tabled.model().learnedSpellings()).isEmpty();
        double with = recall(c, learnt);
        double without = recall(c, tabled);
        assertThat(without).as("recall with the tables alone").isLessThan(0.95);
        assertThat(with).as("recall with learnt spellings").isGreaterThan(without + 0.05).isGreaterThanOrEqualTo(0.95);
        assertThat(falseLinks(c, learnt)).as("false links with learning").isLessThanOrEqualTo(falseLinks(c, tabled) + 10);
    }
}
