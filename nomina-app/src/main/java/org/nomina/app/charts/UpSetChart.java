package org.nomina.app.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the lists overlap, UpSet-style (Lex et al. 2014): one column per combination of sources that lists
 * the same persons (their capture history), its count as a bar above and its sources as filled dots in a
 * matrix below; each source's set size as a bar beside its row. The combinations are the capture-history
 * table the estimate reads; the chart draws the {@value #SHOWN} largest, the table lists every one.
 */
public final class UpSetChart {
    static final int SHOWN = 24;
    static final int LEFT = 300;
    static final int BARS = 130;
    static final int DOT_ROW = 22;

    /** The overlap: the sources' names, and persons per combination (a bit per source, as {@code CaptureHistories} numbers them). */
    public record Overlap(List<String> sources, Map<Integer, Long> combinations) {
        /** Persons each source lists, alone or with others. */
        public long[] setSizes() {
            long[] out = new long[sources.size()];
            combinations.forEach((mask, n) -> {
                for (int i = 0; i < sources.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        out[i] += n;
                    }
                }
            });
            return out;
        }

        public long persons() {
            return combinations.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Counts the persons per combination of the sources that list them (0-based indexes into {@code sources}). */
        public static Overlap of(List<String> sources, List<? extends Set<Integer>> listsPerPerson) {
            Map<Integer, Long> out = new LinkedHashMap<>();
            for (Set<Integer> lists : listsPerPerson) {
                int mask = 0;
                for (int i : lists) {
                    mask |= 1 << i;
                }
                if (mask != 0) {
                    out.merge(mask, 1L, Long::sum);
                }
            }
            return new Overlap(List.copyOf(sources), Map.copyOf(out));
        }
    }

    private UpSetChart() {
    }

    public static Chart of(String id, String title, String caption, Overlap overlap, int width) {
        List<Map.Entry<Integer, Long>> combos = new ArrayList<>(overlap.combinations().entrySet());
        combos.sort(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
        List<Map.Entry<Integer, Long>> shown = combos.subList(0, Math.min(SHOWN, combos.size()));
        int k = overlap.sources().size();
        int barsH = 130;
        int height = barsH + 20 + k * DOT_ROW + 26;
        Svg svg = new Svg(id, title, width, height);
        long maxCombo = Math.max(1, shown.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
        double slot = Math.min(34, (width - LEFT - 10.0) / Math.max(1, shown.size()));
        double matrixTop = barsH + 20;
        long[] sizes = overlap.setSizes();
        long maxSize = 1;
        for (long s : sizes) {
            maxSize = Math.max(maxSize, s);
        }
        for (int i = 0; i < k; i++) {
            double y = matrixTop + i * DOT_ROW;
            if (i % 2 == 0) {
                svg.rect(0, y, LEFT + slot * shown.size(), DOT_ROW, "#f3f3f3", "");
            }
            double len = (BARS - 40) * sizes[i] / (double) maxSize;
            svg.rect(BARS - len - 36, y + 5, len, DOT_ROW - 10, Svg.MUTED, overlap.sources().get(i) + ": " + sizes[i] + " persons");
            svg.text(BARS - 32, y + 15, "start", 10, Svg.INK, Long.toString(sizes[i]));
            svg.text(LEFT - 6, y + 15, "end", 12, Svg.INK, shorten(overlap.sources().get(i), 24));
        }
        for (int c = 0; c < shown.size(); c++) {
            int mask = shown.get(c).getKey();
            long n = shown.get(c).getValue();
            double cx = LEFT + c * slot + slot / 2;
            double h = (barsH - 16) * n / (double) maxCombo;
            svg.rect(cx - slot * 0.35, barsH - h, slot * 0.7, h, Svg.BAR, names(overlap.sources(), mask) + ": " + n);
            svg.text(cx, barsH - h - 3, "middle", 10, Svg.INK, Long.toString(n));
            int firstRow = -1;
            int lastRow = -1;
            for (int i = 0; i < k; i++) {
                boolean in = (mask & (1 << i)) != 0;
                double cy = matrixTop + i * DOT_ROW + DOT_ROW / 2.0;
                svg.circle(cx, cy, 5.5, in ? Svg.INK : "#cccccc", "");
                if (in) {
                    firstRow = firstRow < 0 ? i : firstRow;
                    lastRow = i;
                }
            }
            if (firstRow != lastRow) {
                svg.line(cx, matrixTop + firstRow * DOT_ROW + DOT_ROW / 2.0, cx, matrixTop + lastRow * DOT_ROW + DOT_ROW / 2.0, Svg.INK, 2.5);
            }
        }
        svg.text(LEFT, height - 8, "start", 11, Svg.MUTED, combos.size() > shown.size()
                ? "the " + shown.size() + " largest of " + combos.size() + " combinations; every one is in the table"
                : combos.size() + " combinations of sources, " + overlap.persons() + " persons");
        svg.text(BARS / 2.0, matrixTop - 6, "middle", 11, Svg.MUTED, "persons per source");
        List<List<Chart.Cell>> rows = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : combos) {
            rows.add(List.of(Chart.Cell.of(names(overlap.sources(), e.getKey())), Chart.Cell.of(Integer.toString(Integer.bitCount(e.getKey()))),
                    Chart.Cell.of(Long.toString(e.getValue()))));
        }
        for (int i = 0; i < k; i++) {
            rows.add(List.of(Chart.Cell.of(overlap.sources().get(i) + " (all its persons)"), Chart.Cell.of("set size"),
                    Chart.Cell.of(Long.toString(sizes[i]))));
        }
        return new Chart(id, title, caption, svg.end(), List.of("sources listing the same persons", "sources", "persons"), rows);
    }

    static String names(List<String> sources, int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(sources.get(i));
            }
        }
        return String.join(" + ", out);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
