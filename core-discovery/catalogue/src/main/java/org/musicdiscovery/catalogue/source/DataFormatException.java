package org.musicdiscovery.catalogue.source;

import java.nio.file.Path;

/** A data file does not have the expected format; names the file and line so the data can be fixed. */
public class DataFormatException extends RuntimeException {

    public DataFormatException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
