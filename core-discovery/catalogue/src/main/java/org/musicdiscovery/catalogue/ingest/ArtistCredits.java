package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.model.TextKey;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the primary artist of a credit such as "Jay-Z &amp; Alicia Keys" or "Rihanna feat. Drake".
 * Featured guests are always cut; a co-credit ("A &amp; B", "A, B", "A and B", "A x B", "A vs. B") is cut to
 * its first name only when that name is a known artist on its own, so duos like "Simon &amp; Garfunkel" or
 * "Earth, Wind &amp; Fire" stay whole unless the data shows their first part as a solo artist.
 */
final class ArtistCredits {

    private static final Pattern FEATURING = Pattern.compile(
            "(?i)\\s*[(\\[]?\\s*\\b(feat\\.?|ft\\.?|featuring|f/|w/|with)\\s.*$");
    private static final Pattern CO_CREDIT = Pattern.compile("(?i)\\s+(?:&|and|x|vs\\.?|/|\\+)\\s+|\\s*,\\s+");

    private final Set<String> wholeNames;
    private final Set<String> soloNames;

    /**
     * @param credits     every credit string of the catalogue
     * @param knownArtists names known to be one artist (e.g. HetRec artists)
     */
    ArtistCredits(Collection<String> credits, Collection<String> knownArtists) {
        wholeNames = new HashSet<>();
        knownArtists.forEach(n -> wholeNames.add(TextKey.of(n)));
        soloNames = new HashSet<>(wholeNames);
        for (String credit : credits) {
            String base = stripFeaturing(credit);
            if (!CO_CREDIT.matcher(base).find()) {
                soloNames.add(TextKey.of(base));
            }
        }
    }

    /** The primary artist's name as spelled in the credit. */
    String primary(String credit) {
        String c = credit == null ? "" : credit.strip();
        if (c.isEmpty() || wholeNames.contains(TextKey.of(c))) {
            return c;
        }
        String base = stripFeaturing(c);
        if (base.isEmpty()) {
            return c;
        }
        if (wholeNames.contains(TextKey.of(base))) {
            return base;
        }
        String first = CO_CREDIT.split(base, 2)[0].strip();
        return !first.equals(base) && soloNames.contains(TextKey.of(first)) ? first : base;
    }

    private static String stripFeaturing(String credit) {
        return FEATURING.matcher(credit).replaceFirst("").strip();
    }
}
