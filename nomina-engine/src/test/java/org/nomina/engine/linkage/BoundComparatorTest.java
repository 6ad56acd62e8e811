package org.nomina.engine.linkage;

import org.junit.jupiter.api.Test;
import org.nomina.engine.names.NameNormaliser;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compare stage's bound comparators ({@link FieldComparator#bind}, with their memos) give every pair the level
 * the plain comparison gives, on first sight and when the memo answers.
 */
class BoundComparatorTest {

    @Test
    void shouldGiveTheLevelsOfThePlainComparisonsOnceAndAgainFromTheMemo() {
        List<LinkRecord> records = SyntheticPopulation.generate(600, 3, 5).records();
        RecordTable table = new RecordTable(records, Set.of(), NameNormaliser.shared());
        long compared = 0;
        List<String> differing = new java.util.ArrayList<>();
        for (ComparisonSpec spec : LinkageConfig.defaults().comparisons()) {
            FieldComparator comparator = FieldComparator.of(spec);
            FieldComparator.Bound bound = comparator.bind(table);
            for (int round = 0; round < 2; round++) {
                for (int a = 0; a < table.size; a++) {
                    for (int b = a + 1; b < table.size; b += 7) {
                        int memoised = bound.level(a, b);
                        int plain = comparator.level(table, a, b);
                        if (memoised != plain) {
                            differing.add(spec.field() + " of " + a + " and " + b + ": " + memoised + " against " + plain);
                        }
                        compared++;
                    }
                }
            }
        }
        assertThat(differing).isEmpty();
        assertThat(compared).isGreaterThan(100_000);
    }
}
