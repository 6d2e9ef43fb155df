package org.musicdiscovery.collections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names of a sparse collection's dimensions (genres), from {@code dims.tsv}: {@code index<TAB>name} per line. */
public final class Dimensions {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    public Dimensions(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
    }

    public static Dimensions read(Path file, int dimension) {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 2 || Integer.parseInt(f[0].strip()) != names.size()) {
                    throw new InvalidCollectionException(file + ": expected '" + names.size() + "<TAB>name', got '"
                            + line + "'");
                }
                names.add(f[1].strip());
            }
            if (names.size() != dimension) {
                throw new InvalidCollectionException(file + ": " + names.size() + " names for dimension " + dimension);
            }
            return new Dimensions(names);
        } catch (IOException | NumberFormatException e) {
            throw new InvalidCollectionException(file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return names.size();
    }

    /** -1 when the name is not a dimension. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    public String name(int i) {
        return names.get(i);
    }

    /** The non-zero components of a dense vector, by name, largest first. */
    public Map<String, Double> sparse(float[] dense) {
        int[] dims = new int[dense.length];
        float[] values = new float[dense.length];
        int n = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0f) {
                dims[n] = i;
                values[n++] = dense[i];
            }
        }
        return named(dims, values, n);
    }

    /** The first n components (dimension, value; ascending dimension) by name, largest first, ties by dimension. */
    public Map<String, Double> named(int[] dims, float[] values, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(values[b], values[a])); // stable: ties keep ascending dimension
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i : order) {
            out.put(names.get(dims[i]), (double) values[i]);
        }
        return out;
    }
}
