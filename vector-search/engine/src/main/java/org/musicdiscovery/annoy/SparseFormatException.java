package org.musicdiscovery.annoy;

/**
 * A file that is not a valid sparse index, or does not match its manifest. A subclass of the engine's format
 * exception, so callers that refuse bad Annoy files (e.g. a collection being loaded) refuse bad sparse files too.
 */
public class SparseFormatException extends AnnoyFormatException {
    public SparseFormatException(String message) {
        super(message);
    }

    public SparseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
