package org.musicdiscovery.catalogue.genre;

/**
 * A canonical genre of the vocabulary.
 *
 * @param name   canonical spelling (lower case, as in the beets tree / genres.txt)
 * @param parent canonical parent, or {@code null} for a root or an unattached genre
 * @param depth  0 for roots; parent depth + 1 otherwise
 */
public record Genre(String name, String parent, int depth) {

    public boolean isRoot() {
        return parent == null;
    }
}
