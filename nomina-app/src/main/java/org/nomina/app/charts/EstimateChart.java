package org.nomina.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The documented count beside the estimated total, on one scale from zero: a bar for the persons the
 * register names, a bar to the estimate with its interval drawn as a whisker (an open end when the
 * interval has no upper bound), and — when sources give figures — the span of the claims.
 */
public final class EstimateChart {
    static final int LABEL = 190;
    static final int ROW = 34;

    private EstimateChart() {
    }

    /**
     * @param upper the interval's upper end; {@link Double#POSITIVE_INFINITY} when it has none
     */
    public static Chart of(String id, String title, String caption, long documented, String documentedHref, double estimate, double lower,
                           double upper, String intervalWords, OptionalLong claimsMin, OptionalLong claimsMax, int width) {
        boolean open = Double.isInfinite(upper);
        double max = Math.max(documented, Math.max(estimate, open ? lower : upper));
        if (claimsMax.isPresent()) {
            max = Math.max(max, claimsMax.getAsLong());
        }
        max = Math.max(1, max) * 1.12;
        int rowsShown = claimsMin.isPresent() ? 3 : 2;
        int height = rowsShown * ROW + 30;
        Svg svg = new Svg(id, title, width, height);
        double room = width - LABEL - 20;
        double step = Svg.step(max, 5);
        double axisY = rowsShown * ROW + 6;
        for (double t = 0; t <= max; t += step) {
            double x = LABEL + room * t / max;
            svg.line(x, 4, x, axisY, "#e3e3e3", 1);
            svg.text(x, axisY + 16, "middle", 11, Svg.MUTED, String.format("%,.0f", t));
        }
        List<List<Chart.Cell>> rows = new ArrayList<>();
        double y = 6;
        svg.text(LABEL - 8, y + 19, "end", 13, Svg.INK, "documented (register)");
        svg.link(documentedHref);
        svg.rect(LABEL, y + 4, room * documented / max, 20, Svg.BAR, "documented: " + documented);
        svg.close(documentedHref);
        svg.text(LABEL + room * documented / max + 5, y + 19, "start", 12, Svg.INK, String.format("%,d", documented));
        rows.add(List.of(Chart.Cell.of("documented (register)"), Chart.Cell.of(documented, documentedHref), Chart.Cell.of(""), Chart.Cell.of("")));
        y += ROW;
        double ex = LABEL + room * estimate / max;
        double lx = LABEL + room * lower / max;
        double ux = open ? LABEL + room : LABEL + room * upper / max;
        svg.text(LABEL - 8, y + 19, "end", 13, Svg.INK, "estimated total");
        svg.rect(LABEL, y + 4, ex - LABEL, 20, "#8fb0d9", "estimate: " + Math.round(estimate));
        svg.line(lx, y + 14, ux, y + 14, Svg.INK, 2);
        svg.line(lx, y + 6, lx, y + 22, Svg.INK, 2);
        if (!open) {
            svg.line(ux, y + 6, ux, y + 22, Svg.INK, 2);
        } else {
            svg.text(ux - 2, y + 11, "end", 11, Svg.INK, "no upper bound →");
        }
        svg.circle(ex, y + 14, 5, Svg.PALETTE[1], "");
        svg.text(Math.min(ex + 8, width - 4), y + 31, ex + 8 > width - 120 ? "end" : "start", 12, Svg.INK, String.format("%,.0f (%,.0f – %s)",
                estimate, lower, open ? "no upper bound" : String.format("%,.0f", upper)));
        rows.add(List.of(Chart.Cell.of("estimated total"), Chart.Cell.of(String.format("%,.0f", estimate)), Chart.Cell.of(String.format("%,.0f", lower)),
                Chart.Cell.of(open ? "no upper bound" : String.format("%,.0f", upper))));
        if (claimsMin.isPresent()) {
            y += ROW;
            long lo = claimsMin.getAsLong();
            long hi = claimsMax.orElse(lo);
            double a = LABEL + room * lo / max;
            double b = LABEL + room * hi / max;
            svg.text(LABEL - 8, y + 19, "end", 13, Svg.INK, "the sources claim");
            svg.rect(a, y + 8, Math.max(3, b - a), 12, Svg.PALETTE[2], "sources: " + lo + " – " + hi);
            svg.text(Math.max(a, b) + 6, y + 19, "start", 12, Svg.INK, lo == hi ? String.format("%,d", lo) : String.format("%,d – %,d", lo, hi));
            rows.add(List.of(Chart.Cell.of("the sources claim"), Chart.Cell.of(""), Chart.Cell.of(Long.toString(lo)), Chart.Cell.of(Long.toString(hi))));
        }
        svg.line(LABEL, 4, LABEL, axisY, Svg.INK, 1);
        return new Chart(id, title, caption, svg.end(), List.of("", "count", "lower (" + intervalWords + ")", "upper"), rows);
    }
}
