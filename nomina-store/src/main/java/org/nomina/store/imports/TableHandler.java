package org.nomina.store.imports;

import java.util.List;

/** Receives a table's header and then its rows, in order, as a reader streams them. */
interface TableHandler {
    void header(List<String> names);

    /**
     * One data row.
     *
     * @param rowNo the row's number as a spreadsheet shows it (the header is row 1)
     * @param line  the text line where the row starts (equal to rowNo for spreadsheets)
     * @param cells the cells as read, in column order; may be shorter or longer than the header
     */
    void row(int rowNo, long line, List<String> cells);
}
