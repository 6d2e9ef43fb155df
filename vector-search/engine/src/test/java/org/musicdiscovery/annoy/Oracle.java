package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** The C++ Annoy driver built by scripts/annoy-oracle; tests that need it are skipped when it is absent. */
final class Oracle {
    private Oracle() {
    }

    static Path driver() {
        String p = System.getProperty("annoy.oracle", "");
        Path path = p.isEmpty() ? null : Path.of(p);
        assumeTrue(path != null && Files.isExecutable(path),
                "C++ Annoy oracle not built (run scripts/annoy-oracle); skipping the comparison with C++ Annoy");
        return path;
    }

    static List<String> run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(driver().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> out;
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            out = reader.lines().toList();
        }
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("annoy_driver " + String.join(" ", args) + " failed");
        }
        return out;
    }

    /** Writes vectors as "id<TAB>v1 v2 ..." lines. */
    static Path write(Path file, float[][] vectors) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vectors.length; i++) {
            sb.append(i).append('\t');
            for (int z = 0; z < vectors[i].length; z++) {
                sb.append(z == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.9g", vectors[i][z]));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** Parses the driver's "id:distance ..." lines. */
    static int[][] ids(List<String> lines) {
        return lines.stream().map(l -> l.isBlank() ? new int[0]
                : java.util.Arrays.stream(l.split(" ")).mapToInt(t -> Integer.parseInt(t.split(":")[0])).toArray())
                .toArray(int[][]::new);
    }

    static float[][] distances(List<String> lines) {
        return lines.stream().map(l -> {
            if (l.isBlank()) {
                return new float[0];
            }
            String[] t = l.split(" ");
            float[] d = new float[t.length];
            for (int i = 0; i < t.length; i++) {
                d[i] = Float.parseFloat(t[i].split(":")[1]);
            }
            return d;
        }).toArray(float[][]::new);
    }

    /** Queries like the product's: two dimensions mixed 70/30, the rest zero. */
    static float[][] mixes(int n, int f, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[n][f];
        for (float[] v : out) {
            int a = r.nextInt(f);
            int b = (a + 1 + r.nextInt(f - 1)) % f;
            v[a] = 0.7f;
            v[b] = 0.3f;
        }
        return out;
    }

    /** Gaussian, or non-negative sparse-ish "genre-like" vectors with norms varying ~10×. */
    static float[][] data(int n, int f, boolean genreLike, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[n][f];
        for (float[] v : out) {
            float scale = genreLike ? 0.2f + r.nextFloat() * 1.8f : 1f;
            for (int z = 0; z < f; z++) {
                v[z] = genreLike ? (r.nextFloat() < 0.3f ? r.nextFloat() * scale : 0f) : (float) r.nextGaussian();
            }
            if (genreLike && allZero(v)) {
                v[r.nextInt(f)] = scale;
            }
        }
        return out;
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
