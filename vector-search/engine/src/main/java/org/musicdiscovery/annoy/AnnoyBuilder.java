package org.musicdiscovery.annoy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Builds an Annoy index file: add items, build n trees, save. Items live off-heap while building; each tree is
 * built into its own store and the trees are laid out in tree order at save time, so the file is the same for any
 * number of threads: tree t always uses {@code Kiss64Random(seed + t)}. (Annoy itself gives each thread one stream,
 * so its multi-threaded builds are not reproducible.)
 */
public final class AnnoyBuilder implements AutoCloseable {
    private final Metric metric;
    private final int f;
    private final NodeStore items;
    private int nItems;
    private final List<TreeBuilder> trees = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    private long seed = Kiss64Random.DEFAULT_SEED;
    private int threads = 1;
    /** Heap for the items' non-zero entries ({@link SparseItems}); past it the build reads items densely. */
    private long sparseBudget = Runtime.getRuntime().maxMemory() / 4;
    private long buildMillis;
    /** Subtrees up to this size are built from a contiguous copy of their items ({@link TreeBuilder#gathered}). */
    private long gatherBytes = TreeBuilder.GATHER_BYTES;
    private boolean skipEqualSeeds = true;

    public AnnoyBuilder(Metric metric, int dimension) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.metric = metric;
        this.f = dimension;
        this.items = new NodeStore(metric.nodeSize(dimension), 1024);
    }

    public AnnoyBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Caps the heap the build may use for sparse items (0: always read items densely; same file either way). */
    AnnoyBuilder sparseBudget(long bytes) {
        this.sparseBudget = bytes;
        return this;
    }

    /** Caps the subtrees built from a copy of their items (0: never copy; same file either way). */
    AnnoyBuilder gatherBytes(long bytes) {
        this.gatherBytes = bytes;
        return this;
    }

    /** Whether two-means skips the steps of two equal seeds ({@link TwoMeans#sameSeeds}; same file either way). */
    AnnoyBuilder skipEqualSeeds(boolean skip) {
        this.skipEqualSeeds = skip;
        return this;
    }

    /** Two-means runs of the built trees that started from two equal seeds. */
    int equalSeedRuns() {
        return trees.stream().mapToInt(TreeBuilder::equalSeedRuns).sum();
    }

    public AnnoyBuilder threads(int threads) {
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return this;
    }

    /**
     * Sizes the item store for ids below {@code n} at once (a hint: larger ids still grow it). Grown item by item it
     * is copied and its arena closed ~27 times on the way to 1M items, each close a handshake with every thread
     * (~0.2 s of CPU for 1M × 64).
     */
    public AnnoyBuilder expectItems(int n) {
        items.ensure(n);
        return this;
    }

    public void addItem(int id, float[] vector) {
        if (!roots.isEmpty()) {
            throw new IllegalStateException("cannot add items after build");
        }
        if (id < 0) {
            throw new IllegalArgumentException("item ids must be >= 0, got " + id);
        }
        if (vector.length != f) {
            throw new IllegalArgumentException("item " + id + " has " + vector.length + " dimensions, expected " + f);
        }
        for (float x : vector) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("item " + id + " has a non-finite value");
            }
        }
        items.ensure(id + 1);
        items.setNd(id, 1);
        items.setInt(id, metric.childrenOffset(), 0);
        items.setInt(id, metric.childrenOffset() + 4, 0);
        items.setFloats(id, metric.vectorOffset(), vector, f);
        metric.initItem(items, id, f);
        nItems = Math.max(nItems, id + 1);
    }

    public int size() {
        return nItems;
    }

    /**
     * Builds {@code nTrees} trees ({@code -1}: until the trees hold as many nodes as there are items, Annoy's
     * "at most 2× memory" rule).
     *
     * @param progress told the number of trees finished so far
     */
    public void build(int nTrees, IntConsumer progress) {
        if (!roots.isEmpty()) {
            throw new IllegalStateException("already built");
        }
        if (nItems == 0) {
            throw new IllegalStateException("no items added");
        }
        long t0 = System.nanoTime();
        metric.preprocess(items, nItems, f);
        items.sparse(SparseItems.of(items, nItems, metric.vectorOffset(), f, sparseBudget));
        int[] indices = present();
        float[] inverseNorms = inverseNorms(indices);
        if (nTrees < 0) {
            long nodes = nItems;
            try (var scratch = new BuildScratch()) {
                for (int t = 0; nodes < 2L * nItems; t++) {
                    TreeBuilder tb = buildTree(indices, inverseNorms, t, scratch);
                    nodes += tb.count;
                    progress.accept(t + 1);
                }
            }
        } else {
            buildParallel(indices, inverseNorms, nTrees, progress);
        }
        items.sparse(null);
        buildMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    private void buildParallel(int[] indices, float[] inverseNorms, int nTrees, IntConsumer progress) {
        TreeBuilder[] built = new TreeBuilder[nTrees];
        int[] rootIds = new int[nTrees];
        var done = new AtomicInteger();
        List<BuildScratch> scratches = new CopyOnWriteArrayList<>();
        ThreadLocal<BuildScratch> scratch = ThreadLocal.withInitial(() -> {
            var s = new BuildScratch();
            scratches.add(s);
            return s;
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, nTrees)))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < nTrees; t++) {
                int tree = t;
                futures.add(pool.submit(() -> {
                    var tb = newTree(inverseNorms, tree);
                    rootIds[tree] = tb.build(indices.clone(), scratch.get());
                    built[tree] = tb;
                    progress.accept(done.incrementAndGet());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("tree build failed: " + e.getMessage(), e);
        } finally {
            scratches.forEach(BuildScratch::close);
        }
        for (int t = 0; t < nTrees; t++) {
            trees.add(built[t]);
            roots.add(rootIds[t]);
        }
    }

    private TreeBuilder buildTree(int[] indices, float[] inverseNorms, int t, BuildScratch scratch) {
        var tb = newTree(inverseNorms, t);
        roots.add(tb.build(indices.clone(), scratch));
        trees.add(tb);
        return tb;
    }

    /** Tree {@code t}'s builder, seeded {@code seed + t} whichever thread builds it. */
    private TreeBuilder newTree(float[] inverseNorms, int t) {
        return new TreeBuilder(metric, items, inverseNorms, gatherBytes, skipEqualSeeds, f, nItems,
                new Kiss64Random(seed + t));
    }

    /** Each present item's inverse {@link Metric#squaredNorm}, once for all trees (null for raw-point metrics). */
    private float[] inverseNorms(int[] present) {
        if (!metric.cosine()) {
            return null;
        }
        float[] out = new float[nItems];
        for (int item : present) {
            out[item] = Simd.inverseNorm(metric.squaredNorm(items, item, f));
        }
        return out;
    }

    private int[] present() {
        int n = 0;
        int[] out = new int[nItems];
        for (int i = 0; i < nItems; i++) {
            if (items.nd(i) >= 1) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Writes the file (items, trees in order, root copies) atomically, then its manifest. */
    public IndexManifest save(Path file) throws IOException {
        if (roots.isEmpty()) {
            throw new IllegalStateException("build before saving");
        }
        int s = metric.nodeSize(f);
        int k = metric.leafCapacity(f);
        long[] base = new long[trees.size()];
        long next = nItems;
        for (int t = 0; t < trees.size(); t++) {
            base[t] = next;
            next += trees.get(t).count;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] node = new byte[s];
        ByteBuffer buf = ByteBuffer.wrap(node).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> rootCopies = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (int i = 0; i < nItems; i++) {
                copy(items.segment(), items.offset(i), node);
                out.write(node);
            }
            for (int t = 0; t < trees.size(); t++) {
                TreeBuilder tb = trees.get(t);
                for (int local = 0; local < tb.count; local++) {
                    copy(tb.nodes.segment(), tb.nodes.offset(local), node);
                    int nd = buf.getInt(0);
                    if (nd > k) { // split: children that are tree nodes move to this tree's place in the file
                        for (int c = 0; c < 2; c++) {
                            int at = metric.childrenOffset() + 4 * c;
                            int child = buf.getInt(at);
                            if (child >= nItems) {
                                buf.putInt(at, (int) (child - nItems + base[t]));
                            }
                        }
                    }
                    if (nItems + local == roots.get(t)) {
                        rootCopies.add(node.clone());
                    }
                    out.write(node);
                }
            }
            for (byte[] root : rootCopies) {
                out.write(root);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        long nNodes = next + rootCopies.size();
        var manifest = new IndexManifest(metric.name(), f, IndexManifest.LAYOUT, s, nItems, trees.size(), nNodes,
                Files.size(file), IndexManifest.crc32c(file), metric instanceof DotMetric ? "fixed" : null, seed,
                threads, buildMillis, "music-discovery annoy-engine");
        manifest.write(file);
        return manifest;
    }

    private static void copy(MemorySegment seg, long offset, byte[] into) {
        MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, offset, into, 0, into.length);
    }

    public long buildMillis() {
        return buildMillis;
    }

    @Override
    public void close() {
        items.close();
        trees.forEach(t -> t.nodes.close());
    }
}
