package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Does the maximum likelihood estimate of a log-linear model exist (is it finite)? The linear program of
 * Fienberg and Rinaldo (2012), as used by SparseMSE's {@code checkident}: maximise t subject to
 * Aᵀx = Aᵀn and x ≥ t; the MLE exists iff the optimum is positive, i.e. some strictly positive table has
 * the same sufficient statistics as the data. Solved with commons-math3's simplex.
 *
 * <p>The answer depends only on which cells are zero, not on the counts, so it is cached by that
 * pattern: in a bootstrap the same zero patterns come back again and again, and an LP per candidate
 * model per resample would dominate the run time.
 */
final class ExistenceCheck {
    private static final int CACHE_LIMIT = 200_000;
    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private ExistenceCheck() {
    }

    static boolean exists(int[] rows, double[] counts, int[] terms) {
        boolean anyZero = false;
        StringBuilder key = new StringBuilder();
        for (int r = 0; r < rows.length; r++) {
            if (counts[r] == 0) {
                anyZero = true;
            }
            key.append(rows[r]).append(counts[r] == 0 ? '-' : '+');
        }
        if (!anyZero) {
            return true;
        }
        key.append('|').append(Arrays.toString(terms));
        if (CACHE.size() > CACHE_LIMIT) {
            CACHE.clear();
        }
        // not computeIfAbsent: that would hold a map lock during the solve and serialise bootstrap threads
        String cacheKey = key.toString();
        Boolean known = CACHE.get(cacheKey);
        if (known == null) {
            known = solve(rows, counts, terms);
            CACHE.putIfAbsent(cacheKey, known);
        }
        return known;
    }

    private static boolean solve(int[] rows, double[] counts, int[] terms) {
        int cells = rows.length;
        double total = Arrays.stream(counts).sum();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int term : terms) {
            double[] coefficients = new double[cells + 1];
            double statistic = 0;
            for (int r = 0; r < cells; r++) {
                if (PoissonRegression.includes(rows[r], term)) {
                    coefficients[r] = 1;
                    statistic += counts[r] / total;
                }
            }
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, statistic));
        }
        for (int r = 0; r < cells; r++) {
            double[] coefficients = new double[cells + 1];
            coefficients[r] = 1;
            coefficients[cells] = -1;
            constraints.add(new LinearConstraint(coefficients, Relationship.GEQ, 0));
        }
        double[] objective = new double[cells + 1];
        objective[cells] = 1;
        try {
            PointValuePair optimum = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(10_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                    GoalType.MAXIMIZE, new NonNegativeConstraint(true));
            return optimum.getValue() > 1e-9 / cells;
        } catch (MathIllegalStateException e) {
            // no optimum found: we cannot show the estimate exists, so treat it as not existing
            return false;
        }
    }
}
