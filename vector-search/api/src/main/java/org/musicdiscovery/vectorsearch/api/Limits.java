package org.musicdiscovery.vectorsearch.api;

/** Documented request limits of vector-search (the service answers 400 beyond them). */
public final class Limits {
    public static final int MAX_K = 1000;
    public static final int MAX_SEARCH_K = 1_000_000;
    public static final int DEFAULT_K = 100;

    private Limits() {
    }
}
