package org.musicdiscovery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The genre vocabulary clients pick from (GET /internal/v1/genres): every genre the catalogue uses, plus their
 * ancestors so the hierarchy is complete.
 *
 * @param version the catalogue version it was read from
 * @param genres  tree order is not guaranteed; sort by {@code items} for autocomplete
 */
public record GenreVocabularyView(String version, List<Entry> genres) {

    /**
     * @param name        canonical name (what {@code genres} and {@code exclude} take)
     * @param displayName how to show it
     * @param parent      canonical parent, or null for a root
     * @param depth       0 for roots
     * @param aliases     other spellings that mean this genre ("rnb" for rhythm and blues)
     * @param items       catalogue items tagged with it (0 for an ancestor only present for the hierarchy)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String name, String displayName, String parent, int depth, List<String> aliases, int items) {
    }
}
