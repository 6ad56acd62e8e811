package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.special.Gamma;

/**
 * The two ways of choosing a log-linear model: every hierarchical model ranked by an information
 * criterion (K ≤ 4, as Rcapture's closedpMS.t), and forward stepwise selection of two-list interactions
 * by Poisson p-values (Chan, Silverman and Vincent 2019, SparseMSE's {@code stepwisefit}).
 */
final class ModelSelection {
    private ModelSelection() {
    }

    /** A chosen fit and what the search went through. */
    record Selection(LogLinearFit fit, int modelsConsidered, int modelsRejected, Optional<Double> criterionValue) {
    }

    /**
     * Fits all hierarchical models and returns the best by {@code criterion}; models whose MLE does not
     * exist or is not unique are left out.
     *
     * @throws ModelRejectedException if no model can be fitted
     */
    static Selection bestHierarchical(CaptureHistories data, Criterion criterion) {
        List<LogLinearModel> models = LogLinearModel.allHierarchical(data.listCount());
        LogLinearFit best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int rejected = 0;
        String lastReason = "";
        Optional<double[]> start = Optional.empty();
        for (LogLinearModel model : models) {
            try {
                LogLinearFit fit = LogLinearFit.fit(data, model, LogLinearFit.EmptyMargins.REJECT, Optional.empty());
                double value = fit.criterion(criterion);
                if (model.interactions().isEmpty()) {
                    start = Optional.of(fit.fit().coefficients());
                }
                if (value < bestValue) {
                    best = fit;
                    bestValue = value;
                }
            } catch (ModelRejectedException e) {
                rejected++;
                lastReason = e.getMessage();
            }
        }
        if (best == null) {
            throw new ModelRejectedException("no log-linear model can be fitted to these data (" + lastReason + ")");
        }
        return new Selection(best, models.size(), rejected, Optional.of(bestValue));
    }

    /**
     * SparseMSE's stepwise method: start from main effects; at each step compute, for every two-list
     * interaction not yet in the model, the Poisson probability of the observed number of people on
     * both lists given the current fit, in the more extreme tail (min of the lower and upper tails, as
     * SparseMSE does); add the interaction with the smallest p-value if it is below {@code threshold} and
     * the enlarged model has a finite, unique MLE; otherwise stop.
     */
    static Selection stepwise(CaptureHistories data, double threshold, Criterion criterion) {
        int lists = data.listCount();
        List<Integer> pairs = new ArrayList<>();
        for (int i = 0; i < lists - 1; i++) {
            for (int j = i + 1; j < lists; j++) {
                pairs.add((1 << i) | (1 << j));
            }
        }
        LogLinearFit current = LogLinearFit.fit(data, LogLinearModel.independence(lists), LogLinearFit.EmptyMargins.EXTENDED, Optional.empty());
        int considered = 1;
        int rejected = 0;
        boolean[] included = new boolean[pairs.size()];
        for (int step = 0; step < pairs.size(); step++) {
            double[] fitted = current.fit().fitted();
            int bestPair = -1;
            double bestP = threshold;
            for (int candidate = 0; candidate < pairs.size(); candidate++) {
                if (included[candidate]) {
                    continue;
                }
                int pair = pairs.get(candidate);
                long observedOverlap = data.recordedByAll(pair);
                double expectedOverlap = 0;
                for (int r = 0; r < current.rows().length; r++) {
                    if (PoissonRegression.includes(current.rows()[r], pair)) {
                        expectedOverlap += fitted[r];
                    }
                }
                double p = twoTailMin(observedOverlap, expectedOverlap);
                if (p < bestP) {
                    // ties keep the first pair in (1,2), (1,3), … order, as SparseMSE does
                    considered++;
                    if (identifiable(data, current.model().with(pair))) {
                        bestP = p;
                        bestPair = candidate;
                    } else {
                        rejected++;
                    }
                }
            }
            if (bestPair < 0) {
                break;
            }
            included[bestPair] = true;
            current = LogLinearFit.fit(data, current.model().with(pairs.get(bestPair)), LogLinearFit.EmptyMargins.EXTENDED, Optional.empty());
        }
        return new Selection(current, considered, rejected, Optional.of(current.criterion(criterion)));
    }

    private static boolean identifiable(CaptureHistories data, LogLinearModel model) {
        try {
            LogLinearFit.fit(data, model, LogLinearFit.EmptyMargins.EXTENDED, Optional.empty());
            return true;
        } catch (ModelRejectedException e) {
            return false;
        }
    }

    /** min(P(X ≤ n), P(X ≥ n)) for X ~ Poisson(mean). */
    static double twoTailMin(long n, double mean) {
        if (mean <= 0) {
            return n == 0 ? 1 : 0;
        }
        double lower = Gamma.regularizedGammaQ(n + 1.0, mean);
        double upper = n == 0 ? 1 : Gamma.regularizedGammaP(n, mean);
        return Math.min(lower, upper);
    }
}
