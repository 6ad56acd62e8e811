package org.nomina.app.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn as SVG on the server (works without JavaScript, and its numbers are
 * always printed beside the bars): one bar per figure, scaled to the largest.
 */
public record BarChart(String title, List<Bar> bars, int width, int height) {
    public static final int LABEL = 150;
    static final int ROW = 28;
    static final int NUMBER = 70;

    /** One bar: its label, its value, and where its persons are listed. */
    public record Bar(String label, long value, String href, double x, double length, double y) {
    }

    static BarChart of(String title, List<String> labels, List<Long> values, List<String> hrefs, int width) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        double room = width - LABEL - NUMBER;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            bars.add(new Bar(labels.get(i), values.get(i), hrefs.get(i), LABEL, room * values.get(i) / max, i * ROW + 4));
        }
        return new BarChart(title, bars, width, labels.size() * ROW + 8);
    }
}
