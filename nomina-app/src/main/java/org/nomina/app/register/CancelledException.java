package org.nomina.app.register;

/** The one way a job of the register ends when someone cancels it: nothing it was doing is kept. */
public final class CancelledException extends RuntimeException {
    public CancelledException(String what) {
        super(what + " was cancelled; nothing of it was kept");
    }
}
