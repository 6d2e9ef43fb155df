package org.musicdiscovery.catalogue.model;

/** One component of a genre mix: a canonical genre and its share (a mix sums to 1). */
public record GenreWeight(String genre, double weight) {
}
