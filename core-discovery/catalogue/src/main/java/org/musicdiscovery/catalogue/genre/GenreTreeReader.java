package org.musicdiscovery.catalogue.genre;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the beets {@code genres-tree.yaml}: a list whose items are either a leaf name or a one-entry map
 * {@code name: [children]}. The tree lists a few names twice (e.g. "funk metal"); the first position wins so
 * every genre has exactly one parent.
 */
final class GenreTreeReader {

    private GenreTreeReader() {
    }

    /** Canonical name to genre, in tree order (parents before children). */
    static Map<String, Genre> read(Path yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read genre tree " + yaml, e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("genre tree " + yaml + " is not a YAML list");
        }
        Map<String, Genre> out = new LinkedHashMap<>();
        walk(root, null, 0, out);
        return out;
    }

    static boolean exists(Path yaml) {
        return Files.isRegularFile(yaml);
    }

    private static void walk(JsonNode list, String parent, int depth, Map<String, Genre> out) {
        for (JsonNode item : list) {
            if (item.isTextual()) {
                add(item.asText(), parent, depth, out);
            } else if (item.isObject()) {
                for (Map.Entry<String, JsonNode> e : item.properties()) {
                    String name = add(e.getKey(), parent, depth, out);
                    if (e.getValue() != null && e.getValue().isArray()) {
                        walk(e.getValue(), name, depth + 1, out);
                    }
                }
            }
        }
    }

    private static String add(String raw, String parent, int depth, Map<String, Genre> out) {
        String name = raw.trim().toLowerCase(java.util.Locale.ROOT);
        out.putIfAbsent(name, new Genre(name, parent, depth));
        return name;
    }
}
