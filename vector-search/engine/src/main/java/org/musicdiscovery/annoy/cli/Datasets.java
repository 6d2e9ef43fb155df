package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Benchmark data: real genre vectors (a vectors file, MTG-Jamendo) or synthetic genre-like vectors. */
record Datasets(String name, float[][] items, float[][] queries) {

    /**
     * MTG-Jamendo auto-tagging genre split: one vector per track over its genre tags, weights summing to 1.
     * Queries are two-genre mixes (0.7/0.3) of genres drawn from the data, like the product's queries.
     */
    static Datasets mtgJamendo(Path dir, int nQueries, long seed) throws IOException {
        Map<String, Integer> genres = new LinkedHashMap<>();
        List<int[]> tracks = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("autotagging_genre"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("TRACK_ID")) {
                        continue;
                    }
                    String[] cols = line.split("\t");
                    List<Integer> dims = new ArrayList<>();
                    for (int c = 5; c < cols.length; c++) {
                        if (cols[c].startsWith("genre---")) {
                            dims.add(genres.computeIfAbsent(cols[c].substring(8), g -> genres.size()));
                        }
                    }
                    if (!dims.isEmpty()) {
                        tracks.add(dims.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
            }
        }
        int f = genres.size();
        float[][] items = new float[tracks.size()][f];
        for (int i = 0; i < items.length; i++) {
            for (int d : tracks.get(i)) {
                items[i][d] = 1f / tracks.get(i).length;
            }
        }
        return new Datasets("mtg-jamendo", items, mixes(items, nQueries, seed));
    }

    static Datasets file(Path vectors, int nQueries, long seed) throws IOException {
        float[][] items = VectorFile.read(vectors, 0).vectors();
        return new Datasets(vectors.getFileName().toString(), items, mixes(items, nQueries, seed));
    }

    /** Non-negative sparse vectors with ~6 non-zero dims and norms varying ~10×, like genre mixes. */
    static Datasets synthetic(int n, int f, int nQueries, long seed) {
        Random r = new Random(seed);
        float[][] items = new float[n][];
        for (int i = 0; i < n; i++) {
            items[i] = sparseMix(r, f, 1 + r.nextInt(10), 0.2f + 1.8f * r.nextFloat());
        }
        return new Datasets("synthetic-" + n, items, mixes(items, nQueries, seed + 1));
    }

    private static float[] sparseMix(Random r, int f, int nonZero, float scale) {
        float[] v = new float[f];
        for (int j = 0; j < nonZero; j++) {
            v[r.nextInt(f)] += r.nextFloat() * scale;
        }
        return v;
    }

    /** Two-genre 70/30 mixes over dimensions that items actually use. */
    static float[][] mixes(float[][] items, int n, long seed) {
        Random r = new Random(seed);
        int f = items[0].length;
        float[][] out = new float[n][f];
        for (float[] q : out) {
            float[] a = items[r.nextInt(items.length)];
            float[] b = items[r.nextInt(items.length)];
            q[argmax(a)] += 0.7f;
            q[argmax(b)] += 0.3f;
        }
        return out;
    }

    /**
     * Two-genre mixes as users ask for them: two distinct dimensions drawn with probability proportional to how
     * many items carry them (the vocabulary's real frequencies), shares 50/50, 60/40, 70/30 or 80/20.
     */
    static float[][] frequencyMixes(float[][] items, int n, long seed) {
        int f = items[0].length;
        long[] carriers = new long[f];
        long total = 0;
        for (float[] v : items) {
            for (int d = 0; d < f; d++) {
                if (v[d] != 0) {
                    carriers[d]++;
                    total++;
                }
            }
        }
        Random r = new Random(seed);
        float[][] out = new float[n][f];
        for (float[] q : out) {
            int a = draw(r, carriers, total), b;
            do {
                b = draw(r, carriers, total);
            } while (b == a);
            float share = 0.5f + 0.1f * r.nextInt(4);
            q[a] = share;
            q[b] = 1 - share;
        }
        return out;
    }

    private static int draw(Random r, long[] weights, long total) {
        long x = (long) (r.nextDouble() * total);
        for (int d = 0; d < weights.length; d++) {
            x -= weights[d];
            if (x < 0) {
                return d;
            }
        }
        return weights.length - 1;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
