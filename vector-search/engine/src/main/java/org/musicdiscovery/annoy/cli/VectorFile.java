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
                int values = count(line, tab + 1);
                if (dim <= 0) {
                    dim = values;
                }
                if (values != dim) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + values + " values, expected " + dim);
                }
                float[] v = new float[dim];
                parse(line, tab + 1, v);
                ids.add(Integer.parseInt(line.substring(0, tab).trim()));
                vectors.add(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
        return new VectorFile(ids.stream().mapToInt(Integer::intValue).toArray(), vectors.toArray(float[][]::new),
                dim);
    }

    /*
     * Values are split by hand, not by a regex: reading a 1M-line file (64 values each), Pattern.split and its
     * copies were about half of the CLI's reading time (JFR). Separators are what the regex's \s matched: space,
     * tab, line feed, vertical tab, form feed, carriage return.
     */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }

    /** How many whitespace-separated values {@code line} holds from {@code from} on. */
    private static int count(String line, int from) {
        int n = 0;
        boolean inValue = false;
        for (int i = from; i < line.length(); i++) {
            boolean space = isSpace(line.charAt(i));
            n += !space && !inValue ? 1 : 0;
            inValue = !space;
        }
        return n;
    }

    /** The values from {@code from} on into {@code out} (as many as {@link #count} said). */
    private static void parse(String line, int from, float[] out) {
        int i = from;
        for (int z = 0; z < out.length; z++) {
            while (isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !isSpace(line.charAt(i))) {
                i++;
            }
            // "0" is most values of a sparse genre vector
            out[z] = i - start == 1 && line.charAt(start) == '0' ? 0f : Float.parseFloat(line.substring(start, i));
        }
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
