package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RefusalTest {
    private static final EstimationOptions OPTIONS = EstimationOptions.defaults().withBootstrapResamples(100);

    @Test
    void shouldRefuseWhenAListSharesNobodyWithAnyOther() {
        CaptureHistories data = CaptureHistories.of(List.of("A", "B", "HRW"), Map.of(1, 100L, 2, 80L, 3, 30L, 4, 50L));

        EstimationOutcome outcome = Estimators.estimate(data, Method.LOGLINEAR, Criterion.BIC, OPTIONS);

        assertThat(outcome).isInstanceOfSatisfying(EstimationRefusal.class, refusal ->
                assertThat(refusal.reason()).isEqualTo("list \"HRW\" shares nobody with any other list, so nothing tells how many people it missed"));
    }

    @Test
    void shouldRefuseTwoListsWithZeroOverlap() {
        CaptureHistories data = CaptureHistories.of(List.of("A", "B"), Map.of(1, 100L, 2, 80L));

        assertThat(Estimators.estimate(data, Method.LOGLINEAR, Criterion.BIC, OPTIONS)).isInstanceOf(EstimationRefusal.class);
    }

    @Test
    void shouldRefuseAListThatRecordsNobody() {
        CaptureHistories data = CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 100L, 2, 80L, 3, 30L));

        assertThat(Estimators.estimate(data, Method.STEPWISE, Criterion.AIC, OPTIONS)).isInstanceOfSatisfying(EstimationRefusal.class,
                refusal -> assertThat(refusal.reason()).contains("list \"C\" records nobody"));
    }

    @Test
    void shouldGiveLincolnPetersenWithWarningForTwoLists() {
        CaptureHistories data = CaptureHistories.of(List.of("A", "B"), Map.of(1, 60L, 2, 30L, 3, 20L));

        EstimationOutcome outcome = Estimators.estimate(data, Method.LOGLINEAR, Criterion.BIC, OPTIONS);

        assertThat(outcome).isInstanceOfSatisfying(EstimationResult.class, result -> {
            // Lincoln–Petersen: n1 · n2 / m = 80 · 50 / 20
            assertThat(result.estimate()).isCloseTo(200, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(result.model().orElseThrow().description()).isEqualTo("lists are independent (no interactions)");
            assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("Lincoln–Petersen"));
        });
    }

    @Test
    void shouldRejectInteractionBetweenListsThatShareNobody() {
        // lists 1 and 2 share nobody; every model with [12] must be rejected, not fitted to a huge number
        CaptureHistories data = CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 100L, 2, 80L, 4, 90L, 5, 30L, 6, 25L));

        EstimationResult result = (EstimationResult) Estimators.estimate(data, Method.LOGLINEAR, Criterion.AIC, OPTIONS);

        assertThat(result.model().orElseThrow().notation()).doesNotContain("12");
        assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("left out"));
    }

    @Test
    void shouldReportEmptyStratumAndRefuseTotalWhenAStratumCannotBeEstimated() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("north", CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 100L, 2, 80L, 4, 70L, 3, 20L, 5, 15L, 6, 12L, 7, 4L)));
        strata.put("empty", CaptureHistories.of(List.of("A", "B", "C"), Map.of()));
        strata.put("south", CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 100L, 2, 80L, 4, 70L)));

        EstimationOutcome outcome = Estimators.estimateByStratum(strata, Method.LOGLINEAR, Criterion.BIC, OPTIONS);

        assertThat(outcome).isInstanceOfSatisfying(EstimationRefusal.class, refusal -> {
            assertThat(refusal.reason()).contains("stratum \"south\"");
            assertThat(refusal.warnings()).anySatisfy(warning -> assertThat(warning).contains("stratum \"empty\" is empty"));
        });
    }

    @Test
    void shouldSumStrataEstimatesAndVariances() {
        Map<String, CaptureHistories> strata = new LinkedHashMap<>();
        strata.put("north", CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 100L, 2, 80L, 4, 70L, 3, 20L, 5, 15L, 6, 12L, 7, 4L)));
        strata.put("south", CaptureHistories.of(List.of("A", "B", "C"), Map.of(1, 60L, 2, 50L, 4, 40L, 3, 10L, 5, 9L, 6, 8L, 7, 2L)));

        EstimationResult total = (EstimationResult) Estimators.estimateByStratum(strata, Method.LOGLINEAR, Criterion.BIC, OPTIONS);

        double sum = total.strata().stream().mapToDouble(s -> ((EstimationResult) s.outcome()).estimate()).sum();
        assertThat(total.estimate()).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(total.intervalKind()).isEqualTo(IntervalKind.NORMAL_SUM);
        assertThat(total.strata()).hasSize(2);
    }
}
