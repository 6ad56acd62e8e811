package org.nomina.store;

/** The database refused or failed work that should have succeeded; the command line exits 1. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
