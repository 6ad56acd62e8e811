package org.nomina.store.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The quickselect (commons-math3's KthSelector) behind the review queue's floor must agree with sorting. */
class ReviewFloorTest {

    @Property
    void shouldFindTheSameKthLargestValueAsSorting(@ForAll @Size(min = 1, max = 300) List<Double> values, @ForAll @IntRange(min = 1, max = 300) int k) {
        Assume.that(k <= values.size());
        double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] sorted = array.clone();
        Arrays.sort(sorted);
        assertThat(PairWriter.largest(array, k)).isEqualTo(sorted[sorted.length - k]);
    }

    @Property
    void shouldHandleManyEqualProbabilities(@ForAll @Size(min = 1, max = 500) List<@IntRange(min = 0, max = 3) Integer> levels,
                                            @ForAll @IntRange(min = 1, max = 500) int k) {
        Assume.that(k <= levels.size());
        double[] array = levels.stream().mapToDouble(l -> l / 4.0).toArray();
        double[] sorted = array.clone();
        Arrays.sort(sorted);
        assertThat(PairWriter.largest(array, k)).isEqualTo(sorted[sorted.length - k]);
    }
}
