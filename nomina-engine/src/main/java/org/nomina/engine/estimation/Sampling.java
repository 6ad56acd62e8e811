package org.nomina.engine.estimation;

import java.util.SplittableRandom;

/**
 * Random variates for the bootstrap and the LCMCR sampler, drawn from a {@link SplittableRandom} so a
 * seed gives the same run on any number of threads.
 *
 * <p>Written by hand: commons-math3's distributions build an object per draw and sample the binomial by
 * inverting its CDF (a bisection of regularised beta functions), which costs microseconds per draw; the
 * sampler needs millions of draws (cells × classes × iterations). The algorithms are textbook exact ones:
 * Marsaglia–Tsang (2000) gamma, beta as a ratio of gammas, and Knuth's (TAOCP 3.4.1) order-statistic
 * recursions that reduce a large binomial or Poisson draw to a few gamma/beta draws and a small one.
 */
final class Sampling {
    private Sampling() {
    }

    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            // boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        // Marsaglia polar method; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    static long binomial(SplittableRandom random, long trials, double p) {
        if (trials <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return trials;
        }
        if (p > 0.5) {
            return trials - binomial(random, trials, 1 - p);
        }
        if (trials <= 16) {
            long successes = 0;
            for (long i = 0; i < trials; i++) {
                if (random.nextDouble() < p) {
                    successes++;
                }
            }
            return successes;
        }
        if (trials * p < 16) {
            return binomialByInversion(random, trials, p);
        }
        // the a-th smallest of n uniforms is Beta(a, n + 1 − a); it splits the trials into two smaller binomials
        long a = 1 + trials / 2;
        double x = beta(random, a, trials + 1 - a);
        return x >= p ? binomial(random, a - 1, p / x) : a + binomial(random, trials - a, (p - x) / (1 - x));
    }

    private static long binomialByInversion(SplittableRandom random, long trials, double p) {
        double ratio = p / (1 - p);
        double probability = Math.exp(trials * Math.log1p(-p));
        double u = random.nextDouble();
        long k = 0;
        while (u > probability && k < trials) {
            u -= probability;
            probability *= ratio * (trials - k) / (k + 1);
            k++;
        }
        return k;
    }

    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 16) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                product *= random.nextDouble();
                k++;
            }
            return k;
        }
        long m = (long) Math.floor(0.875 * mean);
        double x = gamma(random, m);
        return x < mean ? m + poisson(random, mean - x) : binomial(random, m - 1, mean / x);
    }

    /** Splits {@code trials} over categories with probabilities proportional to {@code weights} into {@code out}. */
    static void multinomial(SplittableRandom random, long trials, double[] weights, long[] out) {
        double remainingWeight = 0;
        for (double weight : weights) {
            remainingWeight += weight;
        }
        long remaining = trials;
        for (int k = 0; k < weights.length; k++) {
            if (remaining == 0 || remainingWeight <= 0) {
                out[k] = 0;
                continue;
            }
            long drawn = k == weights.length - 1 ? remaining : binomial(random, remaining, Math.min(1, weights[k] / remainingWeight));
            out[k] = drawn;
            remaining -= drawn;
            remainingWeight -= weights[k];
        }
    }
}
