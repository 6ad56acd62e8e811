package org.nomina.app.charts;

import java.util.Locale;

/**
 * A little SVG writer for the charts: well-formed XML (so that the same markup serves a browser, the
 * HTML report and the PDF renderer), every text escaped, coordinates rounded to a tenth of a pixel.
 * Every element is closed by its end tag, never {@code />}: an HTML parser (jsoup, before the PDF is laid
 * out) would read {@code <rect/>} as an open element and put the next text inside it, where Batik
 * draws it as a dot.
 */
final class Svg {
    /** Okabe–Ito colours: told apart by colour-blind readers, and printable. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
    static final String INK = "#1d1d1d";
    static final String MUTED = "#666666";
    static final String BAR = "#1f4e8c";

    /**
     * Batik, as openhtmltopdf 1.1.31 drives it, draws SVG text of exactly {@code font-size="12"} as a dot (seen in
     * the PDF report; 11, 12.5 and 13 draw as they should), so 12 is written as this.
     */
    static final double BATIK_SAFE_12 = 12.2;

    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;

    Svg(String id, String title, int width, int height) {
        this.width = width;
        this.height = height;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id)).append("\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"DejaVu Sans, Arial, sans-serif\">");
        out.append("<title>").append(escape(title)).append("</title>");
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(Math.max(0, w)))
                .append("\" height=\"").append(num(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        if (tooltip.isEmpty()) {
            out.append("></rect>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></rect>");
        }
        return this;
    }

    Svg text(double x, double y, String anchor, double size, String fill, String text) {
        if (size == 12) {
            size = BATIK_SAFE_12;
        }
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(num(size)).append("\" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"")
                .append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(num(strokeWidth)).append("\"></line>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append("\" fill=\"")
                .append(fill).append('"');
        if (tooltip.isEmpty()) {
            out.append("></circle>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></circle>");
        }
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"></polyline>");
        return this;
    }

    /** Opens a link around what follows; {@link #close()} ends it. An empty href opens a plain group. */
    Svg link(String href) {
        out.append(href.isEmpty() ? "<g>" : "<a href=\"" + escape(href) + "\">");
        return this;
    }

    Svg close(String href) {
        out.append(href.isEmpty() ? "</g>" : "</a>");
        return this;
    }

    String end() {
        return out + "</svg>";
    }

    /** A round step for an axis from 0 to {@code max}, about {@code ticks} ticks. */
    static double step(double max, int ticks) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return Math.max(1, m * power);
            }
        }
        return Math.max(1, 10 * power);
    }
}
