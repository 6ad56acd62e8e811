package org.nomina.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nomina.engine.estimation.CaptureHistories;
import org.nomina.engine.estimation.Criterion;
import org.nomina.engine.estimation.EstimationException;
import org.nomina.engine.estimation.EstimationOptions;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.EstimationRefusal;
import org.nomina.engine.estimation.EstimationResult;
import org.nomina.engine.estimation.Estimators;
import org.nomina.engine.estimation.IntervalKind;
import org.nomina.engine.estimation.Method;
import org.nomina.engine.estimation.StratumOutcome;
import org.nomina.store.BadInputException;
import org.nomina.store.linkage.RegisterHistories;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimates how many people no list recorded (multiple systems estimation), with an interval.",
            "--histories FILE: a capture-history table, one 0/1 column per list and a count column",
            "(or one row per individual without a count column). Without it: the linked register (after nomina link).",
            "Exits 1 when the data cannot support an estimate, and says why."})
final class EstimateCommand implements Callable<Integer> {
    enum MethodName { loglinear, stepwise, lcmcr }

    enum CriterionName { aic, bic }

    @ParentCommand
    NominaCommand parent;

    @Option(names = "--histories", paramLabel = "FILE",
            description = "Capture-history table (CSV); without it, the linked register: each person's history is the set of sources that list them")
    Path histories;

    @Option(names = "--status", description = "Register only: estimate persons of this status (killed, injured, missing, hostage, displaced)")
    String status;

    @Option(names = "--by", paramLabel = "FIELD", description = "Register only: estimate per stratum of place, sex, status or age_group, and combine")
    String by;

    @Option(names = "--method", defaultValue = "loglinear",
            description = "loglinear (all hierarchical models, up to 4 lists; stepwise beyond), stepwise, or lcmcr (default: ${DEFAULT-VALUE})")
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

    @Option(names = "--json", description = "Print one JSON document on stdout")
    boolean json;

    @Override
    public Integer call() {
        EstimationOptions options = options();
        Method m = Method.valueOf(method.name().toUpperCase(Locale.ROOT));
        Criterion c = Criterion.valueOf(criterion.name().toUpperCase(Locale.ROOT));
        CaptureHistories data;
        EstimationOutcome outcome;
        if (histories != null) {
            if (status != null || by != null) {
                throw new BadInputException("--status and --by apply to the register, not to --histories");
            }
            data = read(histories);
            outcome = Estimators.estimate(data, m, c, options);
        } else {
            RegisterHistories.Histories h = RegisterHistories.load(parent.database(), java.util.Optional.ofNullable(status),
                    java.util.Optional.ofNullable(by));
            data = CaptureHistories.fromIndividuals(h.sources(), h.people().stream().map(RegisterHistories.PersonHistory::lists).toList());
            outcome = by == null ? Estimators.estimate(data, m, c, options)
                    : Estimators.estimateByStratum(CaptureHistories.byStratum(h.sources(), h.people(), RegisterHistories.PersonHistory::stratum,
                            RegisterHistories.PersonHistory::lists), m, c, options);
        }
        if (json) {
            System.out.println(Json.write(toJson(outcome)));
        } else {
            System.out.print(describe(outcome, data.listNames()));
        }
        return outcome instanceof EstimationResult ? 0 : 1;
    }

    private EstimationOptions options() {
        if (level <= 0 || level >= 1) {
            throw new BadInputException("--level must lie between 0 and 1 (e.g. 0.95), not " + level);
        }
        if (resamples < 10) {
            throw new BadInputException("--resamples must be at least 10, not " + resamples);
        }
        EstimationOptions o = EstimationOptions.defaults().withLevel(level).withBootstrapResamples(resamples).withSeed(seed);
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

    static CaptureHistories read(Path file) {
        if (!Files.isReadable(file)) {
            throw new BadInputException(file + ": no such readable file");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CaptureHistories.parseCsv(r);
        } catch (EstimationException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
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
        StringBuilder out = new StringBuilder();
        switch (outcome) {
            case EstimationResult r -> {
                out.append(String.format("%,d people are on at least one of %d lists (%s).%n", r.observed(), lists.size(), String.join(", ", lists)));
                out.append(String.format("Estimated total: %,.0f, %.0f%% %s %,.0f – %s.%n", r.estimate(), r.level() * 100,
                        intervalWords(r.intervalKind()), r.lower(), Double.isInfinite(r.upper()) ? "no upper bound" : String.format("%,.0f", r.upper())));
                out.append(String.format("So about %,.0f people are on no list (estimated).%n", r.estimate() - r.observed()));
                r.model().ifPresent(m -> out.append("Model ").append(m.notation()).append(": ").append(m.description()).append('\n'));
                out.append("Method: ").append(methodWords(r.method()));
                r.criterion().ifPresent(c -> out.append(String.format(", %s %.1f", c.criterion(), c.value())));
                out.append(".\n");
                r.standardError().ifPresent(se -> out.append(String.format("Standard error: %,.1f%n", se)));
                for (StratumOutcome s : r.strata()) {
                    out.append("  stratum ").append(s.stratum()).append(": ").append(describe(s.outcome(), lists).replace("\n", "\n    ").strip()).append('\n');
                }
                r.warnings().forEach(w -> out.append("Note: ").append(w).append('\n'));
            }
            case EstimationRefusal refusal -> {
                out.append(String.format("No estimate: %s%n", refusal.reason()));
                out.append(String.format("%,d people are on at least one list; that count is not the total.%n", refusal.observed()));
                refusal.warnings().forEach(w -> out.append("Note: ").append(w).append('\n'));
            }
        }
        return out.toString();
    }

    private static String intervalWords(IntervalKind kind) {
        return switch (kind) {
            case PROFILE -> "profile-likelihood interval";
            case BOOTSTRAP_BCA -> "bootstrap (BCa) interval, model choice repeated in each resample,";
            case CREDIBLE -> "credible interval";
            case NORMAL_SUM -> "interval (strata combined, normal approximation)";
        };
    }

    private static String methodWords(Method m) {
        return switch (m) {
            case LOGLINEAR -> "log-linear models, all hierarchical models compared";
            case STEPWISE -> "stepwise log-linear (Chan, Silverman & Vincent)";
            case LCMCR -> "Bayesian latent-class model (LCMCR)";
        };
    }
}
