package org.nomina.engine.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Our figures against published ones (Rcapture for Kosovo, HIV and hare; SparseMSE for the UK modern
 * slavery tables). Tolerances: point estimates ±1 to ±5 people (rounding in the references), profile
 * bounds ±15 (Rcapture interpolates on an integer grid), bootstrap bounds ±300 (Monte Carlo error of
 * 1,000 resamples with a different random stream from R's).
 */
class PublishedResultsTest {
    private static final EstimationOptions DEFAULTS = EstimationOptions.defaults();

    @Test
    void shouldEnumerate113HierarchicalModelsForFourLists() {
        assertThat(LogLinearModel.allHierarchical(4)).hasSize(113);
        assertThat(LogLinearModel.allHierarchical(3)).hasSize(8);
    }

    @Test
    void shouldReproduceKosovoBicModelEstimateAndProfileInterval() {
        EstimationResult result = (EstimationResult) Estimators.estimate(SharedData.table("kosovo_4lists.csv"),
                Method.LOGLINEAR, Criterion.BIC, DEFAULTS);

        assertThat(result.model()).hasValueSatisfying(model -> {
            assertThat(model.notation()).isEqualTo("[123,14,34]");
            assertThat(model.description()).isEqualTo("lists 1, 2 and 3 interact; 1 with 4; 3 with 4");
        });
        assertThat(result.observed()).isEqualTo(4400);
        assertThat(result.estimate()).isCloseTo(10_356.5, within(1.0));
        assertThat(result.standardError().getAsDouble()).isCloseTo(785.9, within(5.0));
        assertThat(result.intervalKind()).isEqualTo(IntervalKind.PROFILE);
        assertThat(result.lower()).isCloseTo(8_994, within(15.0));
        assertThat(result.upper()).isCloseTo(12_110, within(15.0));
        assertThat(result.criterion()).hasValueSatisfying(value -> assertThat(value.criterion()).isEqualTo(Criterion.BIC));
    }

    @Test
    void shouldReproduceHivMainEffectsPlusInteraction12() {
        CaptureHistories hiv = SharedData.table("hiv_4lists.csv");
        LogLinearFit fit = LogLinearFit.fit(hiv, LogLinearModel.generatedBy(4, java.util.List.of(0b0011)),
                LogLinearFit.EmptyMargins.REJECT, java.util.Optional.empty());
        ProfileLikelihood.Bounds bounds = ProfileLikelihood.interval(fit, 0.95);

        assertThat(fit.model().notation()).isEqualTo("[12,3,4]");
        assertThat(fit.estimate()).isCloseTo(12_318.5, within(1.0));
        assertThat(bounds.lower()).isCloseTo(10_266, within(15.0));
        assertThat(bounds.upper()).isCloseTo(14_992, within(15.0));
    }

    @Test
    void shouldChooseMainEffectsPlus12ForHivByAic() {
        EstimationResult result = (EstimationResult) Estimators.estimate(SharedData.table("hiv_4lists.csv"),
                Method.LOGLINEAR, Criterion.AIC, DEFAULTS);

        assertThat(result.model().orElseThrow().notation()).isEqualTo("[12,3,4]");
        assertThat(result.estimate()).isCloseTo(12_318.5, within(1.0));
    }

    @Test
    void shouldReproduceHareIndependenceModelFromPerIndividualRows() {
        CaptureHistories hare = SharedData.table("hare_6occasions.csv");
        LogLinearFit fit = LogLinearFit.fit(hare, LogLinearModel.independence(6), LogLinearFit.EmptyMargins.REJECT, java.util.Optional.empty());

        assertThat(hare.observed()).isEqualTo(68);
        assertThat(fit.estimate()).isCloseTo(75.1, within(0.05));
        assertThat(fit.standardError()).isCloseTo(3.4, within(0.05));
    }

    @Test
    void shouldReproduceStepwiseEstimateForUkFiveLists() {
        ModelSelection.Selection selection = ModelSelection.stepwise(SharedData.table("uk_modern_slavery_5lists.csv"), 0.02, Criterion.AIC);

        assertThat(selection.fit().estimate()).isCloseTo(11_313, within(5.0));
    }

    @Test
    void shouldReproduceStepwiseEstimateForUkSixLists() {
        ModelSelection.Selection selection = ModelSelection.stepwise(SharedData.table("uk_modern_slavery_6lists.csv"), 0.02, Criterion.AIC);

        assertThat(selection.fit().estimate()).isCloseTo(11_418, within(5.0));
    }

    /**
     * Why our interval is wider than SparseMSE's published 9,884–13,027: that interval is what the BCa
     * bootstrap gives when each resample refits the model chosen on the real table (below: the same
     * resampling, jackknife and type-8 quantiles with the model fixed reproduce it within the ±300 of
     * bootstrap error); ours repeats the stepwise choice in every resample, as the method is described,
     * and about 15% of resamples then take lists 2 and 3 as dependent and give 20,000 or more. On tables
     * simulated from the fit itself (bench/estimate.sh) ours covers the truth 89% of the time, the
     * fixed-model interval 74%: ours is the better interval, and we keep it.
     */
    @Test
    void shouldReproduceThePublishedUkIntervalWhenOnlyTheChosenModelIsRefitted() {
        CaptureHistories uk = SharedData.table("uk_modern_slavery_5lists.csv");
        LogLinearFit chosen = ModelSelection.stepwise(uk, 0.02, Criterion.AIC).fit();

        Bootstrap.Interval fixed = Bootstrap.bca(uk, sample -> {
            try {
                return java.util.OptionalDouble.of(LogLinearFit.fit(sample, chosen.model(), LogLinearFit.EmptyMargins.EXTENDED,
                        java.util.Optional.empty()).estimate());
            } catch (ModelRejectedException e) {
                return java.util.OptionalDouble.empty();
            }
        }, chosen.estimate(), 1000, DEFAULTS.seed(), 0.95);

        System.out.printf("UK 5 lists, BCa refitting the chosen model only: [%.1f, %.1f]%n", fixed.lower(), fixed.upper());
        assertThat(fixed.lower()).isCloseTo(9_884, within(300.0));
        assertThat(fixed.upper()).isCloseTo(13_027, within(300.0));
    }

    /**
     * Our interval repeats the model choice in every resample and is wider than the published one (see
     * above); it must contain it.
     */
    @Test
    void shouldGiveBcaIntervalForUkFiveListsContainingThePublishedOne() {
        EstimationResult result = (EstimationResult) Estimators.estimate(SharedData.table("uk_modern_slavery_5lists.csv"),
                Method.STEPWISE, Criterion.AIC, DEFAULTS);

        System.out.printf("UK 5 lists stepwise: %.1f BCa [%.1f, %.1f] warnings %s%n", result.estimate(), result.lower(), result.upper(), result.warnings());
        assertThat(result.intervalKind()).isEqualTo(IntervalKind.BOOTSTRAP_BCA);
        assertThat(result.estimate()).isCloseTo(11_313, within(5.0));
        assertThat(result.lower()).isBetween(8_500.0, 9_884.0 + 300);
        assertThat(result.upper()).isBetween(13_027.0 - 300, 17_000.0);
    }
}
