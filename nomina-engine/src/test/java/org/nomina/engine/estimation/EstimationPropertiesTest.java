package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EstimationPropertiesTest {

    @Provide
    Arbitrary<CaptureHistories> threeListTables() {
        return Arbitraries.longs().between(0, 400).list().ofSize(7).map(values -> {
            Map<Integer, Long> counts = new HashMap<>();
            for (int history = 1; history <= 7; history++) {
                counts.put(history, values.get(history - 1));
            }
            return CaptureHistories.of(List.of("A", "B", "C"), counts);
        });
    }

    @Property(tries = 200)
    void shouldReadBackWhatItWrites(@ForAll("threeListTables") CaptureHistories table) {
        assertThat(CsvHistories.read(table.toCsv())).isEqualTo(table);
    }

    @Property(tries = 150)
    void shouldNeverEstimateFewerThanObservedOrAnIntervalWithoutTheEstimate(@ForAll("threeListTables") CaptureHistories table) {
        EstimationOutcome outcome = Estimators.estimate(table, Method.LOGLINEAR, Criterion.AIC, EstimationOptions.defaults());

        switch (outcome) {
            case EstimationResult result -> {
                assertThat(result.estimate()).isGreaterThanOrEqualTo(result.observed());
                assertThat(result.lower()).isBetween((double) result.observed(), result.estimate());
                assertThat(result.upper()).isGreaterThanOrEqualTo(result.estimate());
            }
            case EstimationRefusal refusal -> assertThat(refusal.reason()).isNotBlank();
        }
    }
}
