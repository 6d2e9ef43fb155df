package org.musicdiscovery.catalogue.genre;

import org.musicdiscovery.catalogue.model.TextKey;

/**
 * The one normalisation used to compare genre spellings: "Hip-Hop", "hip hop" and "HIP_HOP" share a key,
 * "Drum &amp; Bass" and "drum and bass" too. Accents are folded so "Jùjú" matches "juju".
 */
public final class GenreNames {

    private GenreNames() {
    }

    /** Normalised comparison key; empty string for blank input. */
    public static String key(String spelling) {
        return TextKey.of(spelling);
    }

    /** Display form: "rhythm and blues" becomes "Rhythm and Blues", "hip hop" becomes "Hip Hop". */
    public static String display(String canonical) {
        StringBuilder out = new StringBuilder(canonical.length());
        boolean first = true;
        for (String word : canonical.split(" ")) {
            if (!first) {
                out.append(' ');
            }
            boolean minor = !first && (word.equals("and") || word.equals("of") || word.equals("the") || word.equals("in"));
            out.append(minor || word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            first = false;
        }
        return out.toString();
    }
}
