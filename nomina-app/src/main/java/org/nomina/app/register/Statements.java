package org.nomina.app.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nomina.app.charts.Chart;
import org.nomina.app.charts.ColumnChart;
import org.nomina.app.charts.EstimateChart;
import org.nomina.app.charts.GroupedBarChart;
import org.nomina.app.charts.LineChart;
import org.nomina.app.charts.TimeBuckets;
import org.nomina.app.charts.UpSetChart;
import org.nomina.engine.claims.ClaimCategory;
import org.nomina.engine.claims.ClaimComparison;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.estimation.CaptureHistories;
import org.nomina.engine.estimation.EstimationOutcome;
import org.nomina.engine.estimation.EstimationRefusal;
import org.nomina.engine.estimation.EstimationResult;
import org.nomina.engine.estimation.Estimators;
import org.nomina.engine.estimation.Method;
import org.nomina.engine.fates.Subgroups;
import org.nomina.store.Database;
import org.nomina.store.figures.ChartFacts;
import org.nomina.store.figures.Figures;
import org.nomina.store.linkage.RegisterHistories;
import org.nomina.store.search.RegisterReader;

/**
 * The statement of one incident, as the dashboard shows it and {@code nomina report} prints it: every
 * figure the register counts beside the claims' minimum–maximum over sources (the table of
 * {@code nomina claims compare}), the estimate of the killed with its interval and method, what does not
 * add up, the charts, and the ledger head that the figures were computed at.
 *
 * <p>The estimate (LCMCR, about five CPU-seconds) is computed on request and kept per incident and ledger
 * head: any change to the register (an import, a link, a decision, a correction) writes a new ledger
 * entry, so a kept estimate is never shown for a register it was not computed on.
 */
public final class Statements {
    static final int WIDTH = 640;
    /** The fates drawn by subgroup: those a statement breaks down by children, women, men and the elderly. */
    static final List<String> FATES = List.of("killed", "injured", "missing", "hostage", "released");

    private final Database db;
    private final RegisterReader reader;
    private final Map<String, EstimationOutcome> estimates = new ConcurrentHashMap<>();

    public Statements(Database db) {
        this.db = db;
        this.reader = new RegisterReader(db);
    }

    /** The killed of an incident and the sources listing each of them: the capture histories the estimate reads. */
    public record Histories(List<String> sources, List<Set<Integer>> lists) {
        public UpSetChart.Overlap overlap() {
            return UpSetChart.Overlap.of(sources, lists);
        }

        /** The capture-history table, when at least two sources list someone. */
        public Optional<CaptureHistories> table() {
            return sources.size() < 2 ? Optional.empty() : Optional.of(CaptureHistories.fromIndividuals(sources, lists));
        }
    }

    /** The estimate of the killed, or why there is none yet. */
    public record EstimateLine(Optional<EstimationOutcome> outcome, String method, String interval, String note) {
        public Optional<EstimationResult> result() {
            return outcome.filter(EstimationResult.class::isInstance).map(EstimationResult.class::cast);
        }
    }

    public record Statement(String incident, Optional<String> incidentName, Figures.Report figures, List<ClaimComparison.Row> rows,
                            List<String> notes, EstimateLine estimate, Histories histories, List<Chart> charts,
                            Optional<RegisterReader.LedgerHead> ledgerHead, Instant made) {

        /**
         * The statement-like table: every figure the register counts, in its order, each with the claims'
         * row of {@code nomina claims compare} when sources give that figure; then the rows that only the
         * claims give (a figure the register does not count).
         */
        public List<Line> lines() {
            Map<String, ClaimComparison.Row> byKey = new java.util.LinkedHashMap<>();
            rows.forEach(r -> byKey.put(r.key().label(), r));
            List<Line> out = new ArrayList<>();
            for (Figures.Figure f : figures.figures()) {
                out.add(new Line(f.key(), f.category(), f.subgroup().orElse(""), Optional.of(f), Optional.ofNullable(byKey.remove(f.key()))));
            }
            byKey.forEach((k, r) -> out.add(new Line(k, r.key().category().label(), r.key().subgroup().map(x -> x.label()).orElse(""),
                    Optional.empty(), Optional.of(r))));
            return out;
        }

        /** Every flag of the comparison: what does not add up. */
        public List<ClaimComparison.Flag> flags() {
            return rows.stream().flatMap(r -> r.flags().stream()).toList();
        }
    }

    /** One line of the table: a figure of the register, the claims about it, or both. */
    public record Line(String key, String category, String subgroup, Optional<Figures.Figure> figure, Optional<ClaimComparison.Row> claims) {
        public String claimsSpan() {
            if (claims.isEmpty() || claims.get().claimsMinimum().isEmpty() && claims.get().claimsMaximum().isEmpty()) {
                return "";
            }
            ClaimComparison.Row r = claims.get();
            String lo = r.claimsMinimum().isPresent() ? String.format("%,d", r.claimsMinimum().getAsLong()) : "";
            String hi = r.claimsMaximum().isPresent() ? String.format("%,d", r.claimsMaximum().getAsLong()) : "";
            return lo.equals(hi) ? lo : lo.isEmpty() ? "up to " + hi : hi.isEmpty() ? "at least " + lo : lo + " – " + hi;
        }

        public List<ClaimComparison.Flag> flags() {
            return claims.map(ClaimComparison.Row::flags).orElse(List.of());
        }

        public List<ClaimComparison.SourcedClaim> sourced() {
            return claims.map(ClaimComparison.Row::claims).orElse(List.of());
        }

        public Optional<ClaimComparison.Estimate> estimate() {
            return claims.flatMap(ClaimComparison.Row::estimate);
        }

        /** How a claim puts its figure: "about 300", "at least 40", "12–15". */
        public static String describe(ClaimComparison.SourcedClaim c) {
            return ClaimComparison.describe(c);
        }
    }

    /**
     * The statement of {@code incident} (empty: the whole register).
     *
     * @param computeEstimate compute the estimate now when none is kept for this register state (the report does; a page view does not)
     * @param links           link the charts' bars to the dashboard's lists of persons (the web); a report stands alone
     */
    public Statement statement(Optional<String> incident, boolean computeEstimate, boolean links) {
        Optional<RegisterReader.LedgerHead> head = reader.ledgerHead();
        Figures.Report figures = Figures.compute(db.jdbi(), incident, Optional.empty(), Subgroups.DEFAULT);
        Histories histories = histories(figures);
        EstimateLine estimate = computeEstimate ? line(Optional.of(estimate(incident, head, histories)), histories)
                : line(Optional.ofNullable(estimates.get(key(incident, head))), histories);
        List<ClaimComparison.Estimate> forRows = estimate.result().map(r -> List.of(new ClaimComparison.Estimate(
                new ClaimComparison.Key(ClaimCategory.KILLED, Optional.empty()), r.estimate(), r.lower(), r.upper(), r.method().label())))
                .orElse(List.of());
        List<String> notes = new ArrayList<>();
        List<ClaimComparison.Row> rows = ClaimsDocument.compare(db, incident, figures.counts(), forRows, notes);
        List<Chart> charts = charts(incident, figures, rows, estimate, histories, links);
        return new Statement(figures.incident(), incident, figures, rows, notes, estimate, histories, charts, head, Instant.now());
    }

    /** The kept estimate of the killed for the register as it is now, if one was computed. */
    public Optional<EstimationOutcome> keptEstimate(Optional<String> incident) {
        return Optional.ofNullable(estimates.get(key(incident, reader.ledgerHead())));
    }

    /** Computes (or takes the kept) estimate of the killed of {@code incident} for the register as it is now. */
    public EstimationOutcome estimate(Optional<String> incident) {
        Figures.Report figures = Figures.compute(db.jdbi(), incident, Optional.empty(), Subgroups.DEFAULT);
        return estimate(incident, reader.ledgerHead(), histories(figures));
    }

    private EstimationOutcome estimate(Optional<String> incident, Optional<RegisterReader.LedgerHead> head, Histories histories) {
        String key = key(incident, head);
        String prefix = incident.orElse("") + "\u0000";
        // Only the estimate for the register as it is now can be shown; those for earlier heads are forgotten, so a
        // long-running server keeps one estimate per incident, not one per change ever made.
        estimates.keySet().removeIf(k -> k.startsWith(prefix) && !k.equals(key));
        return estimates.computeIfAbsent(key, k -> {
            Optional<CaptureHistories> table = histories.table();
            if (table.isEmpty()) {
                return new EstimationRefusal("the killed are on " + histories.sources().size() + " list"
                        + (histories.sources().size() == 1 ? "" : "s") + "; an estimate needs at least two", histories.lists().size(), List.of());
            }
            Method m = Estimates.defaultMethod(table.get().listCount());
            return Estimators.estimate(table.get(), m, Estimates.DEFAULT_CRITERION, Estimates.defaultOptions());
        });
    }

    private static String key(Optional<String> incident, Optional<RegisterReader.LedgerHead> head) {
        return incident.orElse("") + "\u0000" + head.map(RegisterReader.LedgerHead::hash).orElse("");
    }

    private static EstimateLine line(Optional<EstimationOutcome> outcome, Histories histories) {
        if (outcome.isEmpty()) {
            return new EstimateLine(outcome, "", "", "not computed yet for the register as it is now (it takes some seconds)");
        }
        return switch (outcome.get()) {
            case EstimationResult r -> new EstimateLine(outcome, Estimates.methodWords(r.method()), Math.round(r.level() * 100) + "% " + Estimates.intervalWords(r.intervalKind()).replaceAll(",$", ""),
                    String.format("%,d killed are on at least one of %d lists; so about %,.0f are on none (estimated)", r.observed(),
                            histories.sources().size(), r.estimate() - r.observed()));
            case EstimationRefusal refusal -> new EstimateLine(outcome, "", "", "no estimate: " + refusal.reason());
        };
    }

    /** The killed of the report and the sources listing each, over the sources that list at least one of them. */
    Histories histories(Figures.Report figures) {
        Set<Long> killed = new HashSet<>(figures.figure("killed").map(Figures.Figure::personIds).orElse(List.of()));
        if (killed.isEmpty()) {
            return new Histories(List.of(), List.of());
        }
        RegisterHistories.Histories all = RegisterHistories.load(db, Optional.empty(), Optional.empty());
        List<Set<Integer>> raw = new ArrayList<>();
        Set<Integer> used = new java.util.TreeSet<>();
        for (RegisterHistories.PersonHistory p : all.people()) {
            if (killed.contains(p.personId())) {
                raw.add(p.lists());
                used.addAll(p.lists());
            }
        }
        List<String> sources = new ArrayList<>();
        Map<Integer, Integer> index = new HashMap<>();
        for (int i : used) {
            index.put(i, sources.size());
            sources.add(all.sources().get(i));
        }
        List<Set<Integer>> lists = raw.stream().map(s -> {
            Set<Integer> out = new HashSet<>();
            s.forEach(i -> out.add(index.get(i)));
            return Set.copyOf(out);
        }).toList();
        return new Histories(List.copyOf(sources), lists);
    }

    // --- charts -----------------------------------------------------------------------------------------

    private List<Chart> charts(Optional<String> incident, Figures.Report figures, List<ClaimComparison.Row> rows, EstimateLine estimate,
                               Histories histories, boolean links) {
        String figureBase = links ? "/dashboard/figure?incident=" + enc(incident.orElse("")) + "&key=" : "";
        List<Chart> out = new ArrayList<>();
        out.add(fates(figures, figureBase));
        out.add(deaths(incident, figures));
        Figures.Figure killed = figures.figure("killed").orElseThrow();
        estimate.result().ifPresent(r -> {
            Optional<ClaimComparison.Row> claimed = rows.stream()
                    .filter(x -> x.key().category() == ClaimCategory.KILLED && x.key().subgroup().isEmpty()).findFirst();
            OptionalLong min = claimed.map(ClaimComparison.Row::claimsMinimum).orElse(OptionalLong.empty());
            OptionalLong max = claimed.map(ClaimComparison.Row::claimsMaximum).orElse(OptionalLong.empty());
            out.add(EstimateChart.of("chart-estimate", "The killed: documented and estimated", "The register's count of the killed, the estimated "
                    + "total with its " + estimate.interval() + " (" + estimate.method() + "), and the span of what the sources claim.",
                    killed.count(), figureBase.isEmpty() ? "" : figureBase + "killed", r.estimate(), r.lower(), r.upper(), estimate.interval(),
                    min.isPresent() ? min : max, max.isPresent() ? max : min, WIDTH));
        });
        if (!histories.sources().isEmpty()) {
            out.add(UpSetChart.of("chart-overlap", "How the lists overlap: the killed by the sources that list them",
                    "Each column is one combination of sources (a capture history) and the killed persons listed by exactly those; "
                            + "the bars at the left are each source's persons. The estimate reads this table.",
                    histories.overlap(), WIDTH));
        }
        out.add(recordsPerSource(incident));
        return out;
    }

    private static Chart fates(Figures.Report figures, String base) {
        List<String> groups = new ArrayList<>(Subgroups.NAMES);
        groups.add("age or sex unknown");
        long[][] values = new long[groups.size()][FATES.size()];
        String[][] hrefs = new String[groups.size()][FATES.size()];
        for (int f = 0; f < FATES.size(); f++) {
            String fate = FATES.get(f);
            for (int g = 0; g < Subgroups.NAMES.size(); g++) {
                Optional<Figures.Figure> fig = figures.figure(fate + "/" + Subgroups.NAMES.get(g));
                values[g][f] = fig.map(Figures.Figure::count).orElse(0L);
                hrefs[g][f] = fig.filter(x -> !base.isEmpty()).map(x -> base + enc(x.key())).orElse("");
            }
            Optional<Figures.Figure> whole = figures.figure(fate);
            values[groups.size() - 1][f] = whole.map(Figures.Figure::unknown).orElse(0L);
            hrefs[groups.size() - 1][f] = whole.filter(x -> !base.isEmpty()).map(x -> base + enc(x.key())).orElse("");
        }
        return GroupedBarChart.of("chart-fates", "Fates by subgroup", "Persons by fate in each subgroup (a person may be in more than one "
                + "subgroup, e.g. a girl is a child and female); the last row counts those whose age or sex is not known.", groups, FATES, values, hrefs, WIDTH);
    }

    private Chart deaths(Optional<String> incident, Figures.Report figures) {
        Set<Long> killed = new HashSet<>(figures.figure("killed").map(Figures.Figure::personIds).orElse(List.of()));
        Map<Long, Optional<PartialDate>> dates = ChartFacts.deathDates(db.jdbi(), incident, killed);
        TimeBuckets buckets = TimeBuckets.of(dates.values());
        return ColumnChart.of("chart-deaths", "Deaths over time", "The killed by the date of their death: the earliest date a record of the "
                + "incident that says killed gives (its status date, else its incident date), " + unitWords(buckets.unit()) + ".",
                buckets, "killed", WIDTH, 240);
    }

    private Chart recordsPerSource(Optional<String> incident) {
        Map<String, List<Optional<PartialDate>>> bySource = ChartFacts.recordDates(db.jdbi(), incident);
        List<Optional<PartialDate>> all = new ArrayList<>();
        bySource.values().forEach(all::addAll);
        TimeBuckets.Unit unit = TimeBuckets.unitFor(all);
        TimeBuckets axis = TimeBuckets.of(all, unit);
        List<String> series = new ArrayList<>(bySource.keySet());
        long[][] values = new long[series.size()][axis.labels().size()];
        long[] apart = new long[series.size()];
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < axis.labels().size(); i++) {
            column.put(axis.labels().get(i), i);
        }
        for (int s = 0; s < series.size(); s++) {
            for (Optional<PartialDate> d : bySource.get(series.get(s))) {
                Optional<String> label = axis.label(d);
                if (label.isPresent()) {
                    values[s][column.get(label.get())]++;
                } else {
                    apart[s]++;
                }
            }
        }
        return LineChart.of("chart-sources", "Records per source over time", "Each source's records by the date the record gives "
                + "(its status date, else its incident date — not the date it was imported), " + unitWords(unit) + ".",
                axis.labels(), series, values, apart, unit.name().toLowerCase(Locale.ROOT), WIDTH, 200);
    }

    private static String unitWords(TimeBuckets.Unit unit) {
        return switch (unit) {
            case DAY -> "per day (the dates span at most two months)";
            case MONTH -> "per month (the dates span more than two months)";
            case YEAR -> "per year (the dates span more than six years, or give years only)";
        };
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
