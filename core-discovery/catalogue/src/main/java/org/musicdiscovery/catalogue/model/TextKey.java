package org.musicdiscovery.catalogue.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalisation used wherever names are compared across sources (genres, artists, song titles):
 * lower case, accents folded, "&amp;" read as "and", apostrophes dropped, other punctuation as spaces.
 * So "Beyoncé" matches "Beyonce", "Simon &amp; Garfunkel" matches "simon and garfunkel".
 */
public final class TextKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`´]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextKey() {
    }

    /** Normalised comparison key; empty string for null or blank input. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ");
        s = APOSTROPHES.matcher(s).replaceAll("");
        return NON_ALNUM.matcher(s).replaceAll(" ").trim();
    }
}
