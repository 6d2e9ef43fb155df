package org.musicdiscovery.catalogue.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identity of a song for de-duplication: its title without version decorations plus its primary artist. Radio
 * data holds the same recording many times over ("Hey Jude", "Hey Jude (Remastered 2015)", "Hey Jude - Live");
 * users want it once.
 */
public final class DuplicateKey {
    // bracketed credits and version notes: (w/ Drake), [feat. X], (Live), (Radio Edit), (Remastered 2011) ...
    private static final Pattern BRACKETS = Pattern.compile("[(\\[{][^)\\]}]*[)\\]}]");
    // trailing " - Remastered 2009", " - Single Version", " - Live at ..." after a dash
    private static final Pattern DASH_VERSION = Pattern.compile(
            "\\s+[-–—]\\s+.*\\b(remaster(ed)?|version|edit|live|mix|mono|stereo|demo|acoustic|single|bonus)\\b.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FEAT = Pattern.compile("\\s+(feat\\.?|ft\\.?|featuring|w/)\\s+.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTIST_SPLIT = Pattern.compile(
            "\\s*(,|&|\\+|\\bx\\b|\\bfeat\\.?|\\bft\\.?|\\bfeaturing\\b|\\bwith\\b|\\bw/|\\bvs\\.?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private DuplicateKey() {
    }

    public static String of(String title, String artist) {
        return normaliseTitle(title) + "|" + primaryArtist(artist);
    }

    /**
     * A key as 64 bits (FNV-1a over its chars), the form that travels with a song's candidates from the index (the
     * export writes it), so results are de-duplicated without reading every candidate's details.
     */
    public static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    static String normaliseTitle(String title) {
        if (title == null) {
            return "";
        }
        String t = title.replace("\\/", "/");
        t = BRACKETS.matcher(t).replaceAll(" ");
        t = DASH_VERSION.matcher(t).replaceAll("");
        t = FEAT.matcher(t).replaceAll("");
        return fold(t);
    }

    static String primaryArtist(String artist) {
        if (artist == null) {
            return "";
        }
        String a = fold(ARTIST_SPLIT.split(artist.strip(), 2)[0]);
        return a.startsWith("the ") ? a.substring(4) : a;
    }

    /** Case, accents and punctuation folded away: "Beyoncé" = "beyonce", "Don't" = "dont". */
    private static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("").replace("'", "").replace("’", "");
        return NON_ALNUM.matcher(n).replaceAll(" ").strip();
    }
}
