package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.special.Gamma;

/**
 * Bayesian model averaging over decomposable graphical log-linear models (Madigan and York 1997), as the
 * R package {@code dga} (Johndrow, Lum and Ball; HRDAG) computes it: a hyper-Dirichlet prior on the cell
 * probabilities of the complete 2^K table with δ = 2^−K prior people per cell, the prior p(N) ∝ 1/N,
 * every decomposable graph equally likely a priori. For each graph and each candidate number n₀ of people
 * on no list, the marginal likelihood factorises over the graph's cliques and separators; summing over
 * graphs gives the posterior of N, whose spread carries the uncertainty of not knowing which lists depend
 * on which.
 *
 * <p>Written by hand: {@code dga} is R only, and no Java library offers hyper-Dirichlet marginal
 * likelihoods. Graphs are enumerated (all 2^(K(K−1)/2) graphs, kept when chordal: 8 for three lists, 61
 * for four, 822 for five, 18,154 for six); a chordal graph's likelihood is written as the product over a
 * perfect elimination order of f(family) / f(parents), which equals dga's product over cliques divided by
 * separators. n₀ runs over a grid of at most {@value #GRID_POINTS} points (step 1 while it fits), widened
 * until the posterior beyond its top is negligible.
 */
final class ModelAveraging {
    /** Six lists are 32,768 graphs; beyond that enumeration is too slow, and dga itself stops at five. */
    static final int MAX_LISTS = 6;
    private static final int GRID_POINTS = 4_000;
    private static final double NEGLIGIBLE_LOG = -30;

    private ModelAveraging() {
    }

    /** One decomposable model's share of the posterior. */
    record ModelWeight(LogLinearModel model, double probability, double medianTotal) {
    }

    /**
     * The posterior of N on a grid: {@code probability[i]} is the posterior mass of the {@code step}
     * integers n₀ = i·step … (i+1)·step − 1 (step 1: exactly n₀ = i).
     */
    record Posterior(long observed, int step, double[] probability, List<ModelWeight> models) {
        double quantile(double p) {
            double cumulative = 0;
            for (int i = 0; i < probability.length; i++) {
                if (cumulative + probability[i] >= p) {
                    double within = probability[i] > 0 ? (p - cumulative) / probability[i] : 0;
                    return observed + (step == 1 ? i : (i + within) * step);
                }
                cumulative += probability[i];
            }
            return observed + (double) probability.length * step;
        }

        double mean() {
            double mean = 0;
            for (int i = 0; i < probability.length; i++) {
                mean += probability[i] * (i + (step == 1 ? 0 : 0.5)) * step;
            }
            return observed + mean;
        }

        double standardDeviation() {
            double mean = mean() - observed;
            double variance = 0;
            for (int i = 0; i < probability.length; i++) {
                double x = (i + (step == 1 ? 0 : 0.5)) * step - mean;
                variance += probability[i] * x * x;
            }
            return Math.sqrt(variance);
        }

        /** Independent draws of N, for pooling strata. */
        double[] draws(int count, long seed) {
            double[] cumulative = new double[probability.length];
            double sum = 0;
            for (int i = 0; i < probability.length; i++) {
                sum += probability[i];
                cumulative[i] = sum;
            }
            SplittableRandom random = new SplittableRandom(seed);
            double[] draws = new double[count];
            for (int d = 0; d < count; d++) {
                double u = random.nextDouble() * sum;
                int index = Arrays.binarySearch(cumulative, u);
                index = index >= 0 ? index : Math.min(-index - 1, probability.length - 1);
                draws[d] = observed + (double) index * step + (step == 1 ? 0 : random.nextInt(step));
            }
            return draws;
        }
    }

    /** A chordal graph as families along a perfect elimination order: f(family) / f(parents) per list. */
    private record Graph(int[] families, int[] parents, List<Integer> cliques) {
    }

    /** With dga's defaults as HRDAG uses them: δ = 2^−K, p(N) ∝ 1/N. */
    static Posterior run(CaptureHistories data) {
        return run(data, Math.pow(2, -data.listCount()), total -> -Math.log(Math.max(total, 1)));
    }

    /**
     * @param delta    prior people per cell of the complete table
     * @param logPrior log prior of the total N, up to a constant
     */
    static Posterior run(CaptureHistories data, double delta, DoubleUnaryOperator logPrior) {
        int lists = data.listCount();
        if (lists > MAX_LISTS) {
            throw new IllegalArgumentException("model averaging over decomposable graphs supports at most " + MAX_LISTS + " lists");
        }
        List<Graph> graphs = graphs(lists);
        long observed = data.observed();
        // widen the grid until the top of it carries no posterior mass
        long top = Math.max(1000, 4 * observed);
        while (true) {
            Posterior posterior = evaluate(data, graphs, top, delta, logPrior);
            double[] p = posterior.probability();
            double tailMass = 0;
            for (int i = p.length - p.length / 50 - 1; i < p.length; i++) {
                tailMass += p[i];
            }
            if (tailMass < 1e-6 || top > 2_000L * Math.max(observed, 1_000)) {
                return posterior;
            }
            top *= 4;
        }
    }

    private static Posterior evaluate(CaptureHistories data, List<Graph> graphs, long top, double delta, DoubleUnaryOperator logPrior) {
        int lists = data.listCount();
        long observed = data.observed();
        int step = (int) Math.max(1, (top + GRID_POINTS - 1) / GRID_POINTS);
        int points = (int) (top / step) + 1;
        double alpha = delta * (1 << lists);
        long[] counts = data.counts();
        // f(A)(n₀) for every subset A of the lists
        double[][] f = new double[1 << lists][points];
        double[] logTotal = new double[points];
        for (int i = 0; i < points; i++) {
            double missing = (double) i * step;
            logTotal[i] = Gamma.logGamma(alpha) - Gamma.logGamma(observed + missing + alpha);
        }
        for (int subset = 1; subset < (1 << lists); subset++) {
            double alphaCell = delta * (1 << (lists - Integer.bitCount(subset)));
            long[] margin = new long[1 << lists];
            for (int history = 1; history < counts.length; history++) {
                margin[history & subset] += counts[history];
            }
            double constant = 0;
            for (int cell = subset; cell > 0; cell = (cell - 1) & subset) {
                constant += Gamma.logGamma(margin[cell] + alphaCell) - Gamma.logGamma(alphaCell);
            }
            for (int i = 0; i < points; i++) {
                double missing = (double) i * step;
                f[subset][i] = constant + Gamma.logGamma(margin[0] + missing + alphaCell) - Gamma.logGamma(alphaCell) + logTotal[i];
            }
        }
        // multinomial coefficient N! / n₀! (the observed cells' factorials are the same for all) and the prior of N
        double[] common = new double[points];
        for (int i = 0; i < points; i++) {
            double missing = (double) i * step;
            double total = observed + missing;
            common[i] = Gamma.logGamma(total + 1) - Gamma.logGamma(missing + 1) + logPrior.applyAsDouble(total) + Math.log(step);
        }
        double[] posterior = new double[points];
        double scale = Double.NEGATIVE_INFINITY;
        double[] modelLog = new double[graphs.size()];
        double[] values = new double[points];
        for (int g = 0; g < graphs.size(); g++) {
            double max = logValues(graphs.get(g), f, common, values);
            if (max > scale) {
                double shrink = Math.exp(scale - max);
                for (int i = 0; i < points; i++) {
                    posterior[i] *= shrink;
                }
                scale = max;
            }
            double sum = 0;
            for (int i = 0; i < points; i++) {
                sum += Math.exp(values[i] - max);
                posterior[i] += Math.exp(values[i] - scale);
            }
            modelLog[g] = max + Math.log(sum);
        }
        double total = Arrays.stream(posterior).sum();
        for (int i = 0; i < points; i++) {
            posterior[i] /= total;
        }
        double best = Arrays.stream(modelLog).max().orElseThrow();
        double normaliser = Arrays.stream(modelLog).map(value -> Math.exp(value - best)).sum();
        List<ModelWeight> models = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            if (modelLog[g] - best > NEGLIGIBLE_LOG) {
                double max = logValues(graphs.get(g), f, common, values);
                double[] shape = Arrays.stream(values).map(value -> Math.exp(value - max)).toArray();
                double shapeSum = Arrays.stream(shape).sum();
                double[] normalised = Arrays.stream(shape).map(value -> value / shapeSum).toArray();
                double median = new Posterior(observed, step, normalised, List.of()).quantile(0.5);
                models.add(new ModelWeight(LogLinearModel.generatedBy(lists, graphs.get(g).cliques()),
                        Math.exp(modelLog[g] - best) / normaliser, median));
            }
        }
        models.sort(Comparator.comparingDouble(ModelWeight::probability).reversed());
        return new Posterior(observed, step, posterior, List.copyOf(models));
    }

    /** Log posterior (up to a constant) of one graph at every grid point, into {@code values}; returns its maximum. */
    private static double logValues(Graph graph, double[][] f, double[] common, double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double value = common[i];
            for (int v = 0; v < graph.families().length; v++) {
                value += f[graph.families()[v]][i] - (graph.parents()[v] == 0 ? 0 : f[graph.parents()[v]][i]);
            }
            values[i] = value;
            max = Math.max(max, value);
        }
        return max;
    }

    private static final java.util.Map<Integer, List<Graph>> GRAPHS = new java.util.concurrent.ConcurrentHashMap<>();

    static int decomposableGraphCount(int lists) {
        return graphs(lists).size();
    }

    private static List<Graph> graphs(int lists) {
        return GRAPHS.computeIfAbsent(lists, ModelAveraging::decomposableGraphs);
    }

    /** Every chordal graph on {@code lists} vertices, by maximum cardinality search. */
    private static List<Graph> decomposableGraphs(int lists) {
        int[][] edges = new int[lists * (lists - 1) / 2][];
        int e = 0;
        for (int i = 0; i < lists; i++) {
            for (int j = i + 1; j < lists; j++) {
                edges[e++] = new int[] {i, j};
            }
        }
        List<Graph> graphs = new ArrayList<>();
        for (int mask = 0; mask < (1 << edges.length); mask++) {
            int[] neighbours = new int[lists];
            for (int k = 0; k < edges.length; k++) {
                if ((mask >> k & 1) == 1) {
                    neighbours[edges[k][0]] |= 1 << edges[k][1];
                    neighbours[edges[k][1]] |= 1 << edges[k][0];
                }
            }
            Graph graph = chordal(lists, neighbours);
            if (graph != null) {
                graphs.add(graph);
            }
        }
        return graphs;
    }

    /** The graph's families along a maximum cardinality search order, or null when the graph is not chordal. */
    private static Graph chordal(int lists, int[] neighbours) {
        int visited = 0;
        int[] families = new int[lists];
        int[] parents = new int[lists];
        for (int step = 0; step < lists; step++) {
            int next = -1;
            int most = -1;
            for (int v = 0; v < lists; v++) {
                if ((visited >> v & 1) == 0 && Integer.bitCount(neighbours[v] & visited) > most) {
                    most = Integer.bitCount(neighbours[v] & visited);
                    next = v;
                }
            }
            int earlier = neighbours[next] & visited;
            for (int u = 0; u < lists; u++) {
                if ((earlier >> u & 1) == 1 && (earlier & ~(neighbours[u] | (1 << u))) != 0) {
                    return null;
                }
            }
            parents[step] = earlier;
            families[step] = earlier | 1 << next;
            visited |= 1 << next;
        }
        List<Integer> cliques = new ArrayList<>();
        for (int family : families) {
            boolean maximal = true;
            for (int other : families) {
                if (other != family && (other & family) == family) {
                    maximal = false;
                }
            }
            if (maximal && !cliques.contains(family)) {
                cliques.add(family);
            }
        }
        return new Graph(families, parents, cliques);
    }
}
