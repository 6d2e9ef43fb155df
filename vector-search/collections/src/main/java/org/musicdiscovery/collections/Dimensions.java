package org.musicdiscovery.collections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<Integer> nonZero = new ArrayList<>();
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0f) {
                nonZero.add(i);
            }
        }
        nonZero.sort((a, b) -> Float.compare(dense[b], dense[a]));
        Map<String, Double> out = new LinkedHashMap<>();
        nonZero.forEach(i -> out.put(names.get(i), (double) dense[i]));
        return out;
    }
}
