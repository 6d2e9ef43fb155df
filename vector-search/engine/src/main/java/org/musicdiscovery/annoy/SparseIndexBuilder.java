package org.musicdiscovery.annoy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Builds a sparse index file: add each item's vector (zeros are skipped; weights must be finite and ≥ 0), then save.
 * Items may be added in any order and ids may have holes (an absent item has no postings and norm 0). The non-zero
 * entries are kept on the heap while building (16 bytes each); the file is written through a mapping, to
 * {@code *.tmp}, moved into place atomically (readers of the old file keep their mapping), then its manifest.
 */
public final class SparseIndexBuilder {
    private final int nDims;
    private int[] item = new int[1024];
    private int[] dim = new int[1024];
    private float[] weight = new float[1024];
    private int n;
    private int nItems;
    private double[] suffix = new double[16];

    public SparseIndexBuilder(int nDims) {
        if (nDims <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.nDims = nDims;
    }

    public void add(int id, float[] vector) {
        if (id < 0) {
            throw new IllegalArgumentException("item ids must be >= 0, got " + id);
        }
        if (vector.length != nDims) {
            throw new IllegalArgumentException("item " + id + " has " + vector.length + " dimensions, expected "
                    + nDims);
        }
        for (int d = 0; d < nDims; d++) {
            float w = vector[d];
            if (!Float.isFinite(w) || w < 0) {
                throw new IllegalArgumentException("item " + id + ": the sparse index needs finite weights >= 0,"
                        + " dimension " + d + " is " + w);
            }
            if (w > 0) {
                append(id, d, w);
            }
        }
        nItems = Math.max(nItems, id + 1);
    }

    private void append(int id, int d, float w) {
        if (n == item.length) {
            item = Arrays.copyOf(item, 2 * n);
            dim = Arrays.copyOf(dim, 2 * n);
            weight = Arrays.copyOf(weight, 2 * n);
        }
        item[n] = id;
        dim[n] = d;
        weight[n] = w;
        n++;
    }

    /** Writes the index to {@code file} (and {@code file.manifest.json}). */
    public SparseManifest save(Path file) throws IOException {
        long t0 = System.nanoTime();
        int[] byItem = order(item, nItems, null); // entries by item ...
        forEachItem(byItem, this::sortByDimension); // ... then by dimension
        int[] byDim = order(dim, nDims, byItem);   // stable: by dimension, then by item
        var layout = new SparseLayout(nDims, nItems, n);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE); Arena arena = Arena.ofConfined()) {
            MemorySegment seg = ch.map(FileChannel.MapMode.READ_WRITE, 0, layout.fileBytes(), arena);
            layout.writeHeader(seg);
            double[] norms = writeNormsAndResiduals(seg, layout, byItem, byDim);
            writeLists(seg, layout, byDim, norms);
            seg.force();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        var manifest = new SparseManifest(SparseManifest.FORMAT, nItems, nDims, n, Files.size(file),
                Manifests.crc32c(file), (System.nanoTime() - t0) / 1_000_000, "music-discovery annoy-engine");
        manifest.write(file);
        return manifest;
    }

    /** A stable counting sort of the entries by {@code key} (0..nKeys-1), visiting them in {@code within} order. */
    private int[] order(int[] key, int nKeys, int[] within) {
        int[] count = new int[nKeys + 1];
        for (int e = 0; e < n; e++) {
            count[key[e] + 1]++;
        }
        for (int i = 0; i < nKeys; i++) {
            count[i + 1] += count[i];
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int e = within == null ? i : within[i];
            out[count[key[e]]++] = e;
        }
        return out;
    }

    private interface ItemEntries {
        void accept(int[] byItem, int lo, int hi);
    }

    /** Calls {@code action} with each item's run [lo, hi) of entries in {@code byItem}. */
    private void forEachItem(int[] byItem, ItemEntries action) {
        for (int lo = 0, hi; lo < n; lo = hi) {
            hi = lo + 1;
            while (hi < n && item[byItem[hi]] == item[byItem[lo]]) {
                hi++;
            }
            action.accept(byItem, lo, hi);
        }
    }

    /**
     * Norms in ascending dimension order ({@link Similarity#norm}'s rule) and each posting's residual norm, the
     * item's norm outside the posting's dimension, summed from the other entries (never as |x|² − w², which
     * cancels: a residual must be exactly 0 only for an item with no other dimension) and rounded up, so that a
     * bound built on it never underestimates.
     */
    private double[] writeNormsAndResiduals(MemorySegment seg, SparseLayout layout, int[] byItem, int[] byDim) {
        double[] norms = new double[nItems];
        float[] resid = new float[n];
        forEachItem(byItem, (entries, lo, hi) -> {
            double total = 0;
            for (int i = lo; i < hi; i++) {
                float w = weight[entries[i]];
                total += (double) w * w;
            }
            norms[item[entries[lo]]] = Math.sqrt(total);
            double after = 0; // Σ over the entries after i ...
            double[] suffix = suffix(hi - lo);
            for (int i = hi - 1; i >= lo; i--) {
                suffix[i - lo] = after;
                float w = weight[entries[i]];
                after += (double) w * w;
            }
            double before = 0; // ... and Σ over the entries before i
            for (int i = lo; i < hi; i++) {
                resid[entries[i]] = roundUp(Math.sqrt(before + suffix[i - lo]));
                float w = weight[entries[i]];
                before += (double) w * w;
            }
        });
        for (int i = 0; i < nItems; i++) {
            seg.set(SparseLayout.DOUBLE, layout.norms() + 8L * i, norms[i]);
        }
        for (int p = 0; p < n; p++) {
            seg.set(SparseLayout.FLOAT, layout.resid() + 4L * p, resid[byDim[p]]);
        }
        return norms;
    }

    /** Entries of one item by ascending dimension; rejects a dimension given twice for the same item. */
    private void sortByDimension(int[] byItem, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) { // insertion sort: an item has a handful of entries
            int e = byItem[i];
            int j = i - 1;
            while (j >= lo && dim[byItem[j]] > dim[e]) {
                byItem[j + 1] = byItem[j];
                j--;
            }
            byItem[j + 1] = e;
        }
        for (int i = lo + 1; i < hi; i++) {
            if (dim[byItem[i]] == dim[byItem[i - 1]]) {
                throw new IllegalArgumentException("item " + item[byItem[i]] + " was added twice");
            }
        }
    }

    private double[] suffix(int size) {
        if (suffix.length < size) {
            suffix = new double[size];
        }
        return suffix;
    }

    /** A float no smaller than v, with room for the double sum's own rounding; 0 stays exactly 0. */
    private static float roundUp(double v) {
        double padded = v * (1 + 1e-12);
        float f = (float) padded;
        return f < padded ? Math.nextUp(f) : f;
    }

    private void writeLists(MemorySegment seg, SparseLayout layout, int[] byDim, double[] norms) {
        long p = 0;
        for (int d = 0; d < nDims; d++) {
            seg.set(SparseLayout.LONG, layout.starts() + 8L * d, p);
            ListStats stats = ListStats.EMPTY;
            while (p < n && dim[byDim[(int) p]] == d) {
                int e = byDim[(int) p];
                seg.set(SparseLayout.INT, layout.docs() + 4 * p, item[e]);
                seg.set(SparseLayout.FLOAT, layout.weights() + 4 * p, weight[e]);
                boolean single = seg.get(SparseLayout.FLOAT, layout.resid() + 4 * p) == 0;
                stats = stats.with(weight[e], norms[item[e]], single);
                p++;
            }
            stats.write(seg, layout.stats() + (long) SparseLayout.STATS * d);
        }
        seg.set(SparseLayout.LONG, layout.starts() + 8L * nDims, p);
    }
}
