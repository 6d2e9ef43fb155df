package org.musicdiscovery.catalogue.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader for {@code lastfm-hetrec-2k}: {@code artists.dat} (UTF-8), {@code tags.dat} (ISO-8859-1),
 * {@code user_taggedartists.dat} and {@code user_artists.dat}; every file is tab-separated with a header line.
 */
public final class HetrecLoader {

    private HetrecLoader() {
    }

    /** Loads the folder; an absent folder gives {@link HetrecData#empty()} (the data is an optional enrichment). */
    public static HetrecData load(Path dir) {
        if (!Files.isRegularFile(dir.resolve("artists.dat"))) {
            return HetrecData.empty();
        }
        Map<Integer, String> artists = new HashMap<>();
        rows(dir.resolve("artists.dat"), false, 2, (f, file, line) ->
                artists.put(TextFiles.parseInt(f[0], file, line), f[1].strip()));
        Map<Integer, String> tags = new HashMap<>();
        rows(dir.resolve("tags.dat"), true, 2, (f, file, line) ->
                tags.put(TextFiles.parseInt(f[0], file, line), f[1].strip()));
        Map<Integer, Map<Integer, Integer>> votes = new HashMap<>();
        rows(dir.resolve("user_taggedartists.dat"), false, 3, (f, file, line) ->
                votes.computeIfAbsent(TextFiles.parseInt(f[1], file, line), k -> new HashMap<>())
                        .merge(TextFiles.parseInt(f[2], file, line), 1, Integer::sum));
        Map<Integer, Long> plays = new HashMap<>();
        Map<Integer, Integer> listeners = new HashMap<>();
        Path userArtists = dir.resolve("user_artists.dat");
        if (Files.isRegularFile(userArtists)) {
            rows(userArtists, false, 3, (f, file, line) -> {
                int artist = TextFiles.parseInt(f[1], file, line);
                plays.merge(artist, (long) TextFiles.parseInt(f[2], file, line), Long::sum);
                listeners.merge(artist, 1, Integer::sum);
            });
        }
        return new HetrecData(artists, tags, votes, plays, listeners);
    }

    private interface Row {
        void accept(String[] fields, Path file, int line);
    }

    private static void rows(Path file, boolean latin1, int minFields, Row row) {
        List<String> lines = TextFiles.lines(file, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < minFields) {
                throw new DataFormatException(file, i + 1, "expected at least " + minFields + " tab-separated fields");
            }
            row.accept(f, file, i + 1);
        }
    }
}
