package org.musicdiscovery.annoy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory-mapped Annoy index (FFM {@link MemorySegment}: long offsets, no 2 GiB limit), searched with Annoy's
 * algorithm: one priority queue over all trees, {@code search_k} candidates counted with duplicates (default
 * n_trees·k), exact re-scoring, ties by (distance, id), distances as Annoy returns them. Thread-safe: every thread
 * gets its own scratch. The file is validated when opened; anything inconsistent is refused with an
 * {@link AnnoyFormatException}, never served as garbage.
 */
public final class AnnoyIndex implements AutoCloseable {
    private final Path file;
    private final Metric metric;
    private final int f;
    private final int nodeSize;
    private final int k;
    private final Arena arena;
    private final MemorySegment seg;
    private final long nNodes;
    private final int nItems;
    private final int[] roots;
    private final boolean legacyDotMargin;
    /** Whether some id below n_items was never added (n_descendants 0): only then can a candidate be a non-item. */
    private boolean holes;
    private final ThreadLocal<SearchScratch> scratch;
    /** Whether a query of few non-zero dimensions reads only those ({@link SparseProbe}); same answers either way. */
    private volatile boolean sparseQueries = true;

    private AnnoyIndex(Path file, Metric metric, int f, boolean prefault, boolean legacyDotMargin) {
        this.file = file;
        this.metric = metric;
        this.f = f;
        this.nodeSize = metric.nodeSize(f);
        this.k = metric.leafCapacity(f);
        this.legacyDotMargin = legacyDotMargin;
        this.arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new AnnoyFormatException(file + ": empty file");
            }
            if (size % nodeSize != 0) {
                throw new AnnoyFormatException(file + ": " + size + " bytes is not a multiple of the " + nodeSize
                        + "-byte node of " + metric.name() + " f=" + f + ": wrong metric or dimension?");
            }
            this.seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            if (prefault) {
                seg.load();
            }
            this.nNodes = size / nodeSize;
            this.roots = findRoots();
            this.nItems = nd(roots[0]);
            validate();
        } catch (IOException e) {
            arena.close();
            throw new AnnoyFormatException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e instanceof AnnoyFormatException ? e : new AnnoyFormatException(file + ": " + e.getMessage(), e);
        }
        this.scratch = ThreadLocal.withInitial(() -> new SearchScratch(nItems));
    }

    /** Opens a file built by this engine (or any Annoy file given a manifest), checked against its manifest. */
    public static AnnoyIndex open(Path file) {
        return open(file, false, true);
    }

    public static AnnoyIndex open(Path file, boolean prefault, boolean verifyChecksum) {
        if (!Files.isRegularFile(file)) {
            throw new AnnoyFormatException(file + ": no such file");
        }
        IndexManifest m = IndexManifest.read(file);
        if (!IndexManifest.LAYOUT.equals(m.layout())) {
            throw new AnnoyFormatException(file + ": layout " + m.layout() + " is not supported (only "
                    + IndexManifest.LAYOUT + ")");
        }
        Metric metric = Metric.of(m.metric());
        try {
            if (Files.size(file) != m.fileBytes()) {
                throw new AnnoyFormatException(file + ": " + Files.size(file) + " bytes, manifest says "
                        + m.fileBytes() + " (truncated or replaced?)");
            }
            if (verifyChecksum && m.crc32c() != null && !m.crc32c().equals(IndexManifest.crc32c(file))) {
                throw new AnnoyFormatException(file + ": checksum does not match its manifest");
            }
        } catch (IOException e) {
            throw new AnnoyFormatException(file + ": " + e.getMessage(), e);
        }
        var index = new AnnoyIndex(file, metric, m.dimension(), prefault, !"fixed".equals(m.dotMargin()));
        if (index.nItems != m.nItems() || !rootsMatch(index.roots.length, m, metric)) {
            index.close();
            throw new AnnoyFormatException(file + ": " + index.nItems + " items / " + index.roots.length
                    + " trees, manifest says " + m.nItems() + " / " + m.nTrees());
        }
        return index;
    }

    /**
     * Whether the roots Annoy's load() finds agree with the manifest's tree count. With no more items than a leaf
     * holds, every tree is one leaf of all the items, so the trees and their root copies all share n_descendants
     * and load() counts up to twice the trees (C++ Annoy reads such a file the same way; each root is a whole
     * answer, so searches are unchanged).
     */
    private static boolean rootsMatch(int found, IndexManifest m, Metric metric) {
        if (m.nItems() > metric.leafCapacity(m.dimension())) {
            return found == m.nTrees();
        }
        return found >= m.nTrees() && found <= 2 * m.nTrees() + 1;
    }

    /** Opens a bare Annoy file (no manifest), e.g. one written by Python or C++ Annoy ≤ 1.17.3. */
    public static AnnoyIndex openBare(Path file, Metric metric, int dimension, boolean prefault) {
        if (!Files.isRegularFile(file)) {
            throw new AnnoyFormatException(file + ": no such file");
        }
        try {
            return new AnnoyIndex(file, metric, dimension, prefault, true);
        } catch (AnnoyFormatException e) {
            if (metric instanceof DotMetric && looksLikeMainBranchDot(file, dimension)) {
                throw new AnnoyFormatException(file + ": this is the 24+4f dot layout of Annoy's unreleased main branch"
                        + " (after PR #628), not the released 16+4f layout; rebuild it with Annoy <= 1.17.3 or with"
                        + " this engine", e);
            }
            throw e;
        }
    }

    private static boolean looksLikeMainBranchDot(Path file, int f) {
        try {
            long size = Files.size(file);
            int s = 24 + 4 * f;
            if (size == 0 || size % s != 0) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ); Arena a = Arena.ofConfined()) {
                MemorySegment m = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, a);
                int n = m.get(NodeStore.INT, size - s);
                // items (nd = 1) then the roots' nd = n_items: in the new layout item 0 sits at offset 0
                return n > 0 && (long) n * s < size && m.get(NodeStore.INT, 0) == 1;
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Annoy's load(): the trailing nodes sharing n_descendants are the roots; drop the original of the last. */
    private int[] findRoots() {
        List<Integer> found = new ArrayList<>();
        int m = -1;
        for (long i = nNodes - 1; i >= 0; i--) {
            int nd = nd(i);
            if (m == -1 || nd == m) {
                found.add((int) i);
                m = nd;
            } else {
                break;
            }
        }
        int childOff = metric.childrenOffset();
        if (found.size() > 1 && child(found.getFirst(), childOff) == child(found.getLast(), childOff)) {
            found.removeLast();
        }
        if (m <= 0) {
            throw new AnnoyFormatException(file + ": last node has n_descendants " + m
                    + ": not an Annoy index, or the wrong metric/dimension");
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private void validate() {
        if ((long) nItems + roots.length > nNodes) {
            throw new AnnoyFormatException(file + ": roots claim " + nItems + " items but the file has only "
                    + nNodes + " nodes: wrong metric or dimension?");
        }
        for (int i = 0; i < nItems; i++) {
            int nd = nd(i);
            holes |= nd == 0;
            if (nd != 0 && nd != 1) {
                throw new AnnoyFormatException(file + ": node " + i + " should be an item (n_descendants 0 or 1)"
                        + " but has " + nd + ": wrong metric or dimension?");
            }
        }
        for (int r : roots) {
            int nd = nd(r);
            int n = nd > k ? 2 : nd;
            long limit = nd > k ? nNodes : nItems;
            for (int c = 0; c < n; c++) {
                int child = child(r, metric.childrenOffset() + 4 * c);
                if (child < 0 || child >= limit) {
                    throw new AnnoyFormatException(file + ": root " + r + " points at node " + child
                            + " outside the file: wrong metric or dimension?");
                }
            }
        }
    }

    private int nd(long node) {
        return seg.get(NodeStore.INT, node * nodeSize);
    }

    private int child(long node, int byteOffset) {
        return seg.get(NodeStore.INT, node * nodeSize + byteOffset);
    }

    /**
     * The k nearest items to {@code q}, best first, written into {@code ids} (and {@code distances} if not null,
     * as Annoy returns them). {@code searchK} = −1 means n_trees·k. Returns how many were found (≤ k).
     */
    public int search(float[] q, int k, int searchK, int[] ids, float[] distances) {
        checkDimension(q);
        if (k <= 0) {
            return 0;
        }
        SearchScratch s = scratch.get();
        walk(s, q, k, searchK, !(sparseQueries && s.probe.set(q, f)));
        float qq = metric instanceof AngularMetric ? Simd.dot(q, q, f) : 0f;
        s.scorer.begin(metric, q, qq, seg, f, s.top);
        if (s.probe.active() && metric.scoresFromDot()) {
            scoreSparse(s, qq);
        } else {
            for (int u = 0; u < s.nUnique; u++) {
                s.scorer.add(s.unique[u], (long) s.unique[u] * nodeSize);
            }
        }
        return s.finish(metric, ids, distances);
    }

    /** Re-scores a sparse query's candidates: all their reads first (many misses in flight), then the arithmetic. */
    private void scoreSparse(SearchScratch s, float qq) {
        int n = s.nUnique;
        s.rows = s.probe.gather(seg, s.unique, n, nodeSize, metric.vectorOffset(), s.rows);
        if (s.stored.length < n) {
            s.stored = new float[Math.max(n, 2 * s.stored.length)];
        }
        for (int u = 0; u < n; u++) {
            s.stored[u] = metric.storedNorm(seg, (long) s.unique[u] * nodeSize);
        }
        for (int u = 0; u < n; u++) {
            long off = (long) s.unique[u] * nodeSize;
            s.top.offer(metric.rawDistanceFromDot(s.probe.dot(s.rows, u), qq, s.stored[u], seg, off, f), s.unique[u]);
        }
    }

    /**
     * The items Annoy's search would re-score for this query — the walk alone, without the exact re-scoring — each
     * once, in file order. For a caller that scores candidates by its own rule, e.g. reading only a sparse query's
     * dimensions, where the dense re-scoring would cost more than the walk.
     */
    public int[] candidates(float[] q, int k, int searchK) {
        checkDimension(q);
        if (k <= 0) {
            return new int[0];
        }
        SearchScratch s = scratch.get();
        s.probe.set(q, f);
        walk(s, q, k, searchK, true);
        return java.util.Arrays.copyOf(s.unique, s.nUnique);
    }

    /**
     * Annoy's walk: one priority queue over all roots until search_k candidates (duplicates counted). Leaves the
     * distinct candidates that are items in {@code s.unique} (in file order if {@code fileOrder}); a sparse query
     * ({@code s.probe} set and active) computes margins from its own dimensions.
     */
    private void walk(SearchScratch s, float[] q, int k, int searchK, boolean fileOrder) {
        s.reset(k);
        SparseProbe probe = null;
        if (sparseQueries && s.probe.active()) {
            probe = s.probe;
        } else {
            s.probe.clear();
        }
        long limit = searchK == -1 ? (long) k * roots.length : searchK;
        for (int r : roots) {
            s.push(Float.POSITIVE_INFINITY, r);
        }
        long found = 0;
        int childOff = metric.childrenOffset();
        while (found < limit && s.size > 0) {
            float d = s.topPriority();
            int i = s.pop();
            long off = (long) i * nodeSize;
            int nd = seg.get(NodeStore.INT, off);
            if (nd == 1 && i < nItems) {
                s.visit(i);
                found++;
            } else if (nd <= this.k) {
                for (int c = 0; c < nd; c++) {
                    s.visit(seg.get(NodeStore.INT, off + childOff + 4L * c));
                }
                found += nd;
            } else {
                float margin = probe != null ? metric.searchMargin(seg, off, probe, legacyDotMargin)
                        : metric.searchMargin(seg, off, q, f, legacyDotMargin);
                s.push(Math.min(d, margin), seg.get(NodeStore.INT, off + childOff + 4));
                s.push(Math.min(d, -margin), seg.get(NodeStore.INT, off + childOff));
            }
        }
        s.forgetVisited();
        // file order: sequential reads of whole large nodes beat the arrival order by far on big indices; a sparse
        // query reads a few floats per candidate, where sorting costs more than it saves
        if (fileOrder) {
            java.util.Arrays.sort(s.unique, 0, s.nUnique);
        }
        if (holes) { // Annoy #284's guard; without holes every candidate below n_items is an item
            int n = 0;
            for (int u = 0; u < s.nUnique; u++) {
                if (nd(s.unique[u]) == 1) {
                    s.unique[n++] = s.unique[u];
                }
            }
            s.nUnique = n;
        }
    }

    private void checkDimension(float[] q) {
        if (q.length != f) {
            throw new IllegalArgumentException("query has " + q.length + " dimensions, index has " + f);
        }
    }

    /**
     * Turns the sparse-query path off (or on) for this index, e.g. to measure what it saves: answers are the same
     * to the bit either way.
     */
    public void sparseQueries(boolean on) {
        sparseQueries = on;
    }

    /** Convenience: the ids only, in a new array. */
    public int[] search(float[] q, int k, int searchK) {
        int[] ids = new int[k];
        int n = search(q, k, searchK, ids, null);
        return n == k ? ids : java.util.Arrays.copyOf(ids, n);
    }

    /** Copies item {@code item}'s vector into {@code out}. */
    public void itemVector(int item, float[] out) {
        Simd.read(seg, vectorAt(item), out, f);
    }

    /** Item {@code item}'s non-zero components, ascending dimension ({@code dims} and {@code values} f long). */
    public int itemNonZeros(int item, int[] dims, float[] values) {
        if (dims.length < f || values.length < f) {
            throw new IllegalArgumentException("dims and values need room for " + f + " components");
        }
        return Simd.nonZeros(seg, vectorAt(item), f, dims, values);
    }

    /** {@link Similarity#dot(int[], float[], int, MemorySegment, long)} of a sparse query with item {@code item}. */
    public double sparseDot(int item, int[] dims, float[] weights, int n) {
        return Similarity.dot(dims, weights, n, seg, vectorAt(item));
    }

    /** Byte offset of item {@code item}'s vector, refusing ids outside the index. */
    private long vectorAt(int item) {
        if (item < 0 || item >= nItems) {
            throw new IndexOutOfBoundsException("item " + item + " outside 0.." + (nItems - 1));
        }
        return (long) item * nodeSize + metric.vectorOffset();
    }

    public boolean hasItem(int item) {
        return item >= 0 && item < nItems && nd(item) == 1;
    }

    MemorySegment segment() {
        return seg;
    }

    public Metric metric() {
        return metric;
    }

    public int dimension() {
        return f;
    }

    public int nItems() {
        return nItems;
    }

    public int nTrees() {
        return roots.length;
    }

    public long nNodes() {
        return nNodes;
    }

    public int nodeSize() {
        return nodeSize;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        arena.close();
    }
}
