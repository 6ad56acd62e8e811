package org.nomina.engine.linkage;

/** Base of the linker's unchecked exceptions. */
public class LinkageException extends RuntimeException {

    public LinkageException(String message) {
        super(message);
    }

    public LinkageException(String message, Throwable cause) {
        super(message, cause);
    }
}
