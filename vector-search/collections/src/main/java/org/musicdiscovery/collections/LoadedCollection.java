package org.musicdiscovery.collections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * One version of a collection, opened and validated: its trees (dot and/or angular over the same items), the item
 * mapping and the dimension names. Reference-counted so a hot swap closes the mappings only after the queries that
 * were using them have finished.
 */
public final class LoadedCollection {
    private final CollectionManifest manifest;
    private final Map<String, VectorTrees> trees;
    private final ItemMap items;
    private final Dimensions dims;
    private final Map<Character, Integer> typeCounts;
    private final AtomicInteger refs = new AtomicInteger(1); // 1 = held by the registry
    private volatile boolean closed;

    private LoadedCollection(CollectionManifest manifest, Map<String, VectorTrees> trees, ItemMap items,
            Dimensions dims) {
        this.manifest = manifest;
        this.trees = trees;
        this.items = items;
        this.dims = dims;
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            counts.merge(items.typeCode(i), 1, Integer::sum);
        }
        this.typeCounts = Map.copyOf(counts);
    }

    /**
     * Opens every file of a version directory and checks they agree; on any problem closes what it opened and
     * throws {@link InvalidCollectionException}.
     *
     * @param openTrees opens one Annoy file given (path, manifest) and the metric name
     */
    public static LoadedCollection open(Path versionDir, BiFunction<Path, String, VectorTrees> openTrees) {
        CollectionManifest m = CollectionManifest.read(versionDir);
        Map<String, VectorTrees> opened = new LinkedHashMap<>();
        ItemMap items = null;
        try {
            for (var e : m.trees().entrySet()) {
                Path file = versionDir.resolve(e.getValue());
                if (!Files.isRegularFile(file)) {
                    throw new InvalidCollectionException(file + " is missing");
                }
                VectorTrees t = openTrees.apply(file, e.getKey());
                opened.put(e.getKey(), t);
                if (t.dimension() != m.dimension() || t.size() != m.nItems()) {
                    throw new InvalidCollectionException(file + ": " + t.size() + " items × " + t.dimension()
                            + " dims, manifest says " + m.nItems() + " × " + m.dimension());
                }
            }
            items = ItemMap.open(versionDir.resolve(m.items()), m.nItems());
            Dimensions dims = m.sparse() ? Dimensions.read(versionDir.resolve(m.dims()), m.dimension()) : null;
            return new LoadedCollection(m, Map.copyOf(opened), items, dims);
        } catch (RuntimeException e) {
            opened.values().forEach(VectorTrees::close);
            if (items != null) {
                items.close();
            }
            throw e instanceof InvalidCollectionException ? e
                    : new InvalidCollectionException(versionDir + ": " + e.getMessage(), e);
        }
    }

    public CollectionManifest manifest() {
        return manifest;
    }

    public Map<String, VectorTrees> trees() {
        return trees;
    }

    public ItemMap items() {
        return items;
    }

    /** Null for dense collections. */
    public Dimensions dims() {
        return dims;
    }

    /** Items per type code ('s', 'p', 'a'), for sizing over-fetch under a type filter. */
    public int count(char typeCode) {
        return typeCounts.getOrDefault(typeCode, 0);
    }

    /** Takes a reference for one query; false if this version is already retired (the caller re-reads). */
    public boolean acquire() {
        while (true) {
            int n = refs.get();
            if (n == 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (refs.decrementAndGet() == 0) {
            closeFiles();
        }
    }

    /** Drops the registry's reference: the files close when the last in-flight query releases. */
    public void retire() {
        release();
    }

    public boolean isClosed() {
        return closed;
    }

    private void closeFiles() {
        closed = true;
        trees.values().forEach(VectorTrees::close);
        items.close();
    }

}
