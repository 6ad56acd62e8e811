package org.nomina.app.register;

/** The signed-in user's role does not allow the operation; the message says which role would. */
public final class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
