package org.musicdiscovery.annoy;

/** A file that is not a valid Annoy index for the metric and dimension it is opened with. */
public class AnnoyFormatException extends RuntimeException {
    public AnnoyFormatException(String message) {
        super(message);
    }

    public AnnoyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
