package org.musicdiscovery.collections;

import java.nio.file.Path;
import org.musicdiscovery.annoy.AnnoyFormatException;
import org.musicdiscovery.annoy.AnnoyIndex;

/** A collection's forest backed by the engine's memory-mapped reader, checked against its engine manifest. */
public final class AnnoyTrees implements VectorTrees {
    private final AnnoyIndex index;
    private final String metric;

    private AnnoyTrees(AnnoyIndex index, String metric) {
        this.index = index;
        this.metric = metric;
    }

    /** Opens {@code file} and insists it was built with {@code metric}. */
    public static VectorTrees open(Path file, String metric) {
        try {
            AnnoyIndex index = AnnoyIndex.open(file);
            if (!index.metric().name().equals(metric)) {
                index.close();
                throw new InvalidCollectionException(file + " is a " + index.metric().name() + " index, listed as "
                        + metric);
            }
            return new AnnoyTrees(index, metric);
        } catch (AnnoyFormatException e) {
            throw new InvalidCollectionException(e.getMessage(), e);
        }
    }

    public String metric() {
        return metric;
    }

    public int dimension() {
        return index.dimension();
    }

    public int size() {
        return index.nItems();
    }

    public int search(float[] query, int k, int searchK, int[] ids) {
        return index.search(query, k, searchK, ids, null);
    }

    public int[] candidates(float[] query, int k, int searchK) {
        return index.candidates(query, k, searchK);
    }

    public void vector(int item, float[] out) {
        index.itemVector(item, out);
    }

    public int nonZeros(int item, int[] dims, float[] values) {
        return index.itemNonZeros(item, dims, values);
    }

    public double sparseDot(int item, int[] dims, float[] weights, int n) {
        return index.sparseDot(item, dims, weights, n);
    }

    public void close() {
        index.close();
    }
}
