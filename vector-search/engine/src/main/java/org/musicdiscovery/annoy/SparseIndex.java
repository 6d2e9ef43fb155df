package org.musicdiscovery.annoy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An exact sparse index over the same items as the trees: one posting list per dimension, memory-mapped with FFM
 * like the Annoy files (the index lives in the page cache, not the heap), answering exact top-k by {@link Similarity}
 * with MaxScore-style pruning (see {@link SparseSearch}). Thread-safe: every thread gets its own scratch.
 *
 * <p>Opening checks the file against its manifest (size, CRC32C, counts) and then its structure — list bounds,
 * item ids in range and strictly ascending per list, weights finite and positive, every stored norm equal to the
 * norm recomputed from the postings, residuals and per-list maxima consistent with them — because the pruning
 * trusts these numbers: a file that passed a checksum but lied about a bound would silently drop results. Anything
 * wrong is a {@link SparseFormatException}.
 */
public final class SparseIndex implements AutoCloseable {
    private final Path file;
    private final Arena arena;
    final MemorySegment seg;
    final SparseLayout layout;
    private final ThreadLocal<SparseSearch> searchers;
    /**
     * Each item's terms (dimension, weight), the postings regrouped by item at open, off-heap in the mapping's arena:
     * {@code termStarts} (long[items+1]), then per term its dimension (int) beside its weight (float), ascending
     * dimension per item. A candidate's genres are read from here in one or two cache lines instead of scanning its
     * dense vector (396 floats in 25 cache lines of a tree file; 40 against 3.5 µs for 100 candidates).
     */
    private final MemorySegment termStarts;
    private final MemorySegment terms;
    /** Items holding both of two dimensions, per pair (null when too large): two-term queries read theirs. */
    final PairLists pairs;

    private SparseIndex(Path file, SparseManifest m) {
        this.file = file;
        this.arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            this.seg = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            this.layout = SparseLayout.readHeader(seg);
            if (layout == null) {
                throw refuse("not a sparse index (bad magic or version)");
            }
            if (layout.nItems() != m.nItems() || layout.nDims() != m.nDims() || layout.nPostings() != m.nPostings()) {
                throw refuse(layout.nItems() + " items / " + layout.nDims() + " dims / " + layout.nPostings()
                        + " postings, manifest says " + m.nItems() + " / " + m.nDims() + " / " + m.nPostings());
            }
            if (layout.nItems() < 0 || layout.nDims() <= 0 || layout.nPostings() < 0
                    || layout.fileBytes() != seg.byteSize()) {
                throw refuse(seg.byteSize() + " bytes do not hold the sections its header announces");
            }
            int[] entries = validate();
            this.termStarts = arena.allocate(8L * (layout.nItems() + 1), 8);
            this.terms = arena.allocate(8L * layout.nPostings(), 8);
            regroupByItem(entries);
            this.pairs = PairLists.build(this, arena);
        } catch (IOException e) {
            arena.close();
            throw new SparseFormatException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e instanceof SparseFormatException ? e : new SparseFormatException(file + ": " + e.getMessage(), e);
        }
        this.searchers = ThreadLocal.withInitial(() -> new SparseSearch(this));
    }

    /** Opens a sparse index file, checked against its manifest (checksum included). */
    public static SparseIndex open(Path file) {
        return open(file, true);
    }

    public static SparseIndex open(Path file, boolean verifyChecksum) {
        if (!Files.isRegularFile(file)) {
            throw new SparseFormatException(file + ": no such file");
        }
        SparseManifest m = SparseManifest.read(file);
        if (!SparseManifest.FORMAT.equals(m.format())) {
            throw new SparseFormatException(file + ": format " + m.format() + " is not supported (only "
                    + SparseManifest.FORMAT + ")");
        }
        try {
            long size = Files.size(file);
            if (size != m.fileBytes()) {
                throw new SparseFormatException(file + ": " + size + " bytes, manifest says " + m.fileBytes()
                        + " (truncated or replaced?)");
            }
            if (verifyChecksum && m.crc32c() != null && !m.crc32c().equals(Manifests.crc32c(file))) {
                throw new SparseFormatException(file + ": checksum does not match its manifest");
            }
        } catch (IOException e) {
            throw new SparseFormatException(file + ": " + e.getMessage(), e);
        }
        return new SparseIndex(file, m);
    }

    private SparseFormatException refuse(String why) {
        return new SparseFormatException(file + ": " + why);
    }

    /** @return each item's number of postings */
    private int[] validate() {
        long p = 0;
        double[] squares = new double[layout.nItems()]; // re-derives every norm exactly as the builder did
        int[] entries = new int[layout.nItems()];
        for (int d = 0; d < layout.nDims(); d++) {
            long start = start(d), end = start(d + 1);
            if (start != p || end < start || end > layout.nPostings()) {
                throw refuse("posting list " + d + " spans " + start + ".." + end + ", expected to start at " + p
                        + " and end by " + layout.nPostings());
            }
            int previous = -1;
            for (; p < end; p++) {
                int item = doc(p);
                float w = weight(p);
                if (item <= previous || item >= layout.nItems()) {
                    throw refuse("posting list " + d + " holds item " + item + " after " + previous
                            + " (ids must ascend and stay below " + layout.nItems() + ")");
                }
                if (!(w > 0) || !Float.isFinite(w) || !(resid(p) >= 0) || !Float.isFinite(resid(p))) {
                    throw refuse("posting " + p + " has weight " + w + " and residual " + resid(p));
                }
                squares[item] += (double) w * w;
                entries[item]++;
                previous = item;
            }
        }
        if (p != layout.nPostings() || start(layout.nDims()) != p) {
            throw refuse("the lists hold " + p + " postings, the header says " + layout.nPostings());
        }
        for (int i = 0; i < layout.nItems(); i++) {
            if (norm(i) != Math.sqrt(squares[i])) {
                throw refuse("item " + i + " has stored norm " + norm(i) + ", its postings give "
                        + Math.sqrt(squares[i]));
            }
        }
        validateResidualsAndBounds(entries);
        return entries;
    }

    /** Fills the per-item terms: lists in ascending dimension, so each item's terms come out in ascending dimension. */
    private void regroupByItem(int[] entries) {
        long[] next = new long[layout.nItems()];
        long at = 0;
        for (int i = 0; i < layout.nItems(); i++) {
            termStarts.setAtIndex(ValueLayout.JAVA_LONG, i, at);
            next[i] = at;
            at += entries[i];
        }
        termStarts.setAtIndex(ValueLayout.JAVA_LONG, layout.nItems(), at);
        for (int d = 0; d < layout.nDims(); d++) {
            for (long p = start(d); p < start(d + 1); p++) {
                long slot = 8 * next[doc(p)]++;
                terms.set(ValueLayout.JAVA_INT, slot, d);
                terms.set(ValueLayout.JAVA_FLOAT, slot + 4, weight(p));
            }
        }
    }

    /**
     * A residual must cover the rest of its item and be 0 exactly when the item has no other dimension, and each
     * list's stored bounds must be what its postings give: the pruning trusts all of them.
     */
    private void validateResidualsAndBounds(int[] entries) {
        for (int d = 0; d < layout.nDims(); d++) {
            ListStats stats = ListStats.EMPTY;
            for (long p = start(d); p < start(d + 1); p++) {
                double norm = norm(doc(p));
                double w = weight(p), r = resid(p);
                double rest = norm * norm - w * w;
                if ((r == 0) != (entries[doc(p)] == 1) || r * r < rest - 1e-12 * norm * norm
                        || r * r > rest + 1e-5 * norm * norm) {
                    throw refuse("posting " + p + " has residual " + r + ", its item's norm leaves " + Math.sqrt(
                            Math.max(rest, 0)));
                }
                stats = stats.with(weight(p), norm, r == 0);
            }
            ListStats stored = ListStats.read(seg, statsAt(d));
            if (!stats.equals(stored)) {
                throw refuse("list " + d + " stores bounds " + stored + ", its postings give " + stats);
            }
        }
    }

    // ---- raw access for the searcher (bounds-checked by the segment, so even a bad file cannot crash the JVM)

    long start(int dim) {
        return seg.get(SparseLayout.LONG, layout.starts() + 8L * dim);
    }

    private long statsAt(int dim) {
        return layout.stats() + (long) SparseLayout.STATS * dim;
    }

    /** See {@link ListStats}: read field by field so a query allocates nothing. */
    int singles(int dim) {
        return seg.get(SparseLayout.INT, statsAt(dim));
    }

    float maxSingle(int dim) {
        return seg.get(SparseLayout.FLOAT, statsAt(dim) + 4);
    }

    int atMaxSingle(int dim) {
        return seg.get(SparseLayout.INT, statsAt(dim) + 8);
    }

    float maxMulti(int dim) {
        return seg.get(SparseLayout.FLOAT, statsAt(dim) + 12);
    }

    double maxMultiNorm(int dim) {
        return seg.get(SparseLayout.DOUBLE, statsAt(dim) + 16);
    }

    double maxMultiShare(int dim) {
        return seg.get(SparseLayout.DOUBLE, statsAt(dim) + 24);
    }

    int doc(long posting) {
        return seg.get(SparseLayout.INT, layout.docs() + 4 * posting);
    }

    float weight(long posting) {
        return seg.get(SparseLayout.FLOAT, layout.weights() + 4 * posting);
    }

    float resid(long posting) {
        return seg.get(SparseLayout.FLOAT, layout.resid() + 4 * posting);
    }

    /** The first posting in [from, to) of a list whose item is ≥ {@code item}: galloping, then binary search. */
    long seek(long from, long to, int item) {
        if (from >= to || doc(from) >= item) {
            return from;
        }
        long lo = from, step = 1; // doc(lo) < item
        while (lo + step < to && doc(lo + step) < item) {
            lo += step;
            step <<= 1;
        }
        long hi = Math.min(lo + step, to); // doc(hi) >= item, or hi == to
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (doc(mid) < item) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    // ---- public API

    /**
     * The exact top k items for a query with non-negative weights, best first by {@code similarity} and then by
     * item id: the same ids, order and scores as a brute-force scan scoring every item by {@link Similarity} (items
     * sharing no dimension with the query score 0 and fill up the k in id order). Writes ids and, if the arrays are
     * not null, each item's exact dot product and cosine; returns how many (k unless fewer items pass
     * {@code accept}, which may be null).
     */
    public int search(float[] query, Similarity similarity, int k, IntPredicate accept, int[] ids, double[] dots,
            double[] cosines) {
        return search(query, similarity, k, accept, ids, dots, cosines, true, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #search}, from a known floor: a score that k distinct items passing {@code accept} reach under
     * {@code similarity}, e.g. the lowest of their exact scores when this query's top k under the other similarity
     * is at hand. Pruning starts from it instead of from nothing; the answer is the same. A floor above what k
     * items reach would lose items: the caller vouches for it.
     */
    public int search(float[] query, Similarity similarity, int k, IntPredicate accept, int[] ids, double[] dots,
            double[] cosines, double floor) {
        return search(query, similarity, k, accept, ids, dots, cosines, true, floor);
    }

    /**
     * The floor that another similarity's answer gives {@code similarity}: the lowest score under it of the
     * {@code n} items found (their exact dot products and cosines, as {@link #search} writes them); −∞ unless they
     * are all k of them.
     */
    public static double floorOf(Similarity similarity, int n, int k, double[] dots, double[] cosines) {
        if (n != k || n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            low = Math.min(low, similarity.of(dots[i], cosines[i]));
        }
        return low;
    }

    /** As {@link #search}; {@code prune = false} scores every item of every query list (the reference for tests). */
    public int search(float[] query, Similarity similarity, int k, IntPredicate accept, int[] ids, double[] dots,
            double[] cosines, boolean prune) {
        return search(query, similarity, k, accept, ids, dots, cosines, prune, Double.NEGATIVE_INFINITY);
    }

    private int search(float[] query, Similarity similarity, int k, IntPredicate accept, int[] ids, double[] dots,
            double[] cosines, boolean prune, double floor) {
        if (query.length != layout.nDims()) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has "
                    + layout.nDims());
        }
        return searchers.get().search(query, similarity, k, accept, ids, dots, cosines, prune, floor);
    }

    /** How many items this thread's last search scored in full (pruning diagnostics, benchmarks). */
    public int lastEvaluated() {
        return searchers.get().evaluated();
    }

    /** Whether this thread's last search scanned its lists whole instead of walking them pruned. */
    public boolean lastScanned() {
        return searchers.get().scanned();
    }

    /**
     * Tests and benchmarks: how this thread's searches choose between scanning and walking ({@link ListScan#rule});
     * scanPerK −1 never scans up front, walkBudget 0 never stops a walk.
     */
    public void scanRule(int scanPerK, int walkBudget) {
        searchers.get().scanRule(scanPerK, walkBudget);
    }

    /** Back to the rule searches run by default (after {@link #scanRule}). */
    public void scanRuleShipped() {
        searchers.get().scanRule(ListScan.SCAN_PER_K, ListScan.WALK_BUDGET);
    }

    /** Whether this thread's last search was answered from a pair's list alone (see {@link PairLists}). */
    public boolean lastFromPairs() {
        return searchers.get().answeredFromPairs();
    }

    /** The item's norm, as {@link Similarity#norm} computes it from its vector. */
    public double norm(int item) {
        return seg.get(SparseLayout.DOUBLE, layout.norms() + 8L * item);
    }

    /**
     * Item {@code item}'s non-zero components in ascending dimension — the floats of its stored vector — into
     * {@code dims} and {@code values}; returns how many.
     */
    public int terms(int item, int[] dims, float[] values) {
        Objects.checkIndex(item, layout.nItems());
        long from = termStarts.getAtIndex(ValueLayout.JAVA_LONG, item);
        int n = (int) (termStarts.getAtIndex(ValueLayout.JAVA_LONG, item + 1L) - from);
        for (int j = 0; j < n; j++) {
            long at = 8 * (from + j);
            dims[j] = terms.get(ValueLayout.JAVA_INT, at);
            values[j] = terms.get(ValueLayout.JAVA_FLOAT, at + 4);
        }
        return n;
    }

    /**
     * Σ q_s·x_s over the query's terms (dimensions ascending, as {@link Similarity#dot} sums), the item's weights
     * read from its own terms: one short run of memory instead of a seek in every query list.
     */
    double dot(int item, int[] qDims, float[] qWeights, int m) {
        long at = termStarts.getAtIndex(ValueLayout.JAVA_LONG, item);
        long end = termStarts.getAtIndex(ValueLayout.JAVA_LONG, item + 1L);
        double dot = 0;
        for (int s = 0; s < m && at < end; ) { // both ascending: a merge
            int d = terms.get(ValueLayout.JAVA_INT, 8 * at);
            if (d < qDims[s]) {
                at++;
            } else if (d > qDims[s]) {
                s++;
            } else {
                dot += (double) qWeights[s++] * terms.get(ValueLayout.JAVA_FLOAT, 8 * at++ + 4);
            }
        }
        return dot;
    }

    /** Off-heap bytes of the per-pair lists, 0 when they were not built (too many dimensions or postings). */
    public long pairBytes() {
        return pairs == null ? 0 : pairs.bytes();
    }

    public int listLength(int dim) {
        return (int) (start(dim + 1) - start(dim));
    }

    public int nItems() {
        return layout.nItems();
    }

    public int nDims() {
        return layout.nDims();
    }

    public long nPostings() {
        return layout.nPostings();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        arena.close();
    }
}
