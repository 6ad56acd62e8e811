package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Is the stepwise BCa interval on the UK five-list table right? Data are simulated from the stepwise fit
 * itself (as SparseMSE's {@code BICandbootstrapsim} does): the true total is the fit's 11,313, the number
 * recorded is binomial and its split over histories multinomial with the fit's expected counts. On each
 * simulated table the whole method is run (stepwise choice, BCa bootstrap repeating it); printed: how often
 * the interval holds the truth, its median bounds, and how often the choice took lists 2 and 3 (NG and
 * PFNCA) as dependent, which the generating model does not — the resamples that do so make the long upper
 * tail of our interval. Beside it the same BCa with the model chosen on the table refitted in every
 * resample (no repeated choice), whose interval on the real table, 9,960–13,150, is SparseMSE's published
 * 9,884–13,027. Run by {@code bench/estimate.sh}; not a test.
 */
final class BootstrapCalibration {
    private BootstrapCalibration() {
    }

    static void run(CaptureHistories uk, int tables, int resamples, long seed) {
        LogLinearFit fit = ModelSelection.stepwise(uk, 0.02, Criterion.AIC).fit();
        long truth = Math.round(fit.estimate());
        double[] expected = new double[uk.cellCount()];
        double recordedShare = 0;
        for (int r = 0; r < fit.rows().length; r++) {
            expected[fit.rows()[r]] = fit.fit().fitted()[r];
            recordedShare += fit.fit().fitted()[r];
        }
        recordedShare /= fit.estimate();
        SplittableRandom root = new SplittableRandom(seed);
        EstimationOptions options = EstimationOptions.defaults().withBootstrapResamples(resamples);
        int covered = 0;
        int coveredFixed = 0;
        int withPair23 = 0;
        int estimated = 0;
        double[] lowers = new double[tables];
        double[] uppers = new double[tables];
        double[] fixedLowers = new double[tables];
        double[] fixedUppers = new double[tables];
        for (int t = 0; t < tables; t++) {
            SplittableRandom random = root.split();
            long recorded = Sampling.binomial(random, truth, recordedShare);
            long[] counts = new long[uk.cellCount()];
            Sampling.multinomial(random, recorded, expected, counts);
            CaptureHistories table = uk.withCounts(counts);
            LogLinearFit chosen;
            try {
                chosen = ModelSelection.stepwise(table, 0.02, Criterion.AIC).fit();
            } catch (ModelRejectedException e) {
                continue;
            }
            if (chosen.model().interactions().contains(0b00110)) {
                withPair23++;
            }
            long bootstrapSeed = random.nextLong();
            EstimationOutcome outcome = Estimators.estimate(table, Method.STEPWISE, Criterion.AIC, options.withSeed(bootstrapSeed));
            Bootstrap.Interval fixed = Bootstrap.bca(table, sample -> {
                try {
                    return java.util.OptionalDouble.of(LogLinearFit.fit(sample, chosen.model(), LogLinearFit.EmptyMargins.EXTENDED,
                            java.util.Optional.empty()).estimate());
                } catch (ModelRejectedException e) {
                    return java.util.OptionalDouble.empty();
                }
            }, chosen.estimate(), resamples, bootstrapSeed, 0.95);
            if (outcome instanceof EstimationResult result && Double.isFinite(fixed.lower())) {
                fixedLowers[estimated] = Math.min(fixed.lower(), chosen.estimate());
                fixedUppers[estimated] = Math.max(fixed.upper(), chosen.estimate());
                if (fixedLowers[estimated] <= truth && truth <= fixedUppers[estimated]) {
                    coveredFixed++;
                }
                lowers[estimated] = result.lower();
                uppers[estimated] = result.upper();
                estimated++;
                if (result.lower() <= truth && truth <= result.upper()) {
                    covered++;
                }
            }
        }
        double[] low = sorted(lowers, estimated);
        double[] high = sorted(uppers, estimated);
        double[] fixedLow = sorted(fixedLowers, estimated);
        double[] fixedHigh = sorted(fixedUppers, estimated);
        System.out.printf("UK 5 lists, %d tables simulated from the stepwise fit (truth %,d), BCa with %d resamples each:%n", tables, truth,
                resamples);
        System.out.printf("  model choice repeated in each resample (ours): coverage %.1f%% (%d of %d), median interval %,.0f – %,.0f%n",
                100.0 * covered / estimated, covered, estimated, low[estimated / 2], high[estimated / 2]);
        System.out.printf("  chosen model refitted only (as the published interval): coverage %.1f%% (%d of %d), median interval %,.0f – %,.0f%n",
                100.0 * coveredFixed / estimated, coveredFixed, estimated, fixedLow[estimated / 2], fixedHigh[estimated / 2]);
        System.out.printf("  the stepwise choice took NG and PFNCA as dependent in %.1f%% of the simulated tables%n", 100.0 * withPair23 / tables);
    }

    private static double[] sorted(double[] values, int length) {
        double[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        return copy;
    }

}
