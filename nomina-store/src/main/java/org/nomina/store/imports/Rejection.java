package org.nomina.store.imports;

/**
 * Why one row of a file was not imported.
 *
 * @param row    the row's number as a spreadsheet shows it (header = row 1)
 * @param line   the text line where the row starts
 * @param column the column at fault, or "" when the fault is the row's shape
 * @param value  the value at fault (shortened when very long)
 * @param reason the reason in plain words
 */
public record Rejection(int row, long line, String column, String value, String reason) {
    static final int MAX_VALUE_SHOWN = 200;

    /** A value as shown in messages: long values are cut, with their real length said. */
    static String shown(String value) {
        if (value.length() <= MAX_VALUE_SHOWN) {
            return value;
        }
        return value.substring(0, 60) + "… (" + String.format("%,d", value.length()) + " characters)";
    }
}
