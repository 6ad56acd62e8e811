package org.nomina.engine.estimation;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.math3.special.Gamma;

/**
 * Poisson regression with log link fitted by iteratively reweighted least squares, for 0/1 designs
 * where column {@code c} of row {@code r} is 1 when history {@code rows[r]} contains every list of
 * {@code terms[c]} (term 0 is the intercept).
 *
 * <p>Written by hand rather than with commons-math3's least-squares classes: the systems are tiny
 * (at most a few dozen parameters), are solved thousands of times per bootstrap, and we need the
 * Cholesky pivots to detect a singular design; allocating RealMatrix objects per iteration made the
 * bootstrap several times slower in a first measurement.
 */
final class PoissonRegression {
    private static final int MAX_ITERATIONS = 60;
    private static final double TOLERANCE = 1e-10;
    /** A linear predictor beyond this means a fitted count below e^-40 or above e^40: the MLE is at infinity. */
    private static final double DIVERGED = 40;

    private PoissonRegression() {
    }

    /**
     * @param coefficients       one per term, intercept first
     * @param fitted             fitted mean per row
     * @param deviance           Poisson deviance
     * @param logLikelihood      Poisson log-likelihood including the −log y! constant
     * @param interceptVariance  [(XᵀWX)⁻¹]₀₀, the variance of the intercept
     */
    record Fit(double[] coefficients, double[] fitted, double deviance, double logLikelihood, double interceptVariance) {
    }

    static boolean includes(int history, int term) {
        return (history & term) == term;
    }

    /**
     * Fits the model.
     *
     * @param start warm-start coefficients of the same length as {@code terms}, or empty to start from the data
     * @throws ModelRejectedException if the design is singular or the fit does not converge to finite values
     */
    static Fit fit(int[] rows, double[] counts, int[] terms, Optional<double[]> start) {
        int n = rows.length;
        int p = terms.length;
        if (n < p) {
            throw new ModelRejectedException("the model has " + p + " parameters but only " + n + " cells to fit");
        }
        boolean[][] design = new boolean[n][p];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) {
                design[r][c] = includes(rows[r], terms[c]);
            }
        }
        double[] beta = new double[p];
        double[] eta = new double[n];
        double[] mu = new double[n];
        if (start.isPresent()) {
            beta = start.get().clone();
            linearPredictor(design, beta, eta);
            for (int r = 0; r < n; r++) {
                mu[r] = Math.exp(eta[r]);
            }
        } else {
            for (int r = 0; r < n; r++) {
                mu[r] = counts[r] + 0.1;
                eta[r] = Math.log(mu[r]);
            }
        }
        double deviance = deviance(counts, mu);
        double[][] information = new double[p][p];
        double[] score = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (double[] row : information) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(score, 0);
            for (int r = 0; r < n; r++) {
                double weight = mu[r];
                double working = eta[r] + (counts[r] - mu[r]) / mu[r];
                boolean[] x = design[r];
                for (int a = 0; a < p; a++) {
                    if (!x[a]) {
                        continue;
                    }
                    score[a] += weight * working;
                    double[] info = information[a];
                    for (int b = 0; b <= a; b++) {
                        if (x[b]) {
                            info[b] += weight;
                        }
                    }
                }
            }
            double[][] factor = cholesky(information);
            double[] previousBeta = beta;
            beta = solve(factor, score);
            double previous = deviance;
            // step halving, as R's glm.fit does, when a full Newton step overshoots (deviance rises)
            for (int halving = 0; ; halving++) {
                linearPredictor(design, beta, eta);
                boolean finite = true;
                for (int r = 0; r < n; r++) {
                    finite &= Math.abs(eta[r]) < DIVERGED + Math.log(1 + counts[r]);
                    mu[r] = Math.exp(eta[r]);
                }
                deviance = finite ? deviance(counts, mu) : Double.POSITIVE_INFINITY;
                if ((deviance <= previous * (1 + 1e-12) + 1e-9 && finite) || halving == 20 || iteration == 0 && start.isEmpty() && finite) {
                    break;
                }
                for (int c = 0; c < p; c++) {
                    beta[c] = (beta[c] + previousBeta[c]) / 2;
                }
            }
            if (!Double.isFinite(deviance)) {
                throw new ModelRejectedException("the fit diverges: a fitted count runs to zero or infinity, "
                        + "so the maximum likelihood estimate does not exist for this model");
            }
            if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < TOLERANCE && iteration > 0) {
                double[] unit = new double[p];
                unit[0] = 1;
                // information at the converged mean: recompute once so the variance matches the estimate
                double[][] finalFactor = cholesky(informationAt(design, mu, p));
                double interceptVariance = solve(finalFactor, unit)[0];
                return new Fit(beta, mu.clone(), deviance, logLikelihood(counts, mu), interceptVariance);
            }
        }
        throw new ModelRejectedException("the fit did not converge in " + MAX_ITERATIONS + " iterations");
    }

    private static double[][] informationAt(boolean[][] design, double[] mu, int p) {
        double[][] information = new double[p][p];
        for (int r = 0; r < design.length; r++) {
            for (int a = 0; a < p; a++) {
                if (design[r][a]) {
                    for (int b = 0; b <= a; b++) {
                        if (design[r][b]) {
                            information[a][b] += mu[r];
                        }
                    }
                }
            }
        }
        return information;
    }

    private static void linearPredictor(boolean[][] design, double[] beta, double[] eta) {
        for (int r = 0; r < design.length; r++) {
            double sum = 0;
            for (int c = 0; c < beta.length; c++) {
                if (design[r][c]) {
                    sum += beta[c];
                }
            }
            eta[r] = sum;
        }
    }

    static double deviance(double[] counts, double[] mu) {
        double deviance = 0;
        for (int r = 0; r < counts.length; r++) {
            double y = counts[r];
            deviance += (y > 0 ? y * Math.log(y / mu[r]) : 0) - (y - mu[r]);
        }
        return 2 * deviance;
    }

    static double logLikelihood(double[] counts, double[] mu) {
        double logLikelihood = 0;
        for (int r = 0; r < counts.length; r++) {
            logLikelihood += (counts[r] > 0 ? counts[r] * Math.log(mu[r]) : 0) - mu[r] - Gamma.logGamma(counts[r] + 1);
        }
        return logLikelihood;
    }

    /** Lower-triangular Cholesky factor of the lower triangle of {@code a}; rejects a (numerically) singular matrix. */
    private static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        double largestDiagonal = 0;
        for (int i = 0; i < p; i++) {
            largestDiagonal = Math.max(largestDiagonal, a[i][i]);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 1e-11 * largestDiagonal)) {
                        throw new ModelRejectedException("the model's parameters are not identifiable from these cells (singular design)");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] solve(double[][] l, double[] b) {
        int p = b.length;
        double[] y = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
