package org.nomina.store;

/**
 * Input that cannot be used as given: an unreadable or malformed file, a mapping that does not fit,
 * a bad argument. Nothing has been changed when this is thrown. The message names the file, row,
 * column and value where they are known, in plain words; the command line exits 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
