package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;

/**
 * Profile-likelihood interval for the total, as Rcapture's {@code closedpCI}/{@code profileCI}: for a
 * candidate unobserved count n₀ the model is refitted to the complete 2^K table (the all-zero cell
 * holding n₀), and the multinomial profile log-likelihood is −deviance/2 plus the term
 * log(n₀^n₀ N! / (N^N n₀!)), N = n + n₀. Rcapture evaluates this on an integer grid (with Stirling's
 * approximation) and interpolates; we treat n₀ as continuous with exact log-gamma and find the two
 * crossings of max − χ²₁(level)/2 with Brent's method, which agrees to a fraction of a person.
 */
final class ProfileLikelihood {
    private static final double SMALLEST_UNOBSERVED = 0.5;

    private ProfileLikelihood() {
    }

    /** Lower and upper bound for the total; upper is +∞ when the likelihood never falls far enough. */
    record Bounds(double lower, double upper) {
    }

    static Bounds interval(LogLinearFit fit, double level) {
        int cells = fit.rows().length;
        int[] rows = Arrays.copyOf(fit.rows(), cells + 1);
        rows[cells] = 0;
        double[] counts = Arrays.copyOf(fit.counts(), cells + 1);
        long observed = fit.data().observed();
        double[] warm = fit.fit().coefficients().clone();
        DoubleUnaryOperator profile = unobserved -> {
            counts[cells] = unobserved;
            PoissonRegression.Fit complete;
            try {
                complete = PoissonRegression.fit(rows, counts, fit.terms(), Optional.of(warm));
            } catch (ModelRejectedException e) {
                // a warm start far from this n₀ can fail; start afresh from the data
                try {
                    complete = PoissonRegression.fit(rows, counts, fit.terms(), Optional.empty());
                } catch (ModelRejectedException again) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            System.arraycopy(complete.coefficients(), 0, warm, 0, warm.length);
            double total = observed + unobserved;
            double correction = xLogX(unobserved) - Gamma.logGamma(unobserved + 1) + Gamma.logGamma(total + 1) - xLogX(total);
            return -complete.deviance() / 2 + correction;
        };
        double pointUnobserved = Math.max(fit.unobserved(), SMALLEST_UNOBSERVED * 2);
        double searchTop = 5 * pointUnobserved + 10;
        var optimum = new BrentOptimizer(1e-10, 1e-6).optimize(new MaxEval(500), GoalType.MAXIMIZE,
                new UnivariateObjectiveFunction(profile::applyAsDouble),
                new SearchInterval(SMALLEST_UNOBSERVED, searchTop, pointUnobserved));
        double peak = optimum.getPoint();
        double threshold = optimum.getValue() - new ChiSquaredDistribution(1).inverseCumulativeProbability(level) / 2;
        BrentSolver solver = new BrentSolver(1e-6);
        double lower;
        if (profile.applyAsDouble(SMALLEST_UNOBSERVED) >= threshold) {
            lower = 0;
        } else {
            lower = solver.solve(500, x -> profile.applyAsDouble(x) - threshold, SMALLEST_UNOBSERVED, peak);
        }
        double top = Math.max(2 * peak, peak + 10);
        int doublings = 0;
        while (profile.applyAsDouble(top) >= threshold) {
            if (++doublings > 40) {
                return new Bounds(observed + lower, Double.POSITIVE_INFINITY);
            }
            top *= 2;
        }
        double upper = solver.solve(500, x -> profile.applyAsDouble(x) - threshold, peak, top);
        return new Bounds(observed + lower, observed + upper);
    }

    private static double xLogX(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }
}
