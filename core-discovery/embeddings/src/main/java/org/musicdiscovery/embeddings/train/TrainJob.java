package org.musicdiscovery.embeddings.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.musicdiscovery.catalogue.source.HetrecLoader;
import org.musicdiscovery.embeddings.corpus.CatalogueCorpus;
import org.musicdiscovery.embeddings.corpus.HetrecSentences;
import org.musicdiscovery.embeddings.io.VectorFiles;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trains song and artist embeddings from the catalogue and writes, under {@code outDir}:
 * {@code song-vectors.tsv}/{@code song-mapping.tsv}, {@code artist-vectors.tsv}/{@code artist-mapping.tsv}, the
 * two concatenated for the {@code embedding} collection ({@code embedding-vectors.tsv}/{@code embedding-mapping.tsv},
 * songs first; the two spaces are unrelated, so searches there must filter by item type) and
 * {@code embeddings.json} (parameters, corpus sizes, vocabulary sizes, timings).
 */
public final class TrainJob {

    public static final String PARAMS_FILE = "embeddings.json";

    private final DataSource db;
    private final Path hetrecDir;
    private final Path outDir;
    private final Consumer<String> progress;

    /** @param hetrecDir {@code lastfm-hetrec-2k}, or null to train artists on playlists only */
    public TrainJob(DataSource db, Path hetrecDir, Path outDir, Consumer<String> progress) {
        this.db = db;
        this.hetrecDir = hetrecDir;
        this.outDir = outDir;
        this.progress = progress;
    }

    /** Runs both trainings and returns what was written into {@code embeddings.json}. */
    public Map<String, Object> run(TrainParams params) throws Exception {
        Files.createDirectories(outDir);
        CatalogueCorpus corpus = new CatalogueCorpus(db);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("createdAt", Instant.now().toString());
        meta.put("trainer", "DL4J 1.0.0-M2.1 Word2Vec, skip-gram, negative sampling");
        meta.put("params", params);

        progress.accept("reading playlists (songs)");
        List<List<String>> songSentences = corpus.songSentences();
        Map<String, Object> songMeta = corpusStats(songSentences);
        Embeddings songs = timed(songMeta, () -> Word2VecTrainer.train(songSentences, params, progress));
        List<VectorFiles.Item> songItems = VectorFiles.catalogueItems(songs, 's');
        songMeta.put("vocabulary", songs.size());
        songMeta.put("exported", songItems.size());
        meta.put("songs", songMeta);

        progress.accept("reading playlists (artists)");
        List<List<String>> artistSentences = new ArrayList<>(corpus.artistPlaylistSentences());
        Map<String, Object> artistMeta = new LinkedHashMap<>();
        artistMeta.put("playlistSentences", artistSentences.size());
        Path userArtists = hetrecDir == null ? null : hetrecDir.resolve("user_artists.dat");
        if (userArtists != null && Files.isRegularFile(userArtists)) {
            HetrecSentences.Result h = HetrecSentences.read(userArtists, HetrecLoader.load(hetrecDir).artistNames(),
                    corpus.artistIdsByKey());
            artistSentences.addAll(h.sentences());
            artistMeta.put("hetrecUsers", h.sentences().size());
            artistMeta.put("hetrecArtistsMapped", h.mappedArtists());
            artistMeta.put("hetrecArtistsUnmapped", h.unmappedArtists());
            progress.accept(String.format(Locale.ROOT, "HetRec: %,d users, %,d artists mapped to the catalogue, %,d not",
                    h.sentences().size(), h.mappedArtists(), h.unmappedArtists()));
        }
        artistMeta.putAll(corpusStats(artistSentences));
        Embeddings artists = timed(artistMeta, () -> Word2VecTrainer.train(artistSentences, params, progress));
        List<VectorFiles.Item> artistItems = VectorFiles.catalogueItems(artists, 'a');
        artistMeta.put("vocabulary", artists.size());
        artistMeta.put("exported", artistItems.size());
        meta.put("artists", artistMeta);

        VectorFiles.write(songItems, outDir.resolve("song-vectors.tsv"), outDir.resolve("song-mapping.tsv"));
        VectorFiles.write(artistItems, outDir.resolve("artist-vectors.tsv"), outDir.resolve("artist-mapping.tsv"));
        List<VectorFiles.Item> both = new ArrayList<>(songItems);
        both.addAll(artistItems);
        VectorFiles.write(both, outDir.resolve("embedding-vectors.tsv"), outDir.resolve("embedding-mapping.tsv"));
        Path json = outDir.resolve(PARAMS_FILE);
        Path tmp = outDir.resolve(PARAMS_FILE + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), meta);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING);
        progress.accept(String.format(Locale.ROOT, "wrote %,d song and %,d artist vectors to %s",
                songItems.size(), artistItems.size(), outDir));
        return meta;
    }

    private static Map<String, Object> corpusStats(List<List<String>> sentences) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sentences", sentences.size());
        m.put("tokens", sentences.stream().mapToLong(List::size).sum());
        m.put("distinctItems", sentences.stream().flatMap(List::stream).distinct().count());
        return m;
    }

    private static Embeddings timed(Map<String, Object> meta, Supplier<Embeddings> t) {
        long t0 = System.nanoTime();
        Embeddings e = t.get();
        meta.put("trainSeconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return e;
    }
}
