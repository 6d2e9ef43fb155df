package org.musicdiscovery.queryparser;

import java.util.regex.Pattern;
import org.musicdiscovery.api.ParsedQuery;

/**
 * The seed of a similarity query, from what follows the cue ("songs like …", "artists similar to …"): the name
 * finder's track and artist when it found them, else the words after the cue ("X by Y" split into track and
 * artist). A genre right after the cue ("songs like jazz") means it was no similarity query at all.
 */
final class SeedBuilder {

    private static final Pattern BY = Pattern.compile("\\s+by\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s]+$");

    private final String afterCue;
    private String track;
    private String artist;
    private boolean genreFirst;

    SeedBuilder(String afterCue) {
        this.afterCue = afterCue;
    }

    void entity(String type, String name) {
        if (type.equals("track") && track == null) {
            track = name;
        } else if (type.equals("artist") && artist == null) {
            artist = name;
        }
    }

    /** Nothing has been found after the cue yet. */
    boolean expectsName() {
        return track == null && artist == null && !genreFirst;
    }

    void genre() {
        if (track == null && artist == null) {
            genreFirst = true;
        }
    }

    ParsedQuery.Seed build(String itemType) {
        if (track != null || artist != null) {
            return new ParsedQuery.Seed(track, artist);
        }
        if (genreFirst) {
            return null;
        }
        String phrase = EDGE_PUNCT.matcher(afterCue).replaceAll("");
        if (phrase.isBlank() || phrase.length() > 120) {
            return null;
        }
        if ("artist".equals(itemType)) {
            return new ParsedQuery.Seed(null, phrase);
        }
        String[] parts = BY.split(phrase, 2);
        return parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                ? new ParsedQuery.Seed(parts[0].strip(), parts[1].strip())
                : new ParsedQuery.Seed(phrase, null);
    }
}
