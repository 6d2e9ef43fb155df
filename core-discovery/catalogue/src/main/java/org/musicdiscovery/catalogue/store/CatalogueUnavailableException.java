package org.musicdiscovery.catalogue.store;

/** PostgreSQL could not answer; services map this to 503 rather than a stack trace. */
public class CatalogueUnavailableException extends RuntimeException {

    public CatalogueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
