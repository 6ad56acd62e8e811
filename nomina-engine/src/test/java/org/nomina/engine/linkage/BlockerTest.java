package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;
import org.nomina.engine.names.PhoneticKeys;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nomina.engine.linkage.Records.record;

/** The default blocking rules on records of the shapes testimonies and press reports give. */
class BlockerTest {

    private static long[] candidates(List<LinkRecord> records) {
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        return new Blocker(table, new PhoneticKeys())
                .block(LinkageConfig.defaults().blockingRules(), LinkageConfig.defaults().blockCap(), () -> { })
                .pairs();
    }

    private static boolean paired(long[] pairs, int a, int b) {
        return Arrays.binarySearch(pairs, (long) Math.min(a, b) << 32 | Math.max(a, b)) >= 0;
    }

    @Test
    void shouldPairATestimonyWithoutBirthYearOrPlaceByItsNamesAlone() {
        // A testimony gives a name and nothing else; the committee's list gives a year and a village.
        long[] pairs = candidates(List.of(
                record(0, 0).names("Xanlarova", "Rəhilə", "Əli").born(1925, 0, 0).place("Qarakənd kəndi").build(),
                record(1, 1).names("Khanlarova", "Rahila", "").build(),
                // The same names with a year on both sides and different villages: two namesakes, left to
                // the rules that need a year.
                record(2, 2).names("Xanlarova", "Rəhilə", "").born(1960, 0, 0).place("Verəsli").build()));

        assertThat(paired(pairs, 0, 1)).isTrue();
        assertThat(paired(pairs, 1, 2)).isTrue();
        assertThat(paired(pairs, 0, 2)).isFalse();
    }

    @Test
    void shouldNotPairNamesAloneAmongMoreNamesakesThanTheLimit() {
        // One name held by more records than the limit: a record giving only that name and a village pairs
        // with the namesakes of its village, not with every namesake of the district.
        List<LinkRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < Blocker.SPARSE_BLOCK_LIMIT; i++) {
            records.add(record(i, 0).names("Məmmədov", "Əli", "").born(1920 + i % 60, 0, 0)
                    .place(i == 0 ? "Verəsli" : "Nomkənd").build());
        }
        int sparse = Blocker.SPARSE_BLOCK_LIMIT;
        records.add(record(sparse, 1).names("Mamedov", "Ali", "").place("Верасли").build());
        long[] pairs = candidates(records);

        assertThat(paired(pairs, sparse, 0)).isTrue();
        assertThat(paired(pairs, sparse, 1)).isFalse();
    }

    @Test
    void shouldPairAGivenNameTypedWrongOnAListWithoutBirthYears() {
        // Husezn for Hüseyn, no birth year on the testimony: the village and the surname find it.
        long[] pairs = candidates(List.of(
                record(0, 0).names("Hüseynov", "Hüseyn", "Əsəd").born(1949, 0, 0).place("Nomkənd").build(),
                record(1, 1).names("Guseynov", "Husezn", "").place("village of Nomkend").build()));

        assertThat(paired(pairs, 0, 1)).isTrue();
    }

    @Test
    void shouldPairAnAgeARecalledYearOffWithTheBirthYear() {
        // 13 in 1994 gives 1980 or 1981; she was born in 1979. Another village, so only the year can pair.
        long[] pairs = candidates(List.of(
                record(0, 0).names("Musayeva", "Könül", "Səfər").born(1979, 0, 0).place("Nomkənd").build(),
                record(1, 1).names("Musayeva", "Konul", "").age(13, 1994).place("Gozaltapa").build(),
                record(2, 2).names("Musayeva", "Könül", "").born(1975, 0, 0).place("Verəsli").build()));

        assertThat(paired(pairs, 0, 1)).isTrue();
        assertThat(paired(pairs, 1, 2)).isFalse();
    }

    @Test
    void shouldPairARecordWithoutPlaceWhoseAgeIsYearsOffByItsNamesFamilies() {
        // The ALL-CAPS list gives an age five years off and no village; the register gives a year and a village.
        // Both give a year, so the names-alone rule for records without year does not apply, and the years are
        // too far apart for the rules on the year.
        long[] pairs = candidates(List.of(
                record(0, 0).names("Hovhannisyan", "Gohar", "Aşot").born(1950, 0, 0).place("Çezzayurd").build(),
                record(1, 1).names("OGANESYAN", "GOAR", "").age(38, 1993).build(),
                // The same names with a year and another village on both sides: namesakes, not paired.
                record(2, 2).names("Ovanesyan", "Goar", "").born(1930, 0, 0).place("Nurabulun").build()));

        assertThat(paired(pairs, 0, 1)).isTrue();
        assertThat(paired(pairs, 1, 2)).isTrue();
        assertThat(paired(pairs, 0, 2)).isFalse();
    }

    @Test
    void shouldPairASurnameTypedWrongOnARecordWithoutBirthYearByTheGivenNameAndPlace() {
        // Tahisov for Tahirov, on a press report without year or age: its surname's family, consonants and
        // metaphone all differ from Tahirov's, and every rule without the surname needs a year.
        List<LinkRecord> records = new java.util.ArrayList<>();
        String[] given = {"Əli", "Vüqar", "Elçin", "Fərid", "Rauf"};
        // Tahirov is common (40 records, 20 times the typed Tahisov's two).
        for (int i = 0; i < 20; i++) {
            records.add(record(i, i % 3).names("Tahirov", given[i % given.length], "").born(1930 + i, 0, 0)
                    .place(i % 2 == 0 ? "Verəsli" : "Qarakənd").build());
            records.add(record(100 + i, i % 3).names("Tahirov", given[i % given.length], "").born(1950 + i, 0, 0)
                    .place("Gözəltəpə").build());
        }
        int tahirov = records.size();
        records.add(record(20, 0).names("Tahirov", "Rəşid", "").born(1954, 0, 0).place("Nomkənd").build());
        int typed = records.size();
        records.add(record(21, 1).names("Tahisov", "Rashid", "Ramiz").place("VILLAGE OF NOMKEND").build());
        // The same typing error on a record that gives a year: the rules on the year are its chance, not this one.
        int typedWithYear = records.size();
        records.add(record(22, 2).names("Tahisov", "Rəşid", "").born(1960, 0, 0).place("Nomkənd").build());
        // Two real surnames one edit apart, both common (Səfərov / Cəfərov): not a typing error.
        for (int i = 0; i < 20; i++) {
            records.add(record(23 + i, i % 3).names("Səfərov", given[i % given.length], "").born(1930 + i, 0, 0).place("Verəsli").build());
            records.add(record(43 + i, i % 3).names("Cəfərov", given[i % given.length], "").born(1940 + i, 0, 0).place("Verəsli").build());
        }
        int safarov = records.size();
        records.add(record(63, 0).names("Səfərov", "Tofiq", "").born(1950, 0, 0).place("Nomkənd").build());
        records.add(record(64, 1).names("Cəfərov", "Tofiq", "").place("Nomkənd").build());
        long[] pairs = candidates(records);

        assertThat(paired(pairs, tahirov, typed)).isTrue();
        assertThat(paired(pairs, tahirov, typedWithYear)).isFalse();
        assertThat(paired(pairs, safarov, safarov + 1)).isFalse();
    }


    private static final String[] FATHERS = {"Həsən", "Hüseyn", "Əli", "Vəli", "Cəfər", "Rəhim", "Kərim", "Qasım",
            "Tofiq", "Rauf", "Vüqar", "Elçin", "İlham", "Fərid", "Rəşid", "Abbas", "Xəlil", "Əhməd", "Ələkbər", "Rəsul"};

    /**
     * A town where everyone is Məmməd Məmmədov: {@code persons} persons, each on two lists, told apart only by
     * birth year and father's name (each person's pair unique), so that every rule's key that includes no year
     * is the same for all.
     */
    private static List<LinkRecord> oneNameTown(int persons) {
        List<LinkRecord> records = new java.util.ArrayList<>();
        for (int p = 0; p < persons; p++) {
            int year = 1925 + p % 70;
            String father = FATHERS[p / 70 % FATHERS.length];
            records.add(record(2L * p, 0).names("Məmmədov", "Məmməd", father).born(year, 0, 0).place("Nomkənd").build());
            records.add(record(2L * p + 1, 1).names("Мамедов", "Мамед", father).born(year, 0, 0).place("Nomkənd").build());
        }
        return records;
    }

    @Test
    void shouldKeepTheCandidatePairsWithinTheBudgetWhenEveryRecordSharesEveryKey() {
        // 900 persons, 1,800 records under the cap of 2,000: all with all, each rule without the year would
        // give 1.6 million pairs. With a budget of 200,000, the blocks are split by sorted neighbourhood instead.
        List<LinkRecord> records = oneNameTown(900);
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        long budget = 200_000;
        Blocker.Candidates candidates = new Blocker(table, new PhoneticKeys(), budget)
                .block(LinkageConfig.defaults().blockingRules(), LinkageConfig.defaults().blockCap(), () -> { });

        long generated = candidates.counts().stream().mapToLong(RuleCount::generated).sum();
        assertThat(generated).isLessThanOrEqualTo(budget);
        assertThat(candidates.pairs().length).isLessThanOrEqualTo((int) generated);
        assertThat(candidates.capped()).isNotEmpty()
                .allSatisfy(block -> assertThat(block.pairs()).isLessThanOrEqualTo(2L * Blocker.WINDOW * block.size()));
        // Each person's two records agree on year and father, which no one else shares: neighbours in both orders.
        for (int p = 0; p < 900; p++) {
            assertThat(paired(candidates.pairs(), 2 * p, 2 * p + 1)).as("person %d", p).isTrue();
        }
    }

    @Test
    void shouldNotSplitABlockOfNamesakesForTheRecordsWithoutPlace() {
        // 1,200 persons of one name above the cap of 2,000 records, a tenth of them without a village: their names
        // alone are a guess among namesakes, so the rule for records without place gives no pair at all, where a
        // sorted neighbourhood would have paired each record with its 40 neighbours whatever their places.
        List<LinkRecord> records = new java.util.ArrayList<>();
        for (LinkRecord r : oneNameTown(1_200)) {
            records.add(r.key() % 10 == 0 ? record(r.key(), r.sourceIndex()).names(r.surname(), r.givenName(), r.patronymic())
                    .born(r.birthYear(), 0, 0).build() : r);
        }
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        Blocker.Candidates candidates = new Blocker(table, new PhoneticKeys())
                .block(LinkageConfig.defaults().blockingRules(), LinkageConfig.defaults().blockCap(), () -> { });

        assertThat(candidates.counts()).filteredOn(count -> count.rule().endsWith("one_without_place"))
                .singleElement().satisfies(count -> assertThat(count.generated()).isZero());
        assertThat(candidates.capped()).noneMatch(block -> block.rule().endsWith("one_without_place"));
    }

    @Test
    void shouldPairAllWithAllWhenTheBudgetAllows() {
        List<LinkRecord> records = oneNameTown(100);
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        Blocker.Candidates candidates = new Blocker(table, new PhoneticKeys())
                .block(LinkageConfig.defaults().blockingRules(), LinkageConfig.defaults().blockCap(), () -> { });

        // 200 records, every one in the block of every rule: all 19,900 pairs, none split.
        assertThat(candidates.pairs()).hasSize(200 * 199 / 2);
        assertThat(candidates.capped()).isEmpty();
    }

    @Test
    void shouldHalveTheAllWithAllSizeThenTheWindowUntilThePairsFit() {
        int[][] sizes = {{1_000, 1_000, 3}, {500}};
        long allWithAll = 2 * (1_000L * 999 / 2) + 3 + 500L * 499 / 2;

        Blocker.Plan roomy = Blocker.plan(sizes, 2_000, allWithAll);
        assertThat(roomy.allPairs()).isEqualTo(2_000);
        assertThat(roomy.window()).isEqualTo(Blocker.WINDOW);
        assertThat(roomy.total()).isEqualTo(allWithAll);

        Blocker.Plan tight = Blocker.plan(sizes, 2_000, 100_000);
        assertThat(tight.total()).isLessThanOrEqualTo(100_000);
        assertThat(tight.allPairs()).isLessThan(1_000);
        assertThat(tight.generated()[0]).isEqualTo(2 * Blocker.blockPairs(1_000, tight.allPairs(), tight.window()) + 3);

        // No budget can be met below window 1: two pairs per record of a split block, and no fewer.
        Blocker.Plan least = Blocker.plan(sizes, 2_000, 0);
        assertThat(least.window()).isEqualTo(1);
        assertThat(least.total()).isEqualTo(2 * 2 * (1_000L - 1) + 3 + 2 * (500 - 1));
    }

    @Test
    void shouldMergeEachRulesPairsIntoTheUnionAsASortedMapOfMasksWould() {
        // Unions and rules of every shape: empty, far apart, interleaved, one inside the other, long runs between
        // a rule's pairs (the galloping copy) and short ones (the element loop), with repeats in the rule's pairs.
        java.util.Random random = new java.util.Random(29);
        for (int round = 0; round < 300; round++) {
            java.util.TreeMap<Long, Short> expected = new java.util.TreeMap<>();
            long[] pairs = new long[0];
            short[] masks = new short[0];
            int rules = 1 + random.nextInt(6);
            for (int r = 0; r < rules; r++) {
                int size = random.nextInt(round % 3 == 0 ? 5 : 2_000);
                long span = 1 + random.nextInt(round % 2 == 0 ? 50 : 100_000);
                long offset = random.nextInt(1_000);
                long[] mine = new long[size];
                for (int k = 0; k < size; k++) {
                    mine[k] = offset + (long) (random.nextDouble() * span);
                }
                Arrays.sort(mine);
                short bit = (short) (1 << r);
                for (long v : mine) {
                    expected.merge(v, bit, (a, b) -> (short) (a | b));
                }
                int distinct = Blocker.unique(mine, size);
                int added = Blocker.missing(pairs, mine, distinct);
                long[] merged = new long[pairs.length + added];
                short[] mergedMasks = new short[merged.length];
                Blocker.merge(pairs, masks, mine, distinct, bit, merged, mergedMasks);
                pairs = merged;
                masks = mergedMasks;
            }
            assertThat(pairs).as("round %d", round).containsExactly(expected.keySet().stream().mapToLong(Long::longValue).toArray());
            short[] expectedMasks = new short[expected.size()];
            int k = 0;
            for (short m : expected.values()) {
                expectedMasks[k++] = m;
            }
            assertThat(masks).as("round %d", round).containsExactly(expectedMasks);
        }
    }

    @Test
    void shouldGallopToTheFirstValueAtLeastTheKey() {
        long[] sorted = {2, 4, 5, 8, 16, 32, 64, 128};
        for (int from = 0; from <= sorted.length; from++) {
            for (long key = 0; key <= 130; key++) {
                int expected = from;
                while (expected < sorted.length && sorted[expected] < key) {
                    expected++;
                }
                assertThat(Blocker.gallop(sorted, from, key)).as("from %d, key %d", from, key).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldSortPairsByRadixAsArraysSortWould() {
        java.util.Random random = new java.util.Random(17);
        long[] scratch = null;
        int[] sizes = {0, 1, 1000, Blocker.RADIX_MIN - 1, Blocker.RADIX_MIN, Blocker.RADIX_MIN + 12_345, 400_000};
        int[] indexBits = {1, 2, 7, 13, 20, 21, 27, 31};
        for (int size : sizes) {
            for (int bits : indexBits) {
                long limit = 1L << bits;
                long[] pairs = new long[size + 5];
                for (int i = 0; i < size; i++) {
                    // Repeats and the largest indices too; a below b as the blocker writes them, except at one bit.
                    long a = i % 97 == 0 ? limit - 1 : (long) (random.nextDouble() * limit);
                    long b = i % 89 == 0 ? limit - 1 : (long) (random.nextDouble() * limit);
                    pairs[i] = i % 5 == 0 && i > 0 ? pairs[i - 1] : Math.min(a, b) << 32 | Math.max(a, b);
                }
                long[] expected = java.util.Arrays.copyOf(pairs, size);
                java.util.Arrays.sort(expected);
                long[] tail = java.util.Arrays.copyOfRange(pairs, size, pairs.length);
                scratch = Blocker.sortPairs(pairs, size, bits, scratch);
                // The first place the sorted pairs differ from Arrays.sort's (AssertJ's element lists are too slow here).
                assertThat(java.util.Arrays.mismatch(java.util.Arrays.copyOf(pairs, size), expected))
                        .as("%d pairs of %d-bit indices: first index out of order", size, bits).isEqualTo(-1);
                assertThat(java.util.Arrays.copyOfRange(pairs, size, pairs.length)).as("beyond the pairs").containsExactly(tail);
            }
        }
        assertThat(scratch).as("grown once to the largest, then reused").hasSizeGreaterThanOrEqualTo(400_000);
    }
}
