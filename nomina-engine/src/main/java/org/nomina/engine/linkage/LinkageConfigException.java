package org.nomina.engine.linkage;

/** A linkage configuration is invalid; the message names the field, e.g. {@code comparisons[2].field}. */
public final class LinkageConfigException extends LinkageException {

    public LinkageConfigException(String message) {
        super(message);
    }
}
