package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StrataTest {
    private static final Map<Integer, Long> NORTH = Map.of(1, 100L, 2, 80L, 4, 70L, 3, 20L, 5, 15L, 6, 12L, 7, 4L);
    private static final Map<Integer, Long> SOUTH = Map.of(1, 60L, 2, 50L, 4, 40L, 3, 10L, 5, 9L, 6, 8L, 7, 2L);

    @Test
    void shouldPoolBayesianStrataBySummingTheirPosteriorDraws() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("north", CaptureHistories.of(List.of("A", "B", "C"), NORTH));
        strata.put("south", CaptureHistories.of(List.of("A", "B", "C"), SOUTH));

        EstimationResult total = (EstimationResult) Estimators.estimateByStratum(strata, Method.BMA, Criterion.BIC, EstimationOptions.defaults());

        EstimationResult north = (EstimationResult) total.strata().get(0).outcome();
        EstimationResult south = (EstimationResult) total.strata().get(1).outcome();
        assertThat(total.intervalKind()).isEqualTo(IntervalKind.CREDIBLE);
        assertThat(total.observed()).isEqualTo(north.observed() + south.observed());
        // the median of a sum is near the sum of the medians for these near-symmetric posteriors
        assertThat(total.estimate()).isCloseTo(north.estimate() + south.estimate(), within(0.02 * total.estimate()));
        // independent uncertainties add in quadrature: the total's interval is narrower than the sum of the two widths
        double width = total.upper() - total.lower();
        assertThat(width).isLessThan(north.upper() - north.lower() + south.upper() - south.lower());
        assertThat(width).isGreaterThan(Math.max(north.upper() - north.lower(), south.upper() - south.lower()));
        assertThat(total.draws()).isPresent();
        assertThat(total.warnings()).anySatisfy(warning -> assertThat(warning).contains("pooled as HRDAG does"));
    }

    @Test
    void shouldEstimateAStratumFromTheListsThatReachIt() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("north", CaptureHistories.of(List.of("A", "B", "C", "D"), Map.ofEntries(Map.entry(1, 100L), Map.entry(2, 80L),
                Map.entry(4, 70L), Map.entry(3, 20L), Map.entry(5, 15L), Map.entry(6, 12L), Map.entry(7, 4L), Map.entry(8, 30L),
                Map.entry(9, 6L), Map.entry(10, 5L), Map.entry(12, 7L))));
        // list D reaches nobody in the south
        strata.put("south", CaptureHistories.of(List.of("A", "B", "C", "D"), SOUTH));

        EstimationOutcome outcome = Estimators.estimateByStratum(strata, Method.BMA, Criterion.BIC, EstimationOptions.defaults());

        assertThat(outcome).isInstanceOfSatisfying(EstimationResult.class, total -> {
            assertThat(total.warnings()).anySatisfy(warning -> assertThat(warning)
                    .isEqualTo("stratum \"south\": D records nobody in it, so it is estimated from the other 3 lists"));
            assertThat(total.strata()).hasSize(2);
        });
    }

    @Test
    void shouldEstimateATinyStratumThatCannotStandAloneWithTheLargestAndSaySo() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("male", CaptureHistories.of(List.of("A", "B", "C"), NORTH));
        strata.put("unknown", CaptureHistories.of(List.of("A", "B", "C"), Map.of(4, 6L)));
        strata.put("female", CaptureHistories.of(List.of("A", "B", "C"), SOUTH));

        EstimationResult total = (EstimationResult) Estimators.estimateByStratum(strata, Method.BMA, Criterion.BIC,
                EstimationOptions.defaults());

        assertThat(total.observed()).as("no recorded person is dropped").isEqualTo(301 + 179 + 6);
        assertThat(total.strata()).extracting(StratumOutcome::stratum).containsExactly("male", "female");
        assertThat(total.strata().getFirst().outcome().observed()).isEqualTo(307);
        assertThat(total.warnings()).anySatisfy(warning -> assertThat(warning)
                .startsWith("stratum \"unknown\" (6 recorded) cannot be estimated on its own").endsWith("estimated with stratum \"male\""));
    }

    @Test
    void shouldKeepTheSamePeopleWhenDroppingAListThatRecordsNobody() {
        CaptureHistories table = CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 10L, 4, 7L, 5, 3L));

        CaptureHistories reached = table.withoutEmptyLists();

        assertThat(reached.listNames()).containsExactly("A", "C");
        assertThat(reached.observed()).isEqualTo(20);
        assertThat(reached.count(0b11)).isEqualTo(3);
        assertThat(reached.count(0b10)).isEqualTo(7);
    }
}
