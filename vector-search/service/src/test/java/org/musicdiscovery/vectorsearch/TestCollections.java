package org.musicdiscovery.vectorsearch;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.musicdiscovery.collections.CollectionBuilder;

/**
 * Real index files for the service tests, built with the production builder into a temporary index directory the
 * service is pointed at: a sparse "genre" collection (2,000 items of three types over six named genres, with its
 * sparse index and item facts: see {@link #popularity} and {@link #duplicate}) and a dense "embedding" collection
 * (500 items × 8 signed dimensions, trees only, no facts).
 */
public class TestCollections implements QuarkusTestResourceLifecycleManager {
    static final List<String> GENRES = List.of("blues", "funk", "jazz", "rock", "soul", "techno");
    static Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("vector-search-test");
            buildGenre(1);
            buildEmbedding();
            return Map.of("discovery.index.dir", root.toString(), "discovery.index.poll-seconds", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The genre collection's popularity of catalogue id {@code id}. */
    static double popularity(long id) {
        return (id * 7919) % 1000;
    }

    /** The genre collection's duplicate-key hash of a song: songs 1000+2j and 1001+2j are one recording. */
    static long duplicate(long id) {
        return 0x5eed_0000_0000L + (id - 1000) / 2;
    }

    /** Builds a new "genre" version (different seed → different vectors) and makes it CURRENT. */
    static Path buildGenre(long seed) throws IOException {
        Random r = new Random(seed);
        int n = 2000;
        float[][] vectors = new float[n][GENRES.size()];
        char[] types = new char[n];
        long[] ids = new long[n];
        double[] popularity = new double[n];
        long[] duplicates = new long[n];
        for (int i = 0; i < n; i++) {
            int nz = 1 + r.nextInt(3);
            float sum = 0;
            for (int j = 0; j < nz; j++) {
                float w = 0.1f + r.nextFloat();
                vectors[i][r.nextInt(GENRES.size())] += w;
                sum += w;
            }
            for (int z = 0; z < GENRES.size(); z++) {
                vectors[i][z] /= sum;
            }
            types[i] = i % 10 == 0 ? 'a' : i % 4 == 0 ? 'p' : 's';
            ids[i] = 1000 + i;
            popularity[i] = popularity(ids[i]);
            duplicates[i] = types[i] == 's' ? duplicate(ids[i]) : 0;
        }
        return CollectionBuilder.build(root, "genre",
                new CollectionBuilder.Items(vectors, types, ids, popularity, duplicates), GENRES,
                List.of("dot", "angular"), 5, seed, 1, "test", msg -> { });
    }

    static Path buildEmbedding() throws IOException {
        Random r = new Random(99);
        int n = 500;
        float[][] vectors = new float[n][8];
        char[] types = new char[n];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            for (int z = 0; z < 8; z++) {
                vectors[i][z] = (float) r.nextGaussian();
            }
            types[i] = i % 5 == 0 ? 'a' : 's';
            ids[i] = 1000 + i;
        }
        return CollectionBuilder.build(root, "embedding", new CollectionBuilder.Items(vectors, types, ids), null,
                List.of("dot", "angular"), 5, 7, 1, "test", msg -> { });
    }

    @Override
    public void stop() {
    }
}
