package org.nomina.engine.estimation;

import java.util.Arrays;

/**
 * Whether several Markov chains agree: split-R̂ (Gelman et al., Bayesian Data Analysis, 3rd ed., §11.4)
 * and the effective sample size of their pooled draws (the same chapter's estimator: autocorrelations
 * combined across chains, summed over Geyer's initial monotone sequence of pair sums).
 *
 * <p>Written by hand: commons-math3 has no MCMC diagnostics, and the formulas are a few lines each.
 *
 * @param rHat                 split-R̂; near 1 when the chains agree, above 1.05 when they do not yet
 * @param effectiveSampleSize  draws' worth of independent information about N
 * @param chains               number of chains
 * @param drawsPerChain        kept draws per chain
 */
public record Convergence(double rHat, double effectiveSampleSize, int chains, int drawsPerChain) {
    /** Above this split-R̂ the chains have not converged (Vehtari et al. 2021 recommend 1.01; 1.05 is the older, common bar). */
    public static final double R_HAT_LIMIT = 1.05;
    /** Below this effective sample size the interval's ends are too noisy to quote (Vehtari et al. 2021: 100 per chain for 4 chains). */
    public static final double ESS_LIMIT = 400;

    /** True when split-R̂ ≤ {@link #R_HAT_LIMIT} and ESS ≥ {@link #ESS_LIMIT}. */
    public boolean converged() {
        return rHat <= R_HAT_LIMIT && effectiveSampleSize >= ESS_LIMIT;
    }

    static Convergence of(double[][] chains) {
        int half = chains[0].length / 2;
        if (half < 2) {
            throw new IllegalArgumentException("at least 4 draws per chain are needed, got " + chains[0].length);
        }
        double[][] halves = new double[2 * chains.length][];
        for (int c = 0; c < chains.length; c++) {
            halves[2 * c] = Arrays.copyOfRange(chains[c], 0, half);
            halves[2 * c + 1] = Arrays.copyOfRange(chains[c], chains[c].length - half, chains[c].length);
        }
        int m = halves.length;
        int n = half;
        double[] means = new double[m];
        double[] variances = new double[m];
        double grand = 0;
        for (int c = 0; c < m; c++) {
            means[c] = Arrays.stream(halves[c]).average().orElseThrow();
            final double mean = means[c];
            variances[c] = Arrays.stream(halves[c]).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
            grand += means[c] / m;
        }
        double between = 0;
        for (double mean : means) {
            between += (mean - grand) * (mean - grand);
        }
        between *= n / (m - 1.0);
        double within = Arrays.stream(variances).average().orElseThrow();
        double pooled = (n - 1.0) / n * within + between / n;
        if (!(pooled > 0)) {
            // every draw the same: nothing varies, so the chains trivially agree
            return new Convergence(1, m * (double) n, chains.length, chains[0].length);
        }
        double rHat = Math.sqrt(pooled / within);

        // autocorrelation at lag t combined across chains: 1 − (W − mean autocovariance_t) / var⁺
        double sum = 0;
        double previousPair = Double.POSITIVE_INFINITY;
        for (int t = 0; t + 1 < n; t += 2) {
            double pair = rho(halves, means, t, n, within, pooled) + rho(halves, means, t + 1, n, within, pooled);
            if (pair < 0) {
                break;
            }
            pair = Math.min(pair, previousPair);
            previousPair = pair;
            sum += pair;
        }
        double tau = -1 + 2 * sum;
        double ess = m * n / Math.max(tau, 1.0 / Math.log10(Math.max(m * n, 10)));
        return new Convergence(rHat, Math.min(ess, m * (double) n * Math.log10(Math.max(m * n, 10))), chains.length, chains[0].length);
    }

    private static double rho(double[][] halves, double[] means, int lag, int n, double within, double pooled) {
        double autocovariance = 0;
        for (int c = 0; c < halves.length; c++) {
            double sum = 0;
            for (int i = 0; i + lag < n; i++) {
                sum += (halves[c][i] - means[c]) * (halves[c][i + lag] - means[c]);
            }
            autocovariance += sum / n;
        }
        autocovariance /= halves.length;
        return 1 - (within - autocovariance) / pooled;
    }
}
