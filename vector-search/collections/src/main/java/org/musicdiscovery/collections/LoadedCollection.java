package org.musicdiscovery.collections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.musicdiscovery.annoy.AnnoyFormatException;
import org.musicdiscovery.annoy.SparseIndex;

/**
 * One version of a collection, opened and validated: its trees (dot and/or angular over the same items), the exact
 * sparse index if it has one, the item mapping and the dimension names. Reference-counted so a hot swap closes the
 * mappings only after the queries that were using them have finished.
 */
public final class LoadedCollection {
    private final CollectionManifest manifest;
    private final Map<String, VectorTrees> trees;
    private final VectorTrees stored;
    private final SparseIndex sparse;
    private final Map<Character, TypedSparse> typed;
    private final ItemMap items;
    private final Dimensions dims;
    private final Map<Character, Integer> typeCounts;
    private final AtomicInteger refs = new AtomicInteger(1); // 1 = held by the registry
    private volatile boolean closed;

    private LoadedCollection(CollectionManifest manifest, Map<String, VectorTrees> trees, SparseIndex sparse,
            Map<Character, TypedSparse> typed, ItemMap items, Dimensions dims) {
        this.manifest = manifest;
        this.trees = trees;
        this.stored = trees.values().iterator().next();
        this.sparse = sparse;
        this.typed = typed;
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
        SparseIndex sparse = null;
        Map<Character, TypedSparse> typed = new LinkedHashMap<>();
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
            if (m.sparseIndex() != null) {
                sparse = openSparse(versionDir.resolve(m.sparseIndex()), m);
                sameItems(sparse, opened.values().iterator().next(), m);
            }
            items = ItemMap.open(versionDir.resolve(m.items()),
                    m.facts() == null ? null : versionDir.resolve(m.facts()), m.nItems());
            if (sparse != null && m.sparseByType() != null) {
                for (var e : m.sparseByType().entrySet()) {
                    if (e.getKey().length() != 1) {
                        throw new InvalidCollectionException(versionDir + ": type code " + e.getKey());
                    }
                    char type = e.getKey().charAt(0);
                    typed.put(type, TypedSparse.open(versionDir.resolve(e.getValue()), type, sparse, items));
                }
            }
            Dimensions dims = m.sparse() ? Dimensions.read(versionDir.resolve(m.dims()), m.dimension()) : null;
            return new LoadedCollection(m, Map.copyOf(opened), sparse, Map.copyOf(typed), items, dims);
        } catch (RuntimeException e) {
            opened.values().forEach(VectorTrees::close);
            typed.values().forEach(TypedSparse::close);
            if (sparse != null) {
                sparse.close();
            }
            if (items != null) {
                items.close();
            }
            throw e instanceof InvalidCollectionException ? e
                    : new InvalidCollectionException(versionDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Items' genres and cosines are read from the sparse index, tree candidates' from the forests: a sample of items
     * must hold the same floats in both, or the version is refused (files from different builds).
     */
    private static void sameItems(SparseIndex sparse, VectorTrees trees, CollectionManifest m) {
        sameTerms(m.nItems(), m.dimension(), sparse::terms, item -> item, trees::nonZeros, item -> sparse.file()
                + ": item " + item + " differs from the same item in the trees (files of different builds?)");
    }

    /** How some store gives an item's non-zero components, ascending dimension; returns how many. */
    interface NonZeros {
        int of(int item, int[] dims, float[] values);
    }

    /**
     * Refuses a version unless 64 items spread evenly over {@code n} hold the same floats in {@code a} and, under
     * the id {@code toB} gives them, in {@code b}: a cheap check that two files come from the same build.
     */
    static void sameTerms(int n, int f, NonZeros a, IntUnaryOperator toB, NonZeros b, IntFunction<String> refusal) {
        int samples = Math.min(n, 64);
        int[] dims = new int[f], bDims = new int[f];
        float[] values = new float[f], bValues = new float[f];
        for (int s = 0; s < samples; s++) {
            int item = (int) ((long) s * (n - 1) / Math.max(1, samples - 1));
            int count = a.of(item, dims, values);
            if (count != b.of(toB.applyAsInt(item), bDims, bValues)
                    || !Arrays.equals(dims, 0, count, bDims, 0, count)
                    || !Arrays.equals(values, 0, count, bValues, 0, count)) {
                throw new InvalidCollectionException(refusal.apply(toB.applyAsInt(item)));
            }
        }
    }

    private static SparseIndex openSparse(Path file, CollectionManifest m) {
        SparseIndex index = openSparse(file);
        if (index.nItems() != m.nItems() || index.nDims() != m.dimension()) {
            index.close();
            throw new InvalidCollectionException(file + ": " + index.nItems() + " items × " + index.nDims()
                    + " dims, manifest says " + m.nItems() + " × " + m.dimension());
        }
        return index;
    }

    /** Opens a sparse index file, its format errors as the collection's. */
    static SparseIndex openSparse(Path file) {
        try {
            return SparseIndex.open(file);
        } catch (AnnoyFormatException e) {
            throw new InvalidCollectionException(e.getMessage(), e);
        }
    }

    public CollectionManifest manifest() {
        return manifest;
    }

    public Map<String, VectorTrees> trees() {
        return trees;
    }

    /** A forest to read items' stored vectors from: every forest of the version stores the same floats. */
    public VectorTrees stored() {
        return stored;
    }

    /** The exact sparse index over the same items, or null (dense collections, versions built before it). */
    public SparseIndex sparse() {
        return sparse;
    }

    /** The exact sparse index over the items of one type (see {@link TypedSparse}), or null. */
    public TypedSparse sparse(char typeCode) {
        return typed.get(typeCode);
    }

    /**
     * Item {@code item}'s non-zero components, ascending dimension: from the sparse index's per-item terms when the
     * version has one (a few bytes), else from the stored vector.
     */
    public int nonZeros(int item, int[] dims, float[] values) {
        return sparse != null ? sparse.terms(item, dims, values) : stored.nonZeros(item, dims, values);
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
        if (sparse != null) {
            sparse.close();
        }
        typed.values().forEach(TypedSparse::close);
        items.close();
    }

}
