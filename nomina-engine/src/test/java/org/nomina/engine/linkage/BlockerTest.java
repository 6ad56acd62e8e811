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
}
