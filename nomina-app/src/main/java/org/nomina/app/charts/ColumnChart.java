package org.nomina.app.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Vertical columns over time — deaths per day, month or year ({@link TimeBuckets}): a value axis with
 * round ticks, a column per bucket, the bucket labels thinned so that they do not overlap.
 */
public final class ColumnChart {
    static final int LEFT = 50;
    static final int TOP = 14;
    static final int BOTTOM = 46;

    private ColumnChart() {
    }

    public static Chart of(String id, String title, String caption, TimeBuckets buckets, String unitWord, int width, int height) {
        List<String> labels = buckets.labels();
        List<Long> counts = buckets.counts();
        long max = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
        double step = Svg.step(max, 4);
        double top = Math.ceil(max / step) * step;
        Svg svg = new Svg(id, title, width, height);
        double plotW = width - LEFT - 10;
        double plotH = height - TOP - BOTTOM;
        for (double t = 0; t <= top + 1e-9; t += step) {
            double y = TOP + plotH - plotH * t / top;
            svg.line(LEFT, y, LEFT + plotW, y, "#dddddd", 1);
            svg.text(LEFT - 6, y + 4, "end", 11, Svg.MUTED, Svg.num(t));
        }
        int n = Math.max(1, labels.size());
        double slot = plotW / n;
        int every = Math.max(1, (int) Math.ceil(n * 62.0 / plotW));
        List<List<Chart.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            long v = counts.get(i);
            double h = plotH * v / top;
            double x = LEFT + i * slot;
            svg.rect(x + slot * 0.1, TOP + plotH - h, slot * 0.8, h, Svg.BAR, labels.get(i) + ": " + v);
            if (labels.size() <= 40 && v > 0) {
                svg.text(x + slot / 2, TOP + plotH - h - 3, "middle", 10, Svg.INK, Long.toString(v));
            }
            if (i % every == 0) {
                svg.text(x + slot / 2, TOP + plotH + 16, "middle", 11, Svg.INK, labels.get(i));
            }
            rows.add(List.of(Chart.Cell.of(labels.get(i)), Chart.Cell.of(Long.toString(v))));
        }
        svg.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, Svg.INK, 1);
        String unit = switch (buckets.unit()) {
            case DAY -> "per day";
            case MONTH -> "per month";
            case YEAR -> "per year";
        };
        svg.text(LEFT + plotW / 2, height - 8, "middle", 12, Svg.MUTED, unitWord + " " + unit
                + (buckets.tooVague() + buckets.undated() > 0 ? "; " + (buckets.tooVague() + buckets.undated()) + " without such a date" : ""));
        if (buckets.tooVague() > 0) {
            rows.add(List.of(Chart.Cell.of("date too vague for a " + buckets.unit().name().toLowerCase(java.util.Locale.ROOT)),
                    Chart.Cell.of(Long.toString(buckets.tooVague()))));
        }
        if (buckets.undated() > 0) {
            rows.add(List.of(Chart.Cell.of("no date"), Chart.Cell.of(Long.toString(buckets.undated()))));
        }
        return new Chart(id, title, caption, svg.end(), List.of(buckets.unit().name().toLowerCase(java.util.Locale.ROOT), unitWord), rows);
    }
}
