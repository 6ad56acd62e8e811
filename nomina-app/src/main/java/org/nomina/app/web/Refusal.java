package org.nomina.app.web;

/** Ends a request with a status and a message in plain words, shown on the error page. */
final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
