package org.nomina.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nomina.engine.estimation.Convergence;
import org.nomina.engine.estimation.Criterion;
import org.nomina.engine.estimation.EstimationOptions;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.EstimationRefusal;
import org.nomina.engine.estimation.EstimationResult;
import org.nomina.engine.estimation.IntervalKind;
import org.nomina.engine.estimation.Method;
import org.nomina.engine.estimation.ModelShare;
import org.nomina.engine.estimation.StratumOutcome;
import org.nomina.app.register.Estimates;
import org.nomina.store.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimates how many people no list recorded (multiple systems estimation), with an interval.",
            "--histories FILE: a capture-history table, one 0/1 column per list and a count column",
            "(or one row per individual without a count column). Without it: the linked register (after nomina link).",
            "Exits 1 when the data cannot support an estimate, and says why."})
final class EstimateCommand implements Callable<Integer> {
    enum MethodName { loglinear, stepwise, lcmcr, bma }

    enum CriterionName { aic, bic }

    @ParentCommand
    NominaCommand parent;

    @Option(names = "--histories", paramLabel = "FILE",
            description = "Capture-history table (CSV, TSV, ;- or |-separated text, or .xlsx; encoding and delimiter detected as import detects them); without it, the linked register: each person's history is the set of sources that list them")
    Path histories;

    @Option(names = "--status", description = "Register only: estimate persons of this status (killed, injured, missing, hostage, displaced)")
    String status;

    @Option(names = "--by", paramLabel = "FIELD", description = "Register only: estimate per stratum of place, sex, status or age_group, and combine")
    String by;

    @Option(names = "--method",
            description = {"lcmcr: Bayesian latent-class model, allows for people some lists find more easily (the default; with 2 lists, loglinear);",
                "bma: averages over decomposable log-linear models (3 to 6 lists);",
                "loglinear: the one hierarchical model AIC/BIC prefers, profile interval (up to 4 lists; stepwise beyond);",
                "stepwise: Chan, Silverman & Vincent, BCa bootstrap interval"})
    MethodName method;

    @Option(names = "--criterion", defaultValue = "bic", description = "aic or bic, for choosing the log-linear model (default: ${DEFAULT-VALUE})")
    CriterionName criterion;

    @Option(names = "--level", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--interval", description = "profile, bootstrap (BCa, repeating model selection) or credible; default: by method")
    String interval;

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE})")
    int resamples;

    @Option(names = "--seed", defaultValue = "20020101", description = "Random seed, so runs can be repeated (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--chains", defaultValue = "4", description = "LCMCR: independent chains (default: ${DEFAULT-VALUE})")
    int chains;

    @Option(names = "--burn-in", defaultValue = "10000", description = "LCMCR: sweeps discarded per chain after 500 warm-up sweeps (default: ${DEFAULT-VALUE})")
    int burnIn;

    @Option(names = "--iterations", defaultValue = "100000", description = "LCMCR: sweeps per chain after burn-in (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--thin", defaultValue = "20", description = "LCMCR: keep every N-th sweep (default: ${DEFAULT-VALUE})")
    int thin;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() {
        Estimates.Settings settings = new Estimates.Settings(Optional.ofNullable(method).map(m -> Method.valueOf(m.name().toUpperCase(Locale.ROOT))),
                Criterion.valueOf(criterion.name().toUpperCase(Locale.ROOT)), options());
        Estimates.Estimate estimate;
        try {
            if (histories != null) {
                if (status != null || by != null) {
                    throw new BadInputException("--status and --by apply to the register, not to --histories");
                }
                estimate = Estimates.ofTable(histories, settings, note -> report.note("note: %s", note));
            } else {
                estimate = parent.register().estimate(Optional.ofNullable(status), Optional.ofNullable(by), settings);
            }
        } catch (IllegalArgumentException e) {
            // options that do not fit the method, e.g. --interval profile with the latent-class model
            throw new BadInputException(e.getMessage() + "; profile and bootstrap intervals come with --method loglinear or stepwise", e);
        }
        report.report(() -> toJson(estimate.outcome()), out -> out.text(describe(estimate.outcome(), estimate.lists())));
        return estimate.outcome() instanceof EstimationResult ? 0 : 1;
    }

    private EstimationOptions options() {
        if (level <= 0 || level >= 1) {
            throw new BadInputException("--level must lie between 0 and 1 (e.g. 0.95), not " + level);
        }
        if (resamples < 10) {
            throw new BadInputException("--resamples must be at least 10, not " + resamples);
        }
        if (chains < 1 || burnIn < 0 || thin < 1 || iterations / Math.max(thin, 1) < 100) {
            throw new BadInputException("--chains and --thin must be at least 1, --burn-in at least 0, and --iterations / --thin at least 100 "
                    + "(got --chains " + chains + " --burn-in " + burnIn + " --iterations " + iterations + " --thin " + thin + ")");
        }
        EstimationOptions o = EstimationOptions.defaults().withLevel(level).withBootstrapResamples(resamples).withSeed(seed)
                .withSampler(EstimationOptions.defaults().latentClasses(), chains, burnIn, iterations, thin);
        if (interval != null) {
            o = o.withInterval(switch (interval.toLowerCase(Locale.ROOT)) {
                case "profile" -> IntervalKind.PROFILE;
                case "bootstrap", "bca" -> IntervalKind.BOOTSTRAP_BCA;
                case "credible" -> IntervalKind.CREDIBLE;
                default -> throw new BadInputException("--interval must be profile, bootstrap or credible, not '" + interval + "'");
            });
        }
        return o;
    }

    static Map<String, Object> toJson(EstimationOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (outcome) {
            case EstimationResult r -> {
                out.put("observed", r.observed());
                out.put("estimate", round(r.estimate()));
                out.put("lower", round(r.lower()));
                out.put("upper", Double.isInfinite(r.upper()) ? null : round(r.upper()));
                out.put("level", r.level());
                out.put("interval", r.intervalKind().name().toLowerCase(Locale.ROOT));
                out.put("standard_error", r.standardError().isPresent() ? round(r.standardError().getAsDouble()) : null);
                out.put("method", r.method().label());
                out.put("model", r.model().map(m -> m.notation()).orElse(null));
                out.put("model_description", r.model().map(m -> m.description()).orElse(null));
                out.put("criterion", r.criterion().map(c -> Map.of("name", c.criterion().name().toLowerCase(Locale.ROOT),
                        "value", round(c.value()))).orElse(null));
                out.put("strata", r.strata().stream().map(EstimateCommand::stratum).toList());
                out.put("warnings", r.warnings());
                out.put("assumptions", r.assumptions());
                out.put("convergence", r.convergence().map(EstimateCommand::convergence).orElse(null));
                out.put("models", r.models().stream().map(EstimateCommand::share).toList());
            }
            case EstimationRefusal refusal -> {
                out.put("observed", refusal.observed());
                out.put("estimate", null);
                out.put("lower", null);
                out.put("upper", null);
                out.put("refused", refusal.reason());
                out.put("strata", List.of());
                out.put("warnings", refusal.warnings());
            }
        }
        return out;
    }

    private static Map<String, Object> convergence(Convergence c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r_hat", Math.round(c.rHat() * 1000) / 1000.0);
        m.put("effective_sample_size", Math.round(c.effectiveSampleSize()));
        m.put("chains", c.chains());
        m.put("draws_per_chain", c.drawsPerChain());
        m.put("converged", c.converged());
        return m;
    }

    private static Map<String, Object> share(ModelShare share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", share.notation());
        m.put("model_description", share.description());
        m.put("probability", Math.round(share.probability() * 1000) / 1000.0);
        m.put("estimate", round(share.estimate()));
        return m;
    }

    private static Map<String, Object> stratum(StratumOutcome s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stratum", s.stratum());
        m.putAll(toJson(s.outcome()));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static String describe(EstimationOutcome outcome, List<String> lists) {
        return describe(outcome, lists, true);
    }

    private static String describe(EstimationOutcome outcome, List<String> lists, boolean withAssumptions) {
        StringBuilder out = new StringBuilder();
        switch (outcome) {
            case EstimationResult r -> {
                out.append(String.format("%,d people are on at least one of %d lists (%s).%n", r.observed(), lists.size(), String.join(", ", lists)));
                out.append(String.format("Estimated total: %,.0f, %.0f%% %s %,.0f – %s.%n", r.estimate(), r.level() * 100,
                        org.nomina.app.register.Estimates.intervalWords(r.intervalKind()), r.lower(), Double.isInfinite(r.upper()) ? "no upper bound" : String.format("%,.0f", r.upper())));
                out.append(String.format("So about %,.0f people are on no list (estimated).%n", r.estimate() - r.observed()));
                r.model().ifPresent(m -> out.append("Model ").append(m.notation()).append(": ").append(m.description()).append('\n'));
                out.append("Method: ").append(org.nomina.app.register.Estimates.methodWords(r.method()));
                r.criterion().ifPresent(c -> out.append(String.format(", %s %.1f", c.criterion(), c.value())));
                out.append(".\n");
                r.standardError().ifPresent(se -> out.append(String.format("Standard error: %,.1f%n", se)));
                r.convergence().ifPresent(c -> out.append(String.format(Locale.ROOT, "Convergence: %d chains %s (split R-hat %.3f, %s 1.05; "
                        + "effective sample size %,.0f, %s 400).%n", c.chains(), c.converged() ? "agree" : "DO NOT AGREE YET", c.rHat(),
                        c.rHat() <= Convergence.R_HAT_LIMIT ? "at most" : "above", c.effectiveSampleSize(),
                        c.effectiveSampleSize() >= Convergence.ESS_LIMIT ? "at least" : "below")));
                if (!r.models().isEmpty()) {
                    out.append("Models carrying the estimate:\n");
                    r.models().stream().limit(3).forEach(m -> out.append(String.format("  %s (%s): probability %.2f, alone it gives %,.0f%n",
                            m.notation(), m.description(), m.probability(), m.estimate())));
                }
                for (StratumOutcome s : r.strata()) {
                    out.append("  stratum ").append(s.stratum()).append(": ").append(describe(s.outcome(), lists, false).replace("\n", "\n    ").strip()).append('\n');
                }
                r.warnings().forEach(w -> out.append("Note: ").append(w).append('\n'));
                if (withAssumptions && !r.assumptions().isEmpty()) {
                    out.append("The estimate rests on these assumptions:\n");
                    r.assumptions().forEach(a -> out.append("  - ").append(a).append('\n'));
                }
            }
            case EstimationRefusal refusal -> {
                out.append(String.format("No estimate: %s%n", refusal.reason()));
                out.append(String.format("%,d people are on at least one list; that count is not the total.%n", refusal.observed()));
                refusal.warnings().forEach(w -> out.append("Note: ").append(w).append('\n'));
            }
        }
        return out.toString();
    }

    /** One line per stratum and one for the pooled total: the figure and its interval, no notes. */
    static String summary(EstimationOutcome outcome) {
        StringBuilder out = new StringBuilder();
        if (outcome instanceof EstimationResult r) {
            for (StratumOutcome s : r.strata()) {
                out.append(String.format("%-12s %s%n", s.stratum() + ":", figure(s.outcome())));
            }
        }
        out.append(String.format("%-12s %s%n", "pooled:", figure(outcome)));
        return out.toString();
    }

    private static String figure(EstimationOutcome outcome) {
        return switch (outcome) {
            case EstimationResult r -> String.format("%,.0f (%,.0f – %s), %,d on the lists", r.estimate(), r.lower(),
                    Double.isInfinite(r.upper()) ? "no upper bound" : String.format("%,.0f", r.upper()), r.observed());
            case EstimationRefusal refusal -> "no estimate: " + refusal.reason();
        };
    }
}
