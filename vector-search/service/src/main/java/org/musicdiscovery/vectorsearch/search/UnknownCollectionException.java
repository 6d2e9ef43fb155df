package org.musicdiscovery.vectorsearch.search;

/** No version of this collection is being served. */
public class UnknownCollectionException extends RuntimeException {
    public UnknownCollectionException(String collection) {
        super("no collection named '" + collection + "' is loaded");
    }
}
