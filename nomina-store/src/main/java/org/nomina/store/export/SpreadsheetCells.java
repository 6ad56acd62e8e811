package org.nomina.store.export;

import java.util.regex.Pattern;

/**
 * Makes a CSV cell safe to open in a spreadsheet (OWASP "CSV injection"): a value that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula by
 * Excel or LibreOffice — a name imported as {@code =HYPERLINK("http://…","click")} becomes a live link.
 * Such a value is written with a leading apostrophe, which spreadsheets show as text; plain numbers
 * ({@code -12}, {@code +3.5}) and a lone {@code -} are left alone, since no spreadsheet runs them.
 */
public final class SpreadsheetCells {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private SpreadsheetCells() {
    }

    /** The value as it may go into a CSV cell: strings that a spreadsheet would run are prefixed with {@code '}. */
    public static Object neutralise(Object value) {
        if (!(value instanceof String s) || s.isEmpty() || s.equals("-")) {
            return value;
        }
        char first = s.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !NUMBER.matcher(s).matches() ? "'" + s : s;
    }
}
