package org.nomina.engine.estimation;

/**
 * Capture-history input that cannot be read: the message names the row, the column and the value,
 * e.g. {@code row 5, column "ABA": value "2" is not 0 or 1}. Rows are numbered as a spreadsheet shows
 * them: the header is row 1.
 */
public final class EstimationInputException extends EstimationException {
    public EstimationInputException(String message) {
        super(message);
    }
}
