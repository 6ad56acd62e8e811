package org.nomina.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.nomina.engine.domain.PartialDate;
import org.nomina.engine.estimation.CaptureHistories;
import org.w3c.dom.Document;

/** The charts' data and drawing: counts that add up, units that fit the span, SVG that parses as XML, tables equal to the input. */
class ChartsTest {

    static Document svg(Chart c) throws Exception {
        assertThat(c.svg()).as("no self-closed element, which jsoup (the PDF's parser) would leave open").doesNotContain("/>");
        assertThat(c.svg()).as("Batik draws text of font-size 12 as a dot in the PDF").doesNotContain("font-size=\"12\"");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse("<body>" + c.svg() + "</body>");
        assertThat(html.select("rect text, line text, circle text, polyline text")).as("as an HTML parser reads it").isEmpty();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(c.svg().getBytes(StandardCharsets.UTF_8)));
    }

    static Optional<PartialDate> day(int y, int m, int d) {
        return Optional.of(new PartialDate(y, m, d, false));
    }

    @Test
    void bucketsFollowTheSpanAndCountEveryDateOnce() {
        List<Optional<PartialDate>> oneAttack = List.of(day(1992, 2, 25), day(1992, 2, 26), day(1992, 2, 26), day(1992, 2, 28),
                Optional.of(new PartialDate(1992, 2, 0, false)), Optional.empty());
        TimeBuckets days = TimeBuckets.of(oneAttack);
        assertThat(days.unit()).isEqualTo(TimeBuckets.Unit.DAY);
        assertThat(days.labels()).containsExactly("1992-02-25", "1992-02-26", "1992-02-27", "1992-02-28");
        assertThat(days.counts()).containsExactly(1L, 2L, 0L, 1L);
        assertThat(days.tooVague()).as("a month alone cannot be placed on a day").isEqualTo(1);
        assertThat(days.undated()).isEqualTo(1);
        assertThat(days.total()).isEqualTo(oneAttack.size());

        List<Optional<PartialDate>> aWar = List.of(day(1991, 12, 30), day(1992, 1, 2), day(1993, 5, 1), Optional.of(PartialDate.ofYear(1993, true)));
        TimeBuckets months = TimeBuckets.of(aWar);
        assertThat(months.unit()).isEqualTo(TimeBuckets.Unit.MONTH);
        assertThat(months.labels()).hasSize(18).startsWith("1991-12", "1992-01").endsWith("1993-05");
        assertThat(months.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(months.tooVague()).isEqualTo(1);

        TimeBuckets years = TimeBuckets.of(List.of(day(1988, 2, 20), day(1994, 5, 12), Optional.of(PartialDate.ofYear(1991, false))));
        assertThat(years.unit()).isEqualTo(TimeBuckets.Unit.YEAR);
        assertThat(years.labels()).containsExactly("1988", "1989", "1990", "1991", "1992", "1993", "1994");
        assertThat(years.counts()).containsExactly(1L, 0L, 0L, 1L, 0L, 0L, 1L);
        assertThat(TimeBuckets.of(List.of(Optional.empty(), Optional.empty())).labels()).isEmpty();
    }

    @Test
    void theUpSetCountsAreTheCaptureHistoryTable() throws Exception {
        Random random = new Random(7);
        List<String> sources = List.of("Killed", "Town residents", "Hostages taken", "Commission");
        List<Set<Integer>> people = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Set<Integer> lists = new java.util.HashSet<>();
            for (int s = 0; s < sources.size(); s++) {
                if (random.nextDouble() < 0.3 + 0.1 * s) {
                    lists.add(s);
                }
            }
            if (!lists.isEmpty()) {
                people.add(lists);
            }
        }
        UpSetChart.Overlap overlap = UpSetChart.Overlap.of(sources, people);
        CaptureHistories table = CaptureHistories.fromIndividuals(sources, people);
        for (int history = 1; history < 1 << sources.size(); history++) {
            assertThat(overlap.combinations().getOrDefault(history, 0L)).as("history " + history).isEqualTo(table.count(history));
        }
        assertThat(overlap.persons()).isEqualTo(table.observed()).isEqualTo(people.size());
        long[] sizes = overlap.setSizes();
        for (int s = 0; s < sources.size(); s++) {
            int list = s;
            assertThat(sizes[s]).isEqualTo(people.stream().filter(p -> p.contains(list)).count()).isEqualTo(table.recordedByAll(1 << s));
        }
        Chart chart = UpSetChart.of("chart-overlap", "Overlap", "", overlap, 640);
        svg(chart);
        long inTable = chart.rows().stream().filter(r -> !r.get(1).text().equals("set size")).mapToLong(r -> Long.parseLong(r.get(2).text())).sum();
        assertThat(inTable).as("every combination is in the numbers table").isEqualTo(people.size());
        assertThat(chart.rows().get(0).get(0).text()).as("the largest combination first").isEqualTo(UpSetChart.names(sources,
                overlap.combinations().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
    }

    @Test
    void everyChartIsWellFormedSvgWithItsNumbersInTheTable() throws Exception {
        Chart fates = GroupedBarChart.of("chart-fates", "Fates <by> subgroup & more", "", List.of("children", "women"), List.of("killed", "injured"),
                new long[][] {{5, 10}, {24, 0}}, new String[][] {{"/dashboard/figure?incident=&key=killed%2Fchildren", ""}, {"", ""}}, 640);
        Document d = svg(fates);
        assertThat(d.getDocumentElement().getAttribute("id")).isEqualTo("chart-fates");
        assertThat(d.getElementsByTagName("rect").getLength()).as("4 bars and 2 legend keys").isEqualTo(6);
        assertThat(d.getElementsByTagName("a").getLength()).isEqualTo(1);
        assertThat(fates.rows()).hasSize(2);
        assertThat(fates.rows().get(1).stream().map(Chart.Cell::text)).containsExactly("women", "24", "0");
        assertThat(fates.rows().get(0).get(1).href()).endsWith("killed%2Fchildren");

        TimeBuckets b = TimeBuckets.of(List.of(day(1994, 11, 14), day(1994, 11, 14), day(1994, 11, 15), Optional.empty()));
        Chart deaths = ColumnChart.of("chart-deaths", "Deaths", "", b, "killed", 640, 240);
        assertThat(svg(deaths).getElementsByTagName("rect").getLength()).isEqualTo(2);
        assertThat(deaths.rows().stream().map(r -> r.get(0).text() + "=" + r.get(1).text())).containsExactly("1994-11-14=2", "1994-11-15=1", "no date=1");

        Chart estimate = EstimateChart.of("chart-estimate", "Estimate", "", 67, "", 80.4, 70.2, Double.POSITIVE_INFINITY, "credible interval",
                OptionalLong.of(67), OptionalLong.of(70), 640);
        assertThat(svg(estimate).getElementsByTagName("line").getLength()).isPositive();
        assertThat(estimate.svg()).contains("no upper bound");
        assertThat(estimate.rows().get(1).stream().map(Chart.Cell::text)).containsExactly("estimated total", "80", "70", "no upper bound");

        Chart lines = LineChart.of("chart-sources", "Records", "", List.of("1994", "1995"), List.of("A", "B"), new long[][] {{3, 0}, {1, 4}},
                new long[] {2, 0}, "year", 640, 200);
        assertThat(svg(lines).getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(lines.rows().get(2).stream().map(Chart.Cell::text)).containsExactly("no date precise enough", "2", "0");
        Chart empty = LineChart.of("chart-sources", "Records", "", List.of(), List.of("A"), new long[][] {{}}, new long[] {5}, "year", 640, 200);
        svg(empty);
    }
}
