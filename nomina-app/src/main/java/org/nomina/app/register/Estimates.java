package org.nomina.app.register;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.nomina.engine.estimation.CaptureHistories;
import org.nomina.engine.estimation.Criterion;
import org.nomina.engine.estimation.EstimationException;
import org.nomina.engine.estimation.EstimationOptions;
import org.nomina.engine.estimation.IntervalKind;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.Estimators;
import org.nomina.engine.estimation.Method;
import org.nomina.store.BadInputException;
import org.nomina.store.Database;
import org.nomina.store.imports.TableFile;
import org.nomina.store.linkage.RegisterHistories;

/**
 * Multiple systems estimation over the register's linked persons or over a capture-history table: the
 * glue between the store's histories and the engine's estimators that {@code estimate} and {@code demo} share.
 */
public final class Estimates {
    /** The method chosen by the coverage study (bench/coverage.sh; README, "Estimate"). */
    public static final Method DEFAULT_METHOD = Method.LCMCR;
    public static final long DEFAULT_SEED = 20020101L;
    public static final Criterion DEFAULT_CRITERION = Criterion.BIC;

    /** An estimate and the lists it was made from. */
    public record Estimate(List<String> lists, EstimationOutcome outcome) {
    }

    /** What to estimate with: the method (empty: {@link #methodFor}), the criterion for log-linear models, the options. */
    public record Settings(Optional<Method> method, Criterion criterion, EstimationOptions options) {
        public static Settings defaults() {
            return new Settings(Optional.of(DEFAULT_METHOD), DEFAULT_CRITERION, EstimationOptions.defaults());
        }
    }

    private Estimates() {
    }

    /** The method asked for, else the default; two lists allow only the independence model, so they get the log-linear one. */
    public static Method methodFor(CaptureHistories data, Optional<Method> asked) {
        return asked.orElse(defaultMethod(data.listCount()));
    }

    /** The default method for a table of {@code lists} lists: two lists allow only the independence model, so they get the log-linear one. */
    public static Method defaultMethod(int lists) {
        return lists < 3 ? Method.LOGLINEAR : DEFAULT_METHOD;
    }

    /** {@code nomina estimate}'s options when none is given. */
    public static EstimationOptions defaultOptions() {
        return EstimationOptions.defaults().withSeed(DEFAULT_SEED);
    }

    /**
     * Estimates from a capture-history table, read as an import reads a list (encoding, delimiter, quotes,
     * .xlsx); {@code notes} hears what the reading noticed.
     *
     * @throws BadInputException naming the file, row, column and value of a bad cell
     */
    public static Estimate ofTable(Path file, Settings settings, Consumer<String> notes) {
        TableFile table = TableFile.read(file);
        table.warnings().forEach(w -> notes.accept(file + ": " + w));
        CaptureHistories data;
        try {
            data = CaptureHistories.fromRows(table.header(), table.rows());
        } catch (EstimationException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        return new Estimate(data.listNames(), Estimators.estimate(data, methodFor(data, settings.method()), settings.criterion(), settings.options()));
    }

    /** Estimates the register's persons of {@code status} (empty: all), per stratum of {@code by} when given, combined. */
    static Estimate ofRegister(Database db, Optional<String> status, Optional<String> by, Settings settings) {
        RegisterHistories.Histories h = RegisterHistories.load(db, status, by);
        CaptureHistories data = CaptureHistories.fromIndividuals(h.sources(), h.people().stream().map(RegisterHistories.PersonHistory::lists).toList());
        Method m = methodFor(data, settings.method());
        EstimationOutcome outcome = by.isEmpty() ? Estimators.estimate(data, m, settings.criterion(), settings.options())
                : Estimators.estimateByStratum(CaptureHistories.byStratum(h.sources(), h.people(), RegisterHistories.PersonHistory::stratum,
                        RegisterHistories.PersonHistory::lists), m, settings.criterion(), settings.options());
        return new Estimate(data.listNames(), outcome);
    }

    /** The interval's kind in words, as a sentence continues after it. */
    public static String intervalWords(IntervalKind kind) {
        return switch (kind) {
            case PROFILE -> "profile-likelihood interval";
            case BOOTSTRAP_BCA -> "bootstrap (BCa) interval, model choice repeated in each resample,";
            case CREDIBLE -> "credible interval";
            case NORMAL_SUM -> "interval (strata combined, normal approximation)";
        };
    }

    /** The method in words. */
    public static String methodWords(Method m) {
        return switch (m) {
            case LOGLINEAR -> "log-linear models, all hierarchical models compared";
            case STEPWISE -> "stepwise log-linear (Chan, Silverman & Vincent)";
            case LCMCR -> "Bayesian latent-class model (LCMCR)";
            case BMA -> "Bayesian model averaging over decomposable log-linear models (Madigan & York)";
        };
    }
}
