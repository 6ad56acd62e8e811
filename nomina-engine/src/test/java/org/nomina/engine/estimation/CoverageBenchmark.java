package org.nomina.engine.estimation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The coverage study behind the default method: many generated populations whose true size is known,
 * captured by four lists with several kinds of heterogeneity and dependence, every method run on each;
 * prints per method and scenario the share of 95% intervals that hold the truth, the median width of the
 * interval relative to the truth, and the median relative error of the point estimate (bias).
 * Run by {@code bench/coverage.sh [cases per scenario] [seed]}; not a test.
 *
 * <p>Each person has a sex, an age group and one of ten villages. Scenarios:
 * <ul>
 * <li>{@code homogeneous}: lists independent, everyone equally likely to be recorded by each;</li>
 * <li>{@code women-children}: list 1 (think of a women's organisation) records women and children three
 *     times as readily as men;</li>
 * <li>{@code villages}: list 2 covers three of the ten villages far better than the rest;</li>
 * <li>{@code list-dependence}: list 3 copies from list 2 (being on 2 triples the chance of being on 3);</li>
 * <li>{@code behavioural}: a third of the people are "visible" (known to neighbours, with relatives who
 *     testify) and every list records them about three times as readily — heterogeneity shared across lists;</li>
 * <li>{@code mixed}: all of the above at once, milder.</li>
 * </ul>
 */
public final class CoverageBenchmark {
    private static final int LISTS = 4;
    private static final double TRUE_TOTAL = 2_000;

    private CoverageBenchmark() {
    }

    /** One generated person: the lists that recorded them and the strata the register could split by. */
    record Person(Set<Integer> lists, String sex) {
    }

    /** One case's result for one method. */
    record Outcome(boolean covered, double relativeWidth, double relativeError, boolean refused) {
    }

    interface CaptureModel {
        /** Probability that list {@code list} records this person, given the lists already decided. */
        double probability(int list, boolean female, boolean child, int village, boolean visible, boolean[] onEarlier);
    }

    static final Map<String, CaptureModel> SCENARIOS = new LinkedHashMap<>();

    static {
        double[] base = {0.25, 0.2, 0.3, 0.22};
        SCENARIOS.put("homogeneous", (list, female, child, village, visible, earlier) -> base[list]);
        SCENARIOS.put("women-children", (list, female, child, village, visible, earlier) ->
                list == 0 ? (female || child ? 0.45 : 0.15) : base[list]);
        SCENARIOS.put("villages", (list, female, child, village, visible, earlier) ->
                list == 1 ? (village < 3 ? 0.5 : 0.1) : base[list]);
        SCENARIOS.put("list-dependence", (list, female, child, village, visible, earlier) ->
                list == 2 ? (earlier[1] ? 0.6 : 0.2) : base[list]);
        SCENARIOS.put("behavioural", (list, female, child, village, visible, earlier) ->
                visible ? Math.min(0.9, base[list] * 2.2) : base[list] * 0.7);
        SCENARIOS.put("mixed", (list, female, child, village, visible, earlier) -> {
            double p = base[list] * (visible ? 1.6 : 0.8);
            if (list == 0 && (female || child)) {
                p *= 1.6;
            }
            if (list == 1 && village < 3) {
                p *= 1.8;
            }
            if (list == 2 && earlier[1]) {
                p *= 1.8;
            }
            return Math.min(p, 0.9);
        });
    }

    static List<Person> population(CaptureModel model, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> recorded = new ArrayList<>();
        for (int person = 0; person < TRUE_TOTAL; person++) {
            boolean female = random.nextDouble() < 0.45;
            boolean child = random.nextDouble() < 0.2;
            int village = random.nextInt(10);
            boolean visible = random.nextDouble() < 1.0 / 3;
            boolean[] on = new boolean[LISTS];
            Set<Integer> lists = new java.util.TreeSet<>();
            for (int list = 0; list < LISTS; list++) {
                on[list] = random.nextDouble() < model.probability(list, female, child, village, visible, on);
                if (on[list]) {
                    lists.add(list);
                }
            }
            if (!lists.isEmpty()) {
                recorded.add(new Person(lists, female ? "female" : "male"));
            }
        }
        return recorded;
    }

    record Contender(String name, Function<List<Person>, EstimationOutcome> run) {
    }

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026;
        List<String> names = java.util.stream.IntStream.range(0, LISTS).mapToObj(i -> "L" + (i + 1)).toList();
        EstimationOptions defaults = EstimationOptions.defaults();
        EstimationOptions bootstrap = defaults.withBootstrapResamples(200);
        // LCMCR at its defaults costs about 5 CPU-seconds a case; its stratified run uses 2 chains of 5,000
        // burn-in and 40,000 sweeps thinned by 20 per stratum (a quarter of the work) and says so in its label
        EstimationOptions lighterSampler = defaults.withSampler(10, 2, 5_000, 40_000, 20);
        Function<List<Person>, CaptureHistories> table = people -> CaptureHistories.fromIndividuals(names,
                people.stream().map(Person::lists).toList());
        Function<List<Person>, Map<String, CaptureHistories>> bySex = people -> CaptureHistories.byStratum(names, people,
                Person::sex, Person::lists);
        List<Contender> contenders = List.of(
                new Contender("lcmcr (the default)", people -> Estimators.estimate(table.apply(people), Method.LCMCR, Criterion.BIC,
                        defaults)),
                new Contender("lcmcr --by sex (2 chains, 40k)", people -> Estimators.estimateByStratum(bySex.apply(people), Method.LCMCR,
                        Criterion.BIC, lighterSampler)),
                new Contender("bma", people -> Estimators.estimate(table.apply(people), Method.BMA, Criterion.BIC, defaults)),
                new Contender("bma --by sex", people -> Estimators.estimateByStratum(bySex.apply(people), Method.BMA, Criterion.BIC, defaults)),
                new Contender("loglinear BIC, profile", people -> Estimators.estimate(table.apply(people), Method.LOGLINEAR, Criterion.BIC,
                        defaults)),
                new Contender("loglinear AIC, profile", people -> Estimators.estimate(table.apply(people), Method.LOGLINEAR, Criterion.AIC,
                        defaults)),
                new Contender("stepwise, BCa (200 resamples)", people -> Estimators.estimate(table.apply(people), Method.STEPWISE,
                        Criterion.AIC, bootstrap)));

        System.out.printf("Coverage study: %d cases per scenario, true total %,.0f, %d lists, seed %d%n", cases, TRUE_TOTAL, LISTS, seed);
        Map<String, List<Outcome>> overall = new LinkedHashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        for (Map.Entry<String, CaptureModel> scenario : SCENARIOS.entrySet()) {
            Map<String, List<Outcome>> byMethod = new LinkedHashMap<>();
            for (int c = 0; c < cases; c++) {
                List<Person> people = population(scenario.getValue(), seed * 1_000_003L + scenario.getKey().hashCode() * 31L + c);
                for (Contender contender : contenders) {
                    long start = System.nanoTime();
                    Outcome outcome = judge(contender.run().apply(people));
                    seconds.merge(contender.name(), (System.nanoTime() - start) / 1e9, Double::sum);
                    byMethod.computeIfAbsent(contender.name(), key -> new ArrayList<>()).add(outcome);
                    overall.computeIfAbsent(contender.name(), key -> new ArrayList<>()).add(outcome);
                }
            }
            System.out.printf("%n%s%n", scenario.getKey());
            print(byMethod, Map.of());
        }
        System.out.printf("%nall scenarios (%d cases)%n", cases * SCENARIOS.size());
        print(overall, seconds);
    }

    private static Outcome judge(EstimationOutcome outcome) {
        return switch (outcome) {
            case EstimationResult r -> new Outcome(r.lower() <= TRUE_TOTAL && TRUE_TOTAL <= r.upper(),
                    (Math.min(r.upper(), 100 * TRUE_TOTAL) - r.lower()) / TRUE_TOTAL, (r.estimate() - TRUE_TOTAL) / TRUE_TOTAL, false);
            case EstimationRefusal refusal -> new Outcome(false, Double.NaN, Double.NaN, true);
        };
    }

    private static void print(Map<String, List<Outcome>> byMethod, Map<String, Double> seconds) {
        System.out.printf("  %-32s %9s %13s %13s %8s%s%n", "method", "coverage", "median width", "median error", "refused",
                seconds.isEmpty() ? "" : "   seconds/case");
        byMethod.forEach((method, outcomes) -> {
            double coverage = outcomes.stream().filter(Outcome::covered).count() / (double) outcomes.size();
            double[] widths = outcomes.stream().filter(o -> !o.refused()).mapToDouble(Outcome::relativeWidth).sorted().toArray();
            double[] errors = outcomes.stream().filter(o -> !o.refused()).mapToDouble(Outcome::relativeError).sorted().toArray();
            long refused = outcomes.stream().filter(Outcome::refused).count();
            System.out.printf("  %-32s %8.1f%% %12.1f%% %+12.1f%% %8d%s%n", method, 100 * coverage, 100 * median(widths), 100 * median(errors),
                    refused, seconds.isEmpty() ? "" : String.format("   %.2f", seconds.get(method) / outcomes.size()));
        });
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
