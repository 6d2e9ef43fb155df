package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.genre.GenreVocabulary;
import org.musicdiscovery.catalogue.genre.TagGenreMapper;
import org.musicdiscovery.catalogue.genre.TagMapping;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Artist;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.GenreSource;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.Song;
import org.musicdiscovery.catalogue.ingest.CatalogueRows.TagRow;
import org.musicdiscovery.catalogue.model.TextKey;
import org.musicdiscovery.catalogue.source.HetrecData;
import org.musicdiscovery.catalogue.source.HetrecLoader;
import org.musicdiscovery.catalogue.source.YesFolder;
import org.musicdiscovery.catalogue.source.YesSong;
import org.musicdiscovery.catalogue.vectors.SparseVector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the catalogue in memory from a data dir: songs of yes/complete with tag-based genre vectors,
 * artists (primary-artist parsing, HetRec votes where names match), then the radio playlists via
 * {@link PlaylistMapper}. Pure: no database, so it is tested directly.
 */
public final class CatalogueBuilder {

    private final Path dataDir;
    private final Consumer<String> progress;

    public CatalogueBuilder(Path dataDir, Consumer<String> progress) {
        this.dataDir = dataDir;
        this.progress = progress;
    }

    public BuiltCatalogue build() {
        GenreVocabulary vocabulary = GenreVocabulary.load(dataDir);
        TagGenreMapper mapper = new TagGenreMapper(vocabulary);
        YesFolder complete = new YesFolder(dataDir.resolve("yes/complete"));
        if (!complete.exists()) {
            throw new IllegalArgumentException("no yes/complete/song_hash.txt under " + dataDir);
        }
        List<YesSong> yesSongs = complete.songs();
        progress.accept("read " + yesSongs.size() + " songs from yes/complete");
        HetrecData hetrec = HetrecLoader.load(dataDir.resolve("lastfm-hetrec-2k"));
        progress.accept("read " + hetrec.artistNames().size() + " HetRec artists, " + hetrec.tagAssignments() + " tag assignments");

        Map<String, Integer> tagUses = new TreeMap<>();
        yesSongs.forEach(s -> s.tags().forEach(t -> tagUses.merge(t, 1, Integer::sum)));
        hetrec.tagVotes().values().forEach(v -> v.forEach((tagId, n) ->
                tagUses.merge(hetrec.tagNames().getOrDefault(tagId, ""), n, Integer::sum)));
        tagUses.remove("");

        ArtistCredits credits = new ArtistCredits(yesSongs.stream().map(YesSong::artist).toList(),
                hetrec.artistNames().values());
        Map<String, Integer> hetrecByKey = new HashMap<>();
        hetrec.artistNames().forEach((id, name) -> hetrecByKey.putIfAbsent(TextKey.of(name), id));

        // songs with tag vectors; artists collected on the way
        Map<String, String> artistNames = new LinkedHashMap<>();
        Map<String, List<SparseVector>> songVectorsByArtist = new HashMap<>();
        Map<String, Integer> songCounts = new HashMap<>();
        List<Song> songs = new ArrayList<>(yesSongs.size());
        for (YesSong y : yesSongs) {
            String primary = credits.primary(y.artist());
            String key = TextKey.of(primary).isEmpty() ? "unknown artist" : TextKey.of(primary);
            artistNames.putIfAbsent(key, primary.isEmpty() ? "Unknown Artist" : primary);
            songCounts.merge(key, 1, Integer::sum);
            SparseVector v = tagVector(y.tags(), mapper);
            if (!v.isEmpty()) {
                songVectorsByArtist.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            }
            songs.add(new Song(y.id(), y.title().isEmpty() ? "Untitled" : y.title(), y.artist(), key, y.tags(), v,
                    v.isEmpty() ? GenreSource.NONE : GenreSource.TAGS, 0));
        }

        Map<String, Artist> artists = new LinkedHashMap<>();
        artistNames.forEach((key, name) -> {
            Integer hetrecId = hetrecByKey.get(key);
            SparseVector v = hetrecId == null ? SparseVector.EMPTY : hetrecVector(hetrec, hetrecId, mapper);
            GenreSource source = GenreSource.HETREC;
            if (v.isEmpty()) {
                v = SparseVector.mean(songVectorsByArtist.getOrDefault(key, List.of()));
                source = v.isEmpty() ? GenreSource.NONE : GenreSource.SONGS;
            }
            artists.put(key, new Artist(key, name, hetrecId, songCounts.get(key), 0, v, source));
        });
        // untagged songs borrow their artist's mix so every song by a known artist can be placed
        songs.replaceAll(s -> s.genres().isEmpty() && !artists.get(s.artistKey()).genres().isEmpty()
                ? new Song(s.id(), s.title(), s.credit(), s.artistKey(), s.tags(), artists.get(s.artistKey()).genres(),
                GenreSource.ARTIST, 0) : s);
        progress.accept("built " + songs.size() + " songs and " + artists.size() + " artists");

        List<TagRow> tags = new ArrayList<>(tagUses.size());
        tagUses.forEach((tag, uses) -> {
            TagMapping m = mapper.map(tag);
            tags.add(new TagRow(tag, m.genre(), m.rule().name(), uses));
        });
        return new PlaylistMapper(dataDir, progress).attach(vocabulary, tags, songs, artists);
    }

    static SparseVector tagVector(List<String> tags, TagGenreMapper mapper) {
        Map<String, Double> raw = new HashMap<>();
        tags.forEach(t -> mapper.map(t).genreIfMapped().ifPresent(g -> raw.merge(g, 1.0, Double::sum)));
        return SparseVector.of(raw);
    }

    private static SparseVector hetrecVector(HetrecData hetrec, int artistId, TagGenreMapper mapper) {
        Map<String, Double> raw = new HashMap<>();
        hetrec.tagVotes().getOrDefault(artistId, Map.of()).forEach((tagId, votes) -> {
            String tag = hetrec.tagNames().get(tagId);
            if (tag != null) {
                mapper.map(tag).genreIfMapped().ifPresent(g -> raw.merge(g, votes.doubleValue(), Double::sum));
            }
        });
        return SparseVector.of(raw);
    }
}
