package org.nomina.engine.linkage;

/** The calling thread was interrupted; the interrupt flag is left set for the caller. */
public final class LinkageCancelledException extends LinkageException {

    public LinkageCancelledException(String stage) {
        super("linkage cancelled during stage '" + stage + "'");
    }
}
