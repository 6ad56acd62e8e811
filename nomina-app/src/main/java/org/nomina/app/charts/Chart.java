package org.nomina.app.charts;

import java.util.List;

/**
 * A chart as the dashboard and the report show it: its SVG (drawn on the server, no script), and the same
 * numbers as a table one click away, each cell linking where its persons are listed when it can.
 * {@code caption} says what is counted and how (e.g. which date places a record in time).
 */
public record Chart(String id, String title, String caption, String svg, List<String> header, List<List<Cell>> rows) {

    /** One cell of the numbers table; {@code href} is empty when there is nothing to link to. */
    public record Cell(String text, String href) {
        public static Cell of(String text) {
            return new Cell(text, "");
        }

        public static Cell of(long n, String href) {
            return new Cell(Long.toString(n), href);
        }
    }
}
