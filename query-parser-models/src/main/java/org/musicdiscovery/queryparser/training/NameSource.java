package org.musicdiscovery.queryparser.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;

/**
 * Real artist and track names for generated queries: YES {@code complete/song_hash.txt} (id, title, artist) and
 * HetRec {@code artists.dat}. Split deterministically by name into a training pool and a held-out pool, so the
 * evaluation also measures names the model never saw.
 */
public record NameSource(List<String> trainArtists, List<String> heldArtists, List<Song> trainSongs,
                         List<Song> heldSongs) {

    public record Song(String title, String artist) {
    }

    private static final Pattern FEATURING = Pattern.compile("\\s*[(\\[].*$");
    private static final int MAX_CHARS = 40;

    public static NameSource load(Path dataDir) {
        Set<String> artists = new LinkedHashSet<>();
        List<Song> songs = new ArrayList<>();
        for (String line : lines(dataDir.resolve("yes/complete/song_hash.txt"))) {
            String[] f = line.split("\t");
            if (f.length >= 3) {
                String title = clean(FEATURING.matcher(f[1].replace("\\/", "/")).replaceAll(""));
                String artist = clean(f[2]);
                if (usable(title) && usable(artist)) {
                    songs.add(new Song(title, artist));
                    artists.add(artist);
                }
            }
        }
        List<String> hetrec = lines(dataDir.resolve("lastfm-hetrec-2k/artists.dat"));
        for (String line : hetrec.subList(Math.min(1, hetrec.size()), hetrec.size())) {
            String[] f = line.split("\t");
            if (f.length >= 2 && usable(clean(f[1]))) {
                artists.add(clean(f[1]));
            }
        }
        if (artists.isEmpty() || songs.isEmpty()) {
            throw new IllegalArgumentException("no artist or song names under " + dataDir
                    + " (need yes/complete/song_hash.txt and lastfm-hetrec-2k/artists.dat)");
        }
        List<String> ta = new ArrayList<>();
        List<String> ha = new ArrayList<>();
        artists.forEach(a -> (held(a) ? ha : ta).add(a));
        List<Song> ts = new ArrayList<>();
        List<Song> hs = new ArrayList<>();
        songs.forEach(s -> (held(s.title()) || held(s.artist()) ? hs : ts).add(s));
        return new NameSource(ta, ha, ts, hs);
    }

    /** Every artist name, training and held-out pools (the runtime artist gazetteer is the whole catalogue). */
    public List<String> allArtists() {
        List<String> all = new ArrayList<>(trainArtists);
        all.addAll(heldArtists);
        return all;
    }

    /** One name in five (by a stable hash of its key) is held out. */
    static boolean held(String name) {
        return Math.floorMod(QueryTokenizer.key(name).hashCode(), 5) == 0;
    }

    private static String clean(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static boolean usable(String s) {
        return !s.isEmpty() && s.length() <= MAX_CHARS && !QueryTokenizer.key(s).isEmpty() && !s.contains("\t");
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
