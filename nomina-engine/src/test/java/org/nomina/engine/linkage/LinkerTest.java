package org.nomina.engine.linkage;

import org.nomina.engine.domain.Status;
import org.nomina.engine.domain.Sex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nomina.engine.linkage.Records.record;

class LinkerTest {

    private static final String[] SURNAMES = {"Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas",
            "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
            "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott", "Cooper"};
    private static final String[] GIVEN = {"oliver", "jack", "harry", "jacob", "charlie", "thomas", "george",
            "oscar", "james", "william", "amelia", "olivia", "isla", "emily", "poppy", "ava", "isabella", "jessica",
            "lily", "sophie", "grace", "sophia", "mia", "evie", "ruby", "ella"};
    private static final List<Status> FATES = Status.AT_INCIDENT;
    private static final String[] PLACES = {"Ganja", "Shusha", "Lachin", "Agdam", "Fuzuli", "Kalbajar", "Zangilan",
            "Gubadli", "Jabrayil", "Khojaly", "Tartar", "Barda"};

    /**
     * A background population so that EM has non-matches to learn from: the tests below put a few
     * interesting records among a few thousand fictional others.
     */
    private static List<LinkRecord> background(int count, long firstKey) {
        SplittableRandom random = new SplittableRandom(7);
        List<LinkRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)] + (char) ('a' + random.nextInt(26))
                    + (char) ('a' + random.nextInt(26));
            String given = GIVEN[random.nextInt(GIVEN.length)];
            int year = 1920 + random.nextInt(80);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            String place = PLACES[random.nextInt(PLACES.length)];
            Status fate = FATES.get(random.nextInt(FATES.size()));
            // Each person twice, once per source, the second copy with a typo now and then.
            for (int source = 0; source < 2; source++) {
                String shownGiven = source == 1 && random.nextInt(5) == 0 ? given.substring(1) : given;
                Records copy = record(firstKey + 2L * i + source, source).names(surname, shownGiven, "")
                        .place(place).status(source == 1 && random.nextInt(200) == 0 ? Status.MISSING : fate);
                // The second list records dates as lists do: full, year only, approximate or as an age.
                int precision = source == 0 ? 0 : random.nextInt(4);
                switch (precision) {
                    case 0 -> copy.born(year, month, day);
                    case 1 -> copy.born(year, 0, 0);
                    case 2 -> copy.bornAbout(year + random.nextInt(3) - 1);
                    default -> copy.age(2000 - year - random.nextInt(2), 2000);
                }
                records.add(copy.build());
            }
        }
        return records;
    }

    private static LinkageResult link(List<LinkRecord> interesting, List<HumanDecision> decisions) {
        List<LinkRecord> records = new ArrayList<>(background(1500, 1_000_000));
        records.addAll(interesting);
        return Linker.link(records, LinkageConfig.defaults(), decisions, ProgressListener.NONE);
    }

    private static boolean together(LinkageResult result, long a, long b) {
        return result.clusterByKey().get(a).equals(result.clusterByKey().get(b));
    }

    @Test
    void shouldLinkOnePersonAcrossScriptsAndPrecisions() {
        List<LinkRecord> ali = List.of(
                record(1, 0).names("МАМЕДОВ", "Али", "Гусейн оглы").sex(Sex.MALE).bornAbout(1951).place("Шуша").build(),
                record(2, 1).names("Mammadov", "Ali", "Huseyn oglu").sex(Sex.MALE).born(1951, 3, 12).place("Shusha")
                        .build(),
                record(3, 2).names("Məmmədov", "Əli", "Hüseyn oğlu").sex(Sex.MALE).age(40, 1992).place("Şuşa").build());

        LinkageResult result = link(ali, List.of());

        assertThat(together(result, 1, 2)).isTrue();
        assertThat(together(result, 2, 3)).isTrue();
        assertThat(result.clusterByKey().get(3L)).isEqualTo(1L);
    }

    @Test
    void shouldWeighAgreementOnACommonSurnameFamilyLessThanOnARareOne() {
        // Across scripts, true pairs agree on the spelling family, not the spelling: the term-frequency
        // adjustment must apply there too, or Məmmədov / Мамедов counts as much as a rare surname.
        List<LinkRecord> records = new ArrayList<>();
        String[] given = {"Rəşid", "Anar", "Elçin", "Tofiq", "Vüqar", "Kamran", "Zaur", "Ramiz"};
        for (int i = 0; i < 300; i++) {
            records.add(record(10_000 + i, i % 2).names(i % 3 == 0 ? "Мамедов" : "Məmmədov", given[i % given.length], "")
                    .bornAbout(1930 + i % 60).build());
        }
        records.add(record(1, 0).names("Мамедов", "Низами", "").sex(Sex.MALE).born(1951, 3, 12).place("Шуша").build());
        records.add(record(2, 1).names("Məmmədov", "Nizami", "").sex(Sex.MALE).born(1951, 3, 12).place("Şuşa").build());
        records.add(record(3, 0).names("Гюльмамедов", "Низами", "").sex(Sex.MALE).born(1951, 3, 12).place("Шуша").build());
        records.add(record(4, 1).names("Gülməmmədov", "Nizami", "").sex(Sex.MALE).born(1951, 3, 12).place("Şuşa").build());
        records.addAll(background(1500, 1_000_000));

        LinkageResult result = Linker.link(records, LinkageConfig.defaults(), List.of(), ProgressListener.NONE);

        FieldContribution common = result.pair(1, 2).orElseThrow().contributions().getFirst();
        FieldContribution rare = result.pair(3, 4).orElseThrow().contributions().getFirst();
        assertThat(common.field()).isEqualTo("surname");
        assertThat(common.level()).isEqualTo("family");
        assertThat(rare.level()).isEqualTo("family");
        assertThat(rare.weight() - common.weight()).isGreaterThan(4.0);
    }

    @Test
    void shouldProposeAPairWhoseSurnameHasItsFirstLettersSwapped() {
        // No birth year, no father's name: only the names-and-place rule can propose this pair, and every
        // surname key that starts with the first letter differs between "Оруджев" and "rOudzhev".
        List<LinkRecord> typo = List.of(
                record(1, 0).names("Оруджев", "Эльшан", "").sex(Sex.MALE).place("Таллы").build(),
                record(2, 1).names("rOudzhev", "Elshan", "").sex(Sex.MALE).place("Talli").build());

        LinkageResult result = link(typo, List.of());

        assertThat(result.pair(1, 2)).isPresent();
    }

    @Test
    void shouldWeighTheFateListsGiveWithoutLettingADisagreementRuleOutAMatch() {
        List<LinkRecord> records = List.of(
                record(1, 0).names("Anarova", "Aygün", "Tofiq").sex(Sex.FEMALE).born(1965, 4, 2).place("Yaltəpə").status(Status.KILLED).build(),
                record(2, 1).names("Анарова", "Айгюн", "Тофик кызы").sex(Sex.FEMALE).born(1965, 0, 0).place("Ялтепе").status(Status.KILLED).build(),
                record(3, 0).names("Quliyeva", "Səbinə", "Rauf").sex(Sex.FEMALE).born(1971, 6, 9).place("Daşlı").status(Status.KILLED).build(),
                record(4, 1).names("Кулиева", "Сабина", "Рауф кызы").sex(Sex.FEMALE).born(1971, 0, 0).place("Дашлы").status(Status.MISSING).build());

        LinkageResult result = link(records, List.of());

        FieldContribution agree = status(result.pair(1, 2).orElseThrow());
        FieldContribution differ = status(result.pair(3, 4).orElseThrow());
        assertThat(agree.level()).isEqualTo("exact");
        assertThat(agree.weight()).isPositive();
        assertThat(differ.level()).isEqualTo("different");
        // Lists disagree on fates, so disagreement counts against the pair but is bounded (m ≥ 0.05).
        assertThat(differ.weight()).isNegative().isGreaterThanOrEqualTo(Math.log(ComparisonSpec.standardDisagreementFloor("status")) / Math.log(2));
        assertThat(together(result, 3, 4)).isTrue();
    }

    private static FieldContribution status(ScoredPair pair) {
        return pair.contributions().stream().filter(c -> c.field().equals("status")).findFirst().orElseThrow();
    }

    @Test
    void shouldKeepTwoCousinsWithOneSurnameApart() {
        List<LinkRecord> cousins = List.of(
                record(1, 0).names("Mammadov", "Ali", "Huseyn oglu").sex(Sex.MALE).born(1951, 3, 12).place("Shusha")
                        .build(),
                record(2, 1).names("Mammadov", "Rashid", "Hasan oglu").sex(Sex.MALE).born(1958, 7, 2).place("Shusha")
                        .build());

        LinkageResult result = link(cousins, List.of());

        assertThat(together(result, 1, 2)).isFalse();
    }

    @Test
    void shouldLinkSwappedGivenNameAndSurname() {
        List<LinkRecord> swapped = List.of(
                record(1, 0).names("Hovhannisyan", "Aram", "").sex(Sex.MALE).born(1960, 5, 5).place("Stepanakert")
                        .build(),
                record(2, 1).names("Aram", "Оганесян", "").sex(Sex.MALE).born(1960, 5, 5).place("Степанакерт")
                        .build());

        LinkageResult result = link(swapped, List.of());

        assertThat(together(result, 1, 2)).isTrue();
        assertThat(result.pair(1, 2).orElseThrow().contributions().getFirst().level()).endsWith("(swapped)");
    }

    @Test
    void shouldKeepApartWhatAReviewerSaidIsDifferent() {
        List<LinkRecord> twins = List.of(
                record(1, 0).names("Aliyev", "Farid", "").sex(Sex.MALE).born(1970, 1, 1).place("Agdam").build(),
                record(2, 1).names("Алиев", "Фарид", "").sex(Sex.MALE).born(1970, 1, 1).place("Агдам").build());

        LinkageResult model = link(twins, List.of());
        LinkageResult decided = link(twins, List.of(new HumanDecision(1, 2, HumanDecision.Verdict.DIFFERENT)));

        assertThat(together(model, 1, 2)).isTrue();
        assertThat(together(decided, 1, 2)).isFalse();
        assertThat(decided.pair(1, 2).orElseThrow().decision()).isEqualTo(Decision.HUMAN_DIFFERENT);
    }

    @Test
    void shouldJoinWhatAReviewerSaidIsTheSame() {
        List<LinkRecord> renamed = List.of(
                record(1, 0).names("Qasimova", "Leyla", "").sex(Sex.FEMALE).born(1980, 2, 2).build(),
                record(2, 1).names("Huseynova", "Laila", "").sex(Sex.FEMALE).born(1981, 2, 2).build());

        LinkageResult model = link(renamed, List.of());
        LinkageResult decided = link(renamed, List.of(new HumanDecision(2, 1, HumanDecision.Verdict.SAME)));

        assertThat(together(model, 1, 2)).isFalse();
        assertThat(together(decided, 1, 2)).isTrue();
        assertThat(decided.pair(1, 2).orElseThrow().decision()).isEqualTo(Decision.HUMAN_SAME);
    }

    @Test
    void shouldKeepAnUnsurePairOutOfAutomaticDecisions() {
        List<LinkRecord> pair = List.of(
                record(1, 0).names("Aliyev", "Farid", "").sex(Sex.MALE).born(1970, 1, 1).place("Agdam").build(),
                record(2, 1).names("Aliyev", "Farid", "").sex(Sex.MALE).born(1970, 1, 1).place("Agdam").build());

        LinkageResult result = link(pair, List.of(new HumanDecision(1, 2, HumanDecision.Verdict.UNSURE)));

        assertThat(together(result, 1, 2)).isFalse();
        assertThat(result.pair(1, 2).orElseThrow().decision()).isEqualTo(Decision.HUMAN_UNSURE);
    }

    @Test
    void shouldCompareAgeAtIncidentAgainstBirthYear() {
        List<LinkRecord> ages = List.of(
                record(1, 0).names("Ismayilov", "Tofig", "").sex(Sex.MALE).born(1950, 6, 1).place("Kalbajar").build(),
                record(2, 1).names("Исмаилов", "Тофик", "").sex(Sex.MALE).age(42, 1993).place("Кельбаджар").build());

        LinkageResult result = link(ages, List.of());

        assertThat(result.pair(1, 2).orElseThrow().contributions()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("birth_date");
            assertThat(c.level()).isEqualTo("year_within_1");
        });
    }

    @Test
    void shouldSplitAndReportCappedBlocks() {
        List<LinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(record(i, i % 2).names("Same", "Name", "").born(1950, 1, 1).build());
        }
        LinkageConfig config = LinkageConfig.defaults().withBlockCap(10);

        LinkageResult result = Linker.link(records, config, List.of(), ProgressListener.NONE);

        assertThat(result.cappedBlocks()).isNotEmpty();
        assertThat(result.cappedBlocks().getFirst().size()).isEqualTo(50);
        // Split by sorted neighbourhood: each record meets its next WINDOW neighbours in two orders, not all 49.
        assertThat(result.cappedBlocks().getFirst().pairs()).isPositive()
                .isLessThanOrEqualTo(2L * Blocker.WINDOW * 50);
        assertThat(result.candidatePairs()).isPositive().isLessThan(50 * 49 / 2);
    }

    @Test
    void shouldThrowWhenInterruptedAndKeepTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Linker.link(background(10, 0), LinkageConfig.defaults(), List.of(),
                    ProgressListener.NONE)).isInstanceOf(LinkageCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void shouldRejectDuplicateKeys() {
        List<LinkRecord> records = List.of(record(1, 0).names("A", "B", "").build(),
                record(1, 1).names("C", "D", "").build());

        assertThatThrownBy(() -> Linker.link(records, LinkageConfig.defaults(), List.of(), ProgressListener.NONE))
                .isInstanceOf(LinkageException.class).hasMessageContaining("record key 1 appears twice");
    }

    @Test
    void shouldReportTimingsForEveryStage() {
        LinkageResult result = link(List.of(), List.of());

        assertThat(result.stageMillis()).containsKeys("normalise", "block", "compare", "em", "score", "cluster");
    }

    @Test
    void shouldLinkALargeRunInAnOrderThatKeepsEachNamesFamilyTogether() {
        List<LinkRecord> small = SyntheticPopulation.generate(1_000, 3, 7).records();
        assertThat(Linker.localityOrder(small)).as("below the size where the order pays").isSameAs(small);

        List<LinkRecord> records = SyntheticPopulation.generate(Linker.LOCALITY_MIN, 3, 7).records();
        assertThat(records.size()).isGreaterThanOrEqualTo(Linker.LOCALITY_MIN);
        List<LinkRecord> ordered = Linker.localityOrder(records);
        assertThat(ordered).as("a permutation").hasSameSizeAs(records).containsExactlyInAnyOrderElementsOf(records);
        assertThat(Linker.localityOrder(records)).as("the same order for the same input").containsExactlyElementsOf(ordered);
        org.nomina.engine.names.NameNormaliser names = org.nomina.engine.names.NameNormaliser.shared();
        java.util.Map<String, Integer> lastSeen = new java.util.HashMap<>();
        java.util.Map<String, Long> lastKey = new java.util.HashMap<>();
        java.util.Map<Long, Integer> inputPosition = new java.util.HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            inputPosition.put(records.get(i).key(), i);
        }
        for (int i = 0; i < ordered.size(); i++) {
            LinkRecord r = ordered.get(i);
            String family = names.surname(r.surname()).familyKey() + "|" + names.givenName(r.givenName()).familyKey();
            Integer seen = lastSeen.put(family, i);
            // Each pair of families is one run, in the order the records were given.
            assertThat(seen == null || seen == i - 1).as("record %d (%s) continues its families' run", i, family).isTrue();
            if (seen != null) {
                assertThat(inputPosition.get(r.key())).isGreaterThan(inputPosition.get(lastKey.get(family)));
            }
            lastKey.put(family, r.key());
        }
        assertThat(lastSeen.size()).as("families in the population").isGreaterThan(10);
    }
}
