package org.nomina.engine.parse;

/**
 * A single value that cannot be read as what its column is mapped to. The message says why in plain
 * words; callers add the file, row and column they know.
 */
public final class ValueParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ValueParseException(String reason) {
        super(reason);
    }
}
