package org.musicdiscovery.annoy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI's plain vector format: one item per line, {@code id<TAB>v1 v2 … vf}. */
record VectorFile(int[] ids, float[][] vectors, int dimension) {

    static VectorFile read(Path file, int expectedDim) throws IOException {
        List<Integer> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int dim = expectedDim;
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected id<TAB>v1 v2 ...");
                }
                String[] parts = line.substring(tab + 1).trim().split("\\s+");
                if (dim <= 0) {
                    dim = parts.length;
                }
                if (parts.length != dim) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + parts.length
                            + " values, expected " + dim);
                }
                float[] v = new float[dim];
                for (int i = 0; i < dim; i++) {
                    v[i] = Float.parseFloat(parts[i]);
                }
                ids.add(Integer.parseInt(line.substring(0, tab).trim()));
                vectors.add(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
        return new VectorFile(ids.stream().mapToInt(Integer::intValue).toArray(), vectors.toArray(float[][]::new),
                dim);
    }

    static void write(Path file, float[][] vectors) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < vectors.length; i++) {
                sb.setLength(0);
                sb.append(i).append('\t');
                for (int z = 0; z < vectors[i].length; z++) {
                    if (z > 0) {
                        sb.append(' ');
                    }
                    float x = vectors[i][z];
                    sb.append(x == 0f ? "0" : Float.toString(x));
                }
                out.write(sb.append('\n').toString());
            }
        }
    }

    int size() {
        return ids.length;
    }
}
