package org.musicdiscovery.vectorsearch.search;

/** A search request that breaks a documented rule; answered with 400 naming {@link #field()}. */
public class BadQueryException extends RuntimeException {
    private final String field;

    public BadQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
