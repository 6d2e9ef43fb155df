package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.genre.GenreVocabulary;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Artist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Playlist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Song;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.TagRow;
import org.musicdiscovery.catalogue.model.TextKey;
import org.musicdiscovery.catalogue.source.YesFolder;
import org.musicdiscovery.catalogue.source.YesPlaylist;
import org.musicdiscovery.catalogue.source.YesSong;
import org.musicdiscovery.catalogue.vectors.SparseVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps the radio playlists of yes/small and yes/big onto yes/complete song ids. The three samples use
 * different id spaces, so a song is matched by its normalised (title, artist); playlists keeping fewer than
 * {@value #MIN_SONGS} distinct songs are dropped. Also derives popularity (playlists containing a song).
 */
final class PlaylistMapper {

    static final int MIN_SONGS = 2;
    /** Playlist id = source offset + line index, so ids are stable across re-ingests. */
    static final Map<String, Long> SOURCES = Map.of("small", 1_000_000L, "big", 2_000_000L);

    private final Path dataDir;
    private final Consumer<String> progress;

    PlaylistMapper(Path dataDir, Consumer<String> progress) {
        this.dataDir = dataDir;
        this.progress = progress;
    }

    static String matchKey(String title, String artist) {
        return TextKey.of(title) + '|' + TextKey.of(artist);
    }

    BuiltCatalogue attach(GenreVocabulary vocabulary, List<TagRow> tags, List<Song> songs, Map<String, Artist> artists) {
        Map<String, Long> byKey = new HashMap<>();
        Map<Long, Song> byId = new HashMap<>();
        for (Song s : songs) {
            byKey.putIfAbsent(matchKey(s.title(), s.credit()), s.id()); // duplicates: lowest id wins
            byId.put(s.id(), s);
        }
        List<long[]> kept = new ArrayList<>();
        List<String[]> keptSource = new ArrayList<>();
        int read = 0;
        long slots = 0;
        long mapped = 0;
        for (String source : List.of("small", "big")) {
            YesFolder folder = new YesFolder(dataDir.resolve("yes").resolve(source));
            if (!folder.exists() || !folder.hasPlaylists()) {
                progress.accept("no playlists in yes/" + source + ", skipped");
                continue;
            }
            Map<Integer, Long> local = new HashMap<>();
            for (YesSong y : folder.songs()) {
                Long id = byKey.get(matchKey(y.title(), y.artist()));
                if (id != null) {
                    local.put(y.id(), id);
                }
            }
            List<YesPlaylist> playlists = folder.playlists();
            for (YesPlaylist p : playlists) {
                read++;
                slots += p.songIds().length;
                long[] ids = java.util.Arrays.stream(p.songIds()).mapToObj(local::get)
                        .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).toArray();
                mapped += ids.length;
                if (java.util.Arrays.stream(ids).distinct().count() >= MIN_SONGS) {
                    kept.add(ids);
                    keptSource.add(new String[]{source, Integer.toString(p.index())});
                }
            }
            progress.accept("yes/" + source + ": " + playlists.size() + " playlists, " + local.size()
                    + " of its songs matched by (title, artist)");
        }

        Map<Long, Integer> popularity = new HashMap<>();
        for (long[] ids : kept) {
            Set<Long> distinct = new HashSet<>();
            for (long id : ids) {
                if (distinct.add(id)) {
                    popularity.merge(id, 1, Integer::sum);
                }
            }
        }
        List<Song> ranked = songs.stream().map(s -> new Song(s.id(), s.title(), s.credit(), s.artistKey(), s.tags(),
                s.genres(), s.genreSource(), popularity.getOrDefault(s.id(), 0))).toList();
        Map<String, Double> artistPopularity = new HashMap<>();
        ranked.forEach(s -> artistPopularity.merge(s.artistKey(), (double) s.popularity(), Double::sum));
        Map<String, Artist> rankedArtists = new LinkedHashMap<>();
        artists.forEach((k, a) -> rankedArtists.put(k, new Artist(a.key(), a.name(), a.hetrecId(), a.songCount(),
                artistPopularity.getOrDefault(k, 0.0), a.genres(), a.genreSource())));

        List<Playlist> playlists = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            long[] ids = kept.get(i);
            String source = keptSource.get(i)[0];
            int index = Integer.parseInt(keptSource.get(i)[1]);
            List<SparseVector> vectors = new ArrayList<>();
            List<String> artistNames = new ArrayList<>();
            double pop = 0;
            for (long id : ids) {
                Song s = byId.get(id);
                vectors.add(s.genres());
                artistNames.add(rankedArtists.get(s.artistKey()).name());
                pop += popularity.getOrDefault(id, 0);
            }
            SparseVector v = SparseVector.mean(vectors);
            playlists.add(new Playlist(SOURCES.get(source) + index, source, index, PlaylistNamer.name(v, artistNames),
                    ids, v, pop / ids.length));
        }
        progress.accept("kept " + playlists.size() + " of " + read + " playlists (>= " + MIN_SONGS + " mapped songs); "
                + mapped + " of " + slots + " song slots mapped");
        return new BuiltCatalogue(vocabulary, tags, ranked, rankedArtists, playlists, read, slots, mapped);
    }
}
