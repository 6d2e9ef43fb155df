package org.musicdiscovery.catalogue.genre;

import java.util.Optional;

/**
 * How one free-form tag maps onto the vocabulary: one row of the inspectable {@code tag_genre_map} table.
 *
 * @param tag   the tag as it appears in the source
 * @param genre canonical genre, or {@code null} when the tag is dropped
 * @param rule  why
 */
public record TagMapping(String tag, String genre, Rule rule) {

    public enum Rule {
        /** the tag is a canonical genre name (up to spelling) */
        CANONICAL,
        /** the tag is a hand-written alias */
        ALIAS,
        /** derived: "classic X"/"X music" reduced to a genre X */
        DERIVED,
        /** a listener/mood/era/origin tag on the stop-list */
        STOP,
        /** no genre found */
        UNMAPPED
    }

    public Optional<String> genreIfMapped() {
        return Optional.ofNullable(genre);
    }

    public boolean mapped() {
        return genre != null;
    }
}
