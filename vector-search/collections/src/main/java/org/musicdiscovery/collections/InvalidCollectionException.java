package org.musicdiscovery.collections;

/** A collection version that must not be served: missing or inconsistent files. The old version keeps serving. */
public class InvalidCollectionException extends RuntimeException {
    public InvalidCollectionException(String message) {
        super(message);
    }

    public InvalidCollectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
