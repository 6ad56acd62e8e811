package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A log-linear Poisson model fitted to the 2^K − 1 observed cells. The estimated number of people no
 * list recorded is the fitted all-zero cell, exp(intercept).
 *
 * @param emptyTerms interactions whose lists share nobody, fitted as in SparseMSE's extended MLE (the
 *                   parameter at −∞: cells holding all those lists are dropped); empty unless the fit
 *                   was asked to allow them
 */
record LogLinearFit(LogLinearModel model, CaptureHistories data, int[] rows, double[] counts, int[] terms,
        List<Integer> emptyTerms, PoissonRegression.Fit fit) {

    /** What to do with an interaction between lists that share nobody. */
    enum EmptyMargins {
        /** The MLE does not exist (the parameter runs to −∞): reject the model, as in an Rcapture-style search. */
        REJECT,
        /** Keep the model with that parameter at −∞, as SparseMSE does. */
        EXTENDED
    }

    /**
     * Fits {@code model}, first checking that its maximum likelihood estimate exists and is unique.
     *
     * @throws ModelRejectedException with a plain reason when it does not
     */
    static LogLinearFit fit(CaptureHistories data, LogLinearModel model, EmptyMargins policy, Optional<double[]> start) {
        List<Integer> emptyTerms = new ArrayList<>();
        for (int term : model.interactions()) {
            if (data.recordedByAll(term) == 0 && emptyTerms.stream().noneMatch(empty -> (term & empty) == empty)) {
                if (policy == EmptyMargins.REJECT) {
                    throw new ModelRejectedException("lists " + joined(term) + " share nobody, so their interaction cannot be estimated");
                }
                emptyTerms.add(term);
            }
        }
        List<Integer> keptRows = new ArrayList<>();
        for (int history = 1; history < data.cellCount(); history++) {
            int cell = history;
            if (emptyTerms.stream().noneMatch(empty -> PoissonRegression.includes(cell, empty))) {
                keptRows.add(history);
            }
        }
        List<Integer> keptTerms = new ArrayList<>();
        keptTerms.add(0);
        for (int list = 0; list < model.listCount(); list++) {
            keptTerms.add(1 << list);
        }
        for (int term : model.interactions()) {
            if (emptyTerms.stream().noneMatch(empty -> (term & empty) == empty)) {
                keptTerms.add(term);
            }
        }
        int[] rows = keptRows.stream().mapToInt(Integer::intValue).toArray();
        int[] terms = keptTerms.stream().mapToInt(Integer::intValue).toArray();
        double[] counts = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            counts[r] = data.count(rows[r]);
        }
        Optional<double[]> usableStart = start.filter(s -> s.length == terms.length);
        PoissonRegression.Fit poisson = PoissonRegression.fit(rows, counts, terms, usableStart);
        // When the MLE does not exist, IRLS drives the fitted counts of some zero cells towards 0. The exact
        // linear-programming test is run only then: with 8 lists (255 cells) running it for every candidate
        // model made a 1,000-resample bootstrap take about 4 minutes instead of seconds.
        boolean suspect = false;
        for (int r = 0; r < rows.length; r++) {
            suspect |= counts[r] == 0 && poisson.fitted()[r] < 1e-3;
        }
        if (suspect && !ExistenceCheck.exists(rows, counts, terms)) {
            throw new ModelRejectedException("the maximum likelihood estimate does not exist for " + model.notation()
                    + ": the zero cells let a parameter run to infinity");
        }
        return new LogLinearFit(model, data, rows, counts, terms, List.copyOf(emptyTerms), poisson);
    }

    private static String joined(int term) {
        List<Integer> lists = LogLinearModel.listsOf(term);
        return String.join(", ", lists.subList(0, lists.size() - 1).stream().map(String::valueOf).toList()) + " and " + lists.getLast();
    }

    double unobserved() {
        return Math.exp(fit.coefficients()[0]);
    }

    double estimate() {
        return data.observed() + unobserved();
    }

    /**
     * Standard error of the total as Rcapture computes it: the variance of the fitted unobserved cell by the
     * delta method, exp(2β₀)·Var(β₀), plus its own Poisson variance exp(β₀).
     */
    double standardError() {
        double unobserved = unobserved();
        return Math.sqrt(unobserved + unobserved * unobserved * fit.interceptVariance());
    }

    /** Parameters counted for the criterion: those fitted plus those fixed at −∞ (as SparseMSE's AIC adjustment). */
    int parameterCount() {
        return terms.length + emptyTerms.size();
    }

    double criterion(Criterion criterion) {
        return criterion.value(fit.logLikelihood(), parameterCount(), data.observed());
    }
}
