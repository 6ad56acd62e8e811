package org.nomina.engine.estimation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints wall-clock seconds for the design's MSE target (5 lists, stepwise + 1,000 BCa resamples, ≤ 5 s
 * on 2 cores), for 8 simulated lists, for LCMCR (with its convergence, three seeds on Kosovo) and model
 * averaging, then the UK BCa interval's calibration ({@link BootstrapCalibration}). Run by {@code bench/estimate.sh}; argument: the
 * shared data directory (…/shared/data).
 */
public final class EstimationBenchmark {
    private EstimationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path mse = Path.of(args.length > 0 ? args[0] : "../shared/data", "mse");
        CaptureHistories uk;
        try (Reader reader = Files.newBufferedReader(mse.resolve("uk_modern_slavery_5lists.csv"), StandardCharsets.UTF_8)) {
            uk = CsvHistories.read(reader);
        }
        EstimationOptions options = EstimationOptions.defaults();
        // warm-up so the timings below measure compiled code, not the JIT
        Estimators.estimate(uk, Method.STEPWISE, Criterion.AIC, options.withBootstrapResamples(100));

        time("5 lists (UK), stepwise + 1,000 BCa resamples", () -> Estimators.estimate(uk, Method.STEPWISE, Criterion.AIC, options));
        CaptureHistories eight = LatentClassSamplerTest.Simulation.independent(5000,
                new double[] {0.2, 0.15, 0.3, 0.1, 0.25, 0.2, 0.12, 0.18}, 8);
        time("8 lists (simulated, N=5,000), stepwise + 1,000 BCa resamples",
                () -> Estimators.estimate(eight, Method.STEPWISE, Criterion.AIC, options));
        CaptureHistories kosovo;
        try (Reader reader = Files.newBufferedReader(mse.resolve("kosovo_4lists.csv"), StandardCharsets.UTF_8)) {
            kosovo = CsvHistories.read(reader);
        }
        time("4 lists (Kosovo), BIC over 113 models + profile interval",
                () -> Estimators.estimate(kosovo, Method.LOGLINEAR, Criterion.BIC, options));
        for (long seed : new long[] {1, 3, 987_654_321L}) {
            time("LCMCR Kosovo, defaults (4 chains × 110,000 sweeps), seed " + seed,
                    () -> Estimators.estimate(kosovo, Method.LCMCR, Criterion.AIC, options.withSeed(seed)));
        }
        time("LCMCR 5 lists (UK), defaults", () -> Estimators.estimate(uk, Method.LCMCR, Criterion.AIC, options));
        time("model averaging, 4 lists (Kosovo), 61 decomposable models", () -> Estimators.estimate(kosovo, Method.BMA, Criterion.AIC, options));
        time("model averaging, 5 lists (UK), 822 decomposable models", () -> Estimators.estimate(uk, Method.BMA, Criterion.AIC, options));
        BootstrapCalibration.run(uk, 100, 200, 11);
    }

    private static void time(String label, java.util.function.Supplier<EstimationOutcome> work) {
        long start = System.nanoTime();
        EstimationOutcome outcome = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        String figure = switch (outcome) {
            case EstimationResult result -> String.format("%.0f [%.0f, %.0f] %s %s%s", result.estimate(), result.lower(), result.upper(),
                    result.intervalKind(), result.model().map(ModelDescription::notation).orElse(""),
                    result.convergence().map(c -> String.format("R-hat %.3f, ESS %.0f", c.rHat(), c.effectiveSampleSize())).orElse(""));
            case EstimationRefusal refusal -> "refused: " + refusal.reason();
        };
        System.out.printf("%-70s %6.2f s   %s%n", label, seconds, figure);
    }
}
