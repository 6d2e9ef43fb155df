package org.musicdiscovery.vectorsearch.search;

/**
 * An {@code item} query naming an item the collection does not hold (404): not a malformed request — a catalogue
 * song has no word2vec vector when it sits in too few playlists — so a caller can fall back to another collection.
 */
public class UnknownItemException extends RuntimeException {
    public UnknownItemException(String message) {
        super(message);
    }
}
