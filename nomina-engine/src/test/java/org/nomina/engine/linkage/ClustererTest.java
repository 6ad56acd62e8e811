package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.Sex;
import org.nomina.engine.domain.Status;
import org.nomina.engine.names.NameNormaliser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

/** The clustering rules on hand-made pair probabilities, so that each rule is tested alone. */
class ClustererTest {

    private static final LinkageConfig CONFIG = LinkageConfig.defaults();

    private record Scored(int a, int b, float probability) {
    }

    private static int[] cluster(int[] sources, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts) {
        List<LinkRecord> records = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            records.add(record(i, sources[i]).names("X", "Y", "").build());
        }
        return cluster(records, scored, verdicts);
    }

    private static int[] cluster(List<LinkRecord> records, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts) {
        return cluster(records, scored, verdicts, null);
    }

    private static int[] cluster(List<LinkRecord> records, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts,
                                 Clusterer.PairScorer scorer) {
        return cluster(records, scored, verdicts, scorer, CONFIG);
    }

    private static int[] cluster(List<LinkRecord> records, List<Scored> scored, Map<Long, HumanDecision.Verdict> verdicts,
                                 Clusterer.PairScorer scorer, LinkageConfig config) {
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort((x, y) -> Long.compare(pack(x.a(), x.b()), pack(y.a(), y.b())));
        long[] pairs = sorted.stream().mapToLong(s -> pack(s.a(), s.b())).toArray();
        float[] probability = new float[pairs.length];
        float[] weight = new float[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            probability[i] = sorted.get(i).probability();
            weight[i] = (float) (Math.log(probability[i] / (1 - probability[i])) / Math.log(2));
        }
        return new Clusterer(table, pairs, probability, weight, config, verdicts, scorer).cluster(() -> { });
    }

    private static long pack(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    @Test
    void shouldNotChainTwoPeopleThroughOneWeakBridge() {
        // A–B and B–C pass the threshold, but A and C were compared and clearly differ.
        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.97f),
                new Scored(0, 2, 0.01f)), Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldChainWhenNothingContradictsTheBridge() {
        // The same links without the contradicting A–C comparison: transitive closure is right here.
        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.97f)),
                Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]).isEqualTo(roots[2]);
    }

    @Test
    void shouldJoinTwoRecordsOfOneSourceOnlyOnStrongEvidence() {
        // Record 2 comes from a second list: the stricter bar holds among several lists.
        int[] moderate = cluster(new int[] {0, 0, 1}, List.of(new Scored(0, 1, 0.97f)), Map.of());
        int[] strong = cluster(new int[] {0, 0, 1}, List.of(new Scored(0, 1, 0.995f)), Map.of());
        int[] acrossSources = cluster(new int[] {0, 1}, List.of(new Scored(0, 1, 0.97f)), Map.of());

        assertThat(moderate[0]).isNotEqualTo(moderate[1]);
        assertThat(strong[0]).isEqualTo(strong[1]);
        assertThat(acrossSources[0]).isEqualTo(acrossSources[1]);
    }

    @Test
    void shouldDeduplicateASingleListOnTheModelsOwnProbabilities() {
        // One list alone: deduplicating it is the task, and λ was estimated on its own pairs.
        int[] roots = cluster(new int[] {0, 0, 0}, List.of(new Scored(0, 1, 0.97f), new Scored(1, 2, 0.98f),
                new Scored(0, 2, 0.96f)), Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]).isEqualTo(roots[2]);
    }

    @Test
    void shouldLetAnOverwhelmingUnproposedPairOutweighAReplacedSurname() {
        // FEBRL replaces whole surnames: copy 2 shares no surname key with copy 0, so no rule proposed the
        // pair, yet scored on demand everything else agrees. Without a scorer the contradiction stands.
        List<LinkRecord> records = List.of(record(0, 0).names("Rundle", "Rosie", "").build(),
                record(1, 1).names("Rundle", "Rosie", "").build(),
                record(2, 2).names("Campbell", "Rosie", "").build());
        // The proposed link 1–2 is itself overwhelming (23 bits); 0–2 was never proposed.
        List<Scored> scored = List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.9999999f));

        int[] unscored = cluster(records, scored, Map.of(), null);
        int[] overwhelming = cluster(records, scored, Map.of(), (a, b) -> 60.0);
        int[] weak = cluster(records, scored, Map.of(), (a, b) -> 8.0);

        assertThat(unscored[2]).isNotEqualTo(unscored[0]);
        assertThat(overwhelming[2]).isEqualTo(overwhelming[0]);
        assertThat(weak[2]).isNotEqualTo(weak[0]);
    }

    @Test
    void shouldKeepApartTwoRowsOfOneListThatGiveDifferentFates() {
        // Two rows of the committee's list, the same names, father and village: one killed, one missing. However
        // strong their pair, the list tells two namesakes apart; the same rows with one fate (or one without a fate)
        // are its duplicate. A third list's record joins the killed one either way.
        List<LinkRecord> twoFates = List.of(
                record(0, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").status(Status.KILLED).build(),
                record(1, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").status(Status.MISSING).build(),
                record(2, 1).names("Эльшанов", "Али", "").place("Номкенд").status(Status.KILLED).build());
        List<LinkRecord> oneFate = List.of(
                record(0, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").status(Status.KILLED).build(),
                record(1, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").build(),
                record(2, 1).names("Эльшанов", "Али", "").place("Номкенд").status(Status.KILLED).build());
        List<Scored> scored = List.of(new Scored(0, 1, 0.99999f), new Scored(0, 2, 0.999f), new Scored(1, 2, 0.99f));

        int[] apart = cluster(twoFates, scored, Map.of());
        int[] together = cluster(oneFate, scored, Map.of());

        assertThat(apart[0]).isNotEqualTo(apart[1]).isEqualTo(apart[2]);
        assertThat(together[0]).isEqualTo(together[1]).isEqualTo(together[2]);
    }

    @Test
    void shouldKeepTwoRowsOfOneListApartByTheFieldsTheConfigurationNames() {
        // The fate rule is the status comparison's `same_list: distinct`: off, the two fates on one list are one
        // person again; on another field (sex), two rows giving different sexes are kept apart instead and the two
        // fates are not; and a field that is not compared keeps nothing apart.
        List<LinkRecord> twoFates = List.of(
                record(0, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").sex(Sex.MALE).status(Status.KILLED).build(),
                record(1, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").sex(Sex.MALE).status(Status.MISSING).build(),
                record(2, 1).names("Эльшанов", "Али", "").place("Номкенд").status(Status.KILLED).build());
        List<LinkRecord> twoSexes = List.of(
                record(0, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").sex(Sex.MALE).status(Status.KILLED).build(),
                record(1, 0).names("Elşənov", "Əli", "Bəşir").place("Nomkənd").sex(Sex.FEMALE).status(Status.KILLED).build(),
                record(2, 1).names("Эльшанов", "Али", "").place("Номкенд").status(Status.KILLED).build());
        List<Scored> scored = List.of(new Scored(0, 1, 0.99999f), new Scored(0, 2, 0.999f), new Scored(1, 2, 0.99f));
        LinkageConfig statusAny = withSameList(Map.of("status", ComparisonSpec.SameList.ANY));
        LinkageConfig sexOnly = withSameList(Map.of("status", ComparisonSpec.SameList.ANY, "sex", ComparisonSpec.SameList.DISTINCT));
        LinkageConfig statusNotCompared = CONFIG.withComparisons(CONFIG.comparisons().stream()
                .filter(c -> !c.field().equals("status")).toList());

        int[] byDefault = cluster(twoFates, scored, Map.of(), null, CONFIG);
        int[] off = cluster(twoFates, scored, Map.of(), null, statusAny);
        int[] fatesWithSexOnly = cluster(twoFates, scored, Map.of(), null, sexOnly);
        int[] sexesWithSexOnly = cluster(twoSexes, scored, Map.of(), null, sexOnly);
        int[] sexesByDefault = cluster(twoSexes, scored, Map.of(), null, CONFIG);
        int[] notCompared = cluster(twoFates, scored, Map.of(), null, statusNotCompared);

        assertThat(byDefault[0]).isNotEqualTo(byDefault[1]).isEqualTo(byDefault[2]);
        assertThat(off[0]).isEqualTo(off[1]).isEqualTo(off[2]);
        assertThat(fatesWithSexOnly[0]).isEqualTo(fatesWithSexOnly[1]).isEqualTo(fatesWithSexOnly[2]);
        assertThat(sexesWithSexOnly[0]).isNotEqualTo(sexesWithSexOnly[1]).isEqualTo(sexesWithSexOnly[2]);
        assertThat(sexesByDefault[0]).isEqualTo(sexesByDefault[1]).isEqualTo(sexesByDefault[2]);
        assertThat(notCompared[0]).isEqualTo(notCompared[1]).isEqualTo(notCompared[2]);
    }

    @Test
    void shouldNotPutTwoRecordsOfOneSourceTogetherThroughAThirdRecord() {
        // 0 and 2 come from one list and were never compared directly: no strong evidence joins them.
        int[] roots = cluster(new int[] {0, 1, 0}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.98f)),
                Map.of());

        assertThat(roots[0]).isNotEqualTo(roots[2]);
    }

    @Test
    void shouldHonourCannotLinkAcrossAChain() {
        Map<Long, HumanDecision.Verdict> verdicts = new HashMap<>();
        verdicts.put(pack(0, 2), HumanDecision.Verdict.DIFFERENT);

        int[] roots = cluster(new int[] {0, 1, 2}, List.of(new Scored(0, 1, 0.99f), new Scored(1, 2, 0.99f)),
                verdicts);

        assertThat(roots[0]).isNotEqualTo(roots[2]);
        assertThat(Arrays.stream(roots).distinct().count()).isEqualTo(2);
    }

    @Test
    void shouldKeepSistersApartWhoseGivenNamesDifferWhateverTheScores() {
        // Two daughters of one father in one family: everything agrees but the given name, and a bridge
        // through the second list's record scores high. Lamiyə and Məleykə share letters (Jaro–Winkler 0.7).
        List<LinkRecord> records = List.of(record(0, 0).names("Qurbanova", "Lamiyə", "Əli").build(),
                record(1, 1).names("Курбанова", "Ламия", "Али кызы").build(),
                record(2, 2).names("Qurbanova", "Məleykə", "Əli").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.99f)), Map.of());

        assertThat(roots[0]).isEqualTo(roots[1]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldStillJoinAGivenNameWithATypingError() {
        List<LinkRecord> records = List.of(record(0, 0).names("Qurbanova", "Lamiyə", "Əli").build(),
                record(1, 1).names("Курбанова", "Ламия", "Али кызы").build(),
                record(2, 2).names("Qurbanova", "Lamiye", "Ali").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.99f)), Map.of());

        assertThat(roots[2]).isEqualTo(roots[0]).isEqualTo(roots[1]);
    }

    @Test
    void shouldJoinAGivenNameOneWrongLetterAwayThoughItLooksLikeAnotherName() {
        // Гфсейн for Гусейн: one letter typed wrong in a short name falls below Jaro–Winkler 0.88 against
        // Hüseyn, and the contradiction kept the record out of its own cluster whatever its score.
        List<LinkRecord> records = List.of(record(0, 0).names("Əliyev", "Hüseyn", "Həsən").build(),
                record(1, 1).names("Алиев", "Гусейн", "Гасан оглы").build(),
                record(2, 2).names("Алиев", "Гфсейн", "Гасан оглы").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.99f)), Map.of());

        assertThat(roots[2]).isEqualTo(roots[0]).isEqualTo(roots[1]);
        assertThat(Clusterer.oneTypoApart("fsein", "usein")).isTrue();
        // Two letters apart is another name (Aynur / Anar), and so are names of two letters.
        assertThat(Clusterer.oneTypoApart("ainur", "anar")).isFalse();
        assertThat(Clusterer.oneTypoApart("al", "ali")).isFalse();
    }

    @Test
    void shouldKeepApartFathersWhoseNamesOnlyLookAlike() {
        // Vüsal and Musa reach Jaro–Winkler 0.78: close for a surname, different for a given name.
        List<LinkRecord> records = List.of(record(0, 0).names("Рамизова", "Улдуз", "Вюсал кызы").build(),
                record(1, 1).names("Ramizova", "Ulduz", "").build(),
                record(2, 2).names("Ramizova", "Ulduz", "Musa").build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.999f), new Scored(1, 2, 0.999f)), Map.of());

        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    @Test
    void shouldNeedStrongEvidenceToJoinRecordsNamingDifferentVillages() {
        // Name and birth year alone find a namesake in another village; father's name too is enough.
        List<LinkRecord> records = namesakesOfTwoVillages();
        float weak = placeLink(-2);
        float strong = placeLink(2);

        int[] apart = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(1, 2, weak), new Scored(0, 2, weak)), Map.of());
        int[] joined = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(1, 2, strong), new Scored(0, 2, strong)),
                Map.of());

        assertThat(apart[0]).isEqualTo(apart[1]);
        assertThat(apart[2]).isNotEqualTo(apart[0]);
        assertThat(joined[2]).isEqualTo(joined[0]);
    }

    @Test
    void shouldVetoOnlyWhatTheConfigurationSays() {
        // The same weak links as above: the default place veto keeps the third record apart; with the place's
        // veto off, or with a lower override, nothing does.
        List<LinkRecord> records = namesakesOfTwoVillages();
        float weak = placeLink(-2);
        List<Scored> scored = List.of(new Scored(0, 1, 0.9999f), new Scored(1, 2, weak), new Scored(0, 2, weak));

        int[] vetoed = cluster(records, scored, Map.of(), null, withPlaceVeto(ComparisonSpec.standardVeto("place")));
        int[] unvetoed = cluster(records, scored, Map.of(), null, withPlaceVeto(ComparisonSpec.Veto.NONE));
        int[] overridden = cluster(records, scored, Map.of(), null,
                withPlaceVeto(new ComparisonSpec.Veto(0.80, ComparisonSpec.standardVeto("place").overrideBits() - 4)));

        assertThat(vetoed[2]).isNotEqualTo(vetoed[0]);
        assertThat(unvetoed[2]).isEqualTo(unvetoed[0]);
        assertThat(overridden[2]).isEqualTo(overridden[0]);
    }

    @Test
    void shouldLetOneStrongLinkCarryAnotherVillageForTheRestOfItsCluster() {
        // One man: the committee's record and the hospital's name his village; a press report names the village
        // where he was found. The press report's link with the committee's record (names, birth year, father's
        // name) is strong enough to override the place; its link with the hospital's record, which gives no year,
        // is not, and pair by pair it kept the report out of his cluster for good (hard case, seed 11).
        List<LinkRecord> records = yunisov("Каракенд");
        float weak = placeLink(-3);
        float strong = placeLink(3);

        int[] carried = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(0, 2, strong), new Scored(1, 2, weak)), Map.of());
        int[] bothWeak = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(0, 2, weak), new Scored(1, 2, weak)), Map.of());

        assertThat(carried[2]).isEqualTo(carried[0]).isEqualTo(carried[1]);
        assertThat(bothWeak[0]).isEqualTo(bothWeak[1]);
        assertThat(bothWeak[2]).isNotEqualTo(bothWeak[0]);
    }

    @Test
    void shouldNotLetAStrongLinkCarryAThirdVillage() {
        // The strong link overrides Qarakənd against Talışbəyli; the hospital's record names a third village,
        // Verəsli, whose contradiction with Talışbəyli no strong link shows: the report stays apart.
        List<LinkRecord> records = yunisov("Вересли");

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(0, 2, placeLink(3)), new Scored(1, 2, placeLink(-3))),
                Map.of());

        assertThat(roots[2]).isNotEqualTo(roots[1]);
    }

    /** One man on the committee's list (Qarakənd), the hospital's (the village given) and in a press report (Talışbəyli). */
    private static List<LinkRecord> yunisov(String hospitalVillage) {
        return List.of(record(0, 0).names("Yunisov", "Əli", "Hafiz").born(1984, 0, 0).place("Qarakənd").build(),
                record(1, 1).names("Юнисов", "Али", "Хафиз оглы").place(hospitalVillage).build(),
                record(2, 2).names("Yunisov", "Ali", "").born(1984, 0, 0).place("Talishbeyli").build());
    }

    @Test
    void shouldReadAnAgeRangeAsItsSpanWhenVetoingBirthYears() {
        // "85-95" at 1994 is born 1899-1909: a birth year of 1909 is within it, 1904 its middle is five years off.
        List<LinkRecord> records = List.of(record(0, 0).names("Elnurova", "Nərmin", "").born(1909, 0, 0).build(),
                record(1, 1).names("Elnurova", "Narmin", "").ageRange(85, 95, 1994).build(),
                record(2, 2).names("Elnurova", "Narmin", "").ageRange(60, 70, 1994).build());

        int[] roots = cluster(records, List.of(new Scored(0, 1, 0.9999f), new Scored(0, 2, 0.9999f)), Map.of());

        assertThat(roots[1]).isEqualTo(roots[0]);
        assertThat(roots[2]).isNotEqualTo(roots[0]);
    }

    /** One man in two spellings of one village, and a namesake in another village. */
    private static List<LinkRecord> namesakesOfTwoVillages() {
        return List.of(record(0, 0).names("Məmmədov", "Oqtay", "").place("Yuxarı Daşbulaq").build(),
                record(1, 1).names("Мамедов", "Октай", "").place("Юхары Дашбулаг").build(),
                record(2, 2).names("Mamedov", "Ogtay", "").place("Yukhari Saritepe").build());
    }

    /** The probability of a link {@code bits} above (or below) the default place veto's override. */
    private static float placeLink(double bits) {
        return (float) (1 / (1 + Math.pow(2, -(ComparisonSpec.standardVeto("place").overrideBits() + bits))));
    }

    private static LinkageConfig withPlaceVeto(ComparisonSpec.Veto veto) {
        return CONFIG.withComparisons(CONFIG.comparisons().stream()
                .map(c -> c.field().equals("place") ? new ComparisonSpec(c.field(), c.method(), c.thresholds(), c.termFrequency(), veto,
                        c.disagreementCap(), c.disagreementFloor(), c.sameList()) : c)
                .toList());
    }

    private static LinkageConfig withSameList(Map<String, ComparisonSpec.SameList> rules) {
        return CONFIG.withComparisons(CONFIG.comparisons().stream()
                .map(c -> rules.containsKey(c.field()) ? c.withSameList(rules.get(c.field())) : c)
                .toList());
    }

    @Test
    void shouldFindEveryPairWithinItsLowerRecordsRunAsASearchOfAllPairsWould() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(300);
            java.util.TreeSet<Long> set = new java.util.TreeSet<>();
            int count = random.nextInt(4 * n);
            for (int k = 0; k < count && n > 1; k++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a != b) {
                    set.add(pack(a, b));
                }
            }
            long[] pairs = set.stream().mapToLong(Long::longValue).toArray();
            int[] start = Clusterer.firstStarts(pairs, n);
            assertThat(start).hasSize(n + 1);
            assertThat(start[n]).isEqualTo(pairs.length);
            for (int x = 0; x < n; x++) {
                assertThat(start[x]).isLessThanOrEqualTo(start[x + 1]);
                for (int at = start[x]; at < start[x + 1]; at++) {
                    assertThat((int) (pairs[at] >>> 32)).as("round %d, record %d's run", round, x).isEqualTo(x);
                }
            }
            List<LinkRecord> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                records.add(record(i, i % 3).names("X", "Y", "").build());
            }
            RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
            Clusterer clusterer = new Clusterer(table, pairs, new float[pairs.length], new float[pairs.length], CONFIG, Map.of(), null);
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    if (x != y) {
                        int whole = java.util.Arrays.binarySearch(pairs, pack(x, y));
                        assertThat(clusterer.indexOf(x, y) >= 0 ? clusterer.indexOf(x, y) : -1)
                                .as("round %d, pair %d-%d", round, x, y).isEqualTo(whole >= 0 ? whole : -1);
                    }
                }
            }
        }
    }
}
