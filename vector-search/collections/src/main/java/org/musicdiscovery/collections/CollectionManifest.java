package org.musicdiscovery.collections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code collection.json} in a version directory: what the files are and how to read them. The Annoy files carry
 * their own engine manifests; this one ties them to the item mapping and the dimension names.
 *
 * @param name      collection name ("genre", "embedding")
 * @param version   version directory name
 * @param space     "sparse" (named dimensions, e.g. genres) or "dense"
 * @param dimension vector length
 * @param nItems    items in every file
 * @param trees     metric ("dot", "angular") → Annoy file name in this directory
 * @param items     item-mapping file name (8 bytes per item)
 * @param dims      dimension-names file (sparse collections), else null
 * @param source    what the vectors were built from
 * @param sparseIndex the exact sparse index file (sparse collections built since issue 9), else null
 * @param itemOrder how items are numbered, which is how equal scores are ordered (null: export order)
 * @param facts     the item facts file ({@link ItemMap}: popularity and duplicate-key hash per item), else null
 * @param sparseByType type code ("s", "p", "a") → the exact sparse index over that type's items ({@link TypedSparse}),
 *                  else null (versions built before them)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionManifest(String name, String version, String space, int dimension, int nItems,
        Map<String, String> trees, String items, String dims, String source, String sparseIndex, String itemOrder,
        String facts, Map<String, String> sparseByType) {

    /** As versions before the per-type sparse indexes. */
    public CollectionManifest(String name, String version, String space, int dimension, int nItems,
            Map<String, String> trees, String items, String dims, String source, String sparseIndex, String itemOrder,
            String facts) {
        this(name, version, space, dimension, nItems, trees, items, dims, source, sparseIndex, itemOrder, facts, null);
    }

    public static final String FILE = "collection.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean sparse() {
        return "sparse".equals(space);
    }

    public static CollectionManifest read(Path versionDir) {
        Path file = versionDir.resolve(FILE);
        try {
            CollectionManifest m = JSON.readValue(file.toFile(), CollectionManifest.class);
            m.check();
            return m;
        } catch (IOException e) {
            throw new InvalidCollectionException(file + ": unreadable manifest: " + e.getMessage(), e);
        }
    }

    public void write(Path versionDir) throws IOException {
        Files.createDirectories(versionDir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(versionDir.resolve(FILE).toFile(), this);
    }

    private void check() {
        if (name == null || version == null || dimension <= 0 || nItems <= 0 || trees == null || trees.isEmpty()
                || items == null) {
            throw new InvalidCollectionException("manifest " + name + "/" + version
                    + " lacks name, version, dimension, nItems, trees or items");
        }
        if (sparse() && dims == null) {
            throw new InvalidCollectionException("sparse collection " + name + " names no dims file");
        }
    }
}
