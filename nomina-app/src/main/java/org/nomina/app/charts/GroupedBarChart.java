package org.nomina.app.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bars in groups — the fates by subgroup: one group per subgroup, one bar per fate, each bar
 * linking to the persons it counts, its number printed beside it, every bar on one scale.
 */
public final class GroupedBarChart {
    static final int LABEL = 150;
    static final int NUMBER = 60;
    static final int BAR = 16;
    static final int GAP = 12;
    static final int LEGEND = 26;

    private GroupedBarChart() {
    }

    /**
     * @param groups    the row groups (subgroups), top to bottom
     * @param series    the bars within each group (fates), with one colour each
     * @param values    {@code values[group][series]}
     * @param hrefs     where each bar's persons are listed ({@code ""}: nowhere)
     */
    public static Chart of(String id, String title, String caption, List<String> groups, List<String> series, long[][] values, String[][] hrefs,
                           int width) {
        long max = 1;
        for (long[] row : values) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        int groupHeight = series.size() * BAR + GAP;
        int height = LEGEND + groups.size() * groupHeight + 4;
        Svg svg = new Svg(id, title, width, height);
        double x = 0;
        for (int s = 0; s < series.size(); s++) {
            String colour = Svg.PALETTE[s % Svg.PALETTE.length];
            svg.rect(x, 6, 12, 12, colour, "");
            svg.text(x + 16, 16, "start", 12, Svg.INK, series.get(s));
            x += 24 + 8 * series.get(s).length();
        }
        double room = width - LABEL - NUMBER;
        List<List<Chart.Cell>> rows = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            double top = LEGEND + g * groupHeight;
            svg.text(LABEL - 8, top + series.size() * BAR / 2.0 + 5, "end", 13, Svg.INK, groups.get(g));
            List<Chart.Cell> row = new ArrayList<>();
            row.add(Chart.Cell.of(groups.get(g)));
            for (int s = 0; s < series.size(); s++) {
                long v = values[g][s];
                double y = top + s * BAR;
                double length = room * v / max;
                String href = hrefs[g][s];
                svg.link(href);
                svg.rect(LABEL, y + 1, length, BAR - 2, Svg.PALETTE[s % Svg.PALETTE.length], groups.get(g) + ", " + series.get(s) + ": " + v);
                svg.text(LABEL + length + 4, y + BAR - 4, "start", 11, Svg.INK, Long.toString(v));
                svg.close(href);
                row.add(Chart.Cell.of(v, href));
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(series);
        return new Chart(id, title, caption, svg.end(), header, rows);
    }
}
