package org.nomina.app.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * One line per series over the same time buckets — records per source over time: a value axis with
 * round ticks, a legend, a dot on every non-zero point so that a single bucket still shows.
 */
public final class LineChart {
    static final int LEFT = 50;
    static final int TOP = 14;
    static final int BOTTOM = 46;
    static final int LEGEND_ROW = 18;

    private LineChart() {
    }

    /**
     * @param labels the buckets, oldest first
     * @param series one name per line
     * @param values {@code values[series][bucket]}
     * @param apart  per series, what could not be placed on the time axis (too vague or no date)
     */
    public static Chart of(String id, String title, String caption, List<String> labels, List<String> series, long[][] values, long[] apart,
                           String unitWord, int width, int plotHeight) {
        int legendRows = (series.size() + 1) / 2;
        int height = TOP + plotHeight + BOTTOM + legendRows * LEGEND_ROW;
        long max = 1;
        for (long[] row : values) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        double step = Svg.step(max, 4);
        double top = Math.ceil(max / step) * step;
        Svg svg = new Svg(id, title, width, height);
        double plotW = width - LEFT - 16;
        for (double t = 0; t <= top + 1e-9; t += step) {
            double y = TOP + plotHeight - plotHeight * t / top;
            svg.line(LEFT, y, LEFT + plotW, y, "#dddddd", 1);
            svg.text(LEFT - 6, y + 4, "end", 11, Svg.MUTED, Svg.num(t));
        }
        int n = labels.size();
        double slot = plotW / Math.max(1, n);
        int every = Math.max(1, (int) Math.ceil(n * 62.0 / plotW));
        for (int i = 0; i < n; i += every) {
            svg.text(LEFT + i * slot + slot / 2, TOP + plotHeight + 16, "middle", 11, Svg.INK, labels.get(i));
        }
        svg.line(LEFT, TOP + plotHeight, LEFT + plotW, TOP + plotHeight, Svg.INK, 1);
        for (int s = 0; s < series.size(); s++) {
            String colour = Svg.PALETTE[s % Svg.PALETTE.length];
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = LEFT + i * slot + slot / 2;
                ys[i] = TOP + plotHeight - plotHeight * values[s][i] / top;
            }
            if (n > 1) {
                svg.polyline(xs, ys, colour);
            }
            for (int i = 0; i < n; i++) {
                if (values[s][i] > 0) {
                    svg.circle(xs[i], ys[i], 3.5, colour, series.get(s) + ", " + labels.get(i) + ": " + values[s][i]);
                }
            }
            double lx = (s % 2) * (width / 2.0) + 4;
            double ly = TOP + plotHeight + 34 + (s / 2) * LEGEND_ROW;
            svg.rect(lx, ly - 9, 14, 4, colour, "");
            svg.text(lx + 20, ly - 3, "start", 12, Svg.INK, series.get(s) + (apart[s] > 0 ? " (" + apart[s] + " undated)" : ""));
        }
        List<String> header = new ArrayList<>();
        header.add(unitWord);
        header.addAll(series);
        List<List<Chart.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Chart.Cell> row = new ArrayList<>();
            row.add(Chart.Cell.of(labels.get(i)));
            for (int s = 0; s < series.size(); s++) {
                row.add(Chart.Cell.of(Long.toString(values[s][i])));
            }
            rows.add(row);
        }
        List<Chart.Cell> undated = new ArrayList<>();
        undated.add(Chart.Cell.of("no date precise enough"));
        for (long a : apart) {
            undated.add(Chart.Cell.of(Long.toString(a)));
        }
        rows.add(undated);
        return new Chart(id, title, caption, svg.end(), header, rows);
    }
}
