package org.musicdiscovery.collections;

/**
 * One searchable forest of a collection (a dot or an angular Annoy index) as the collection sees it. Implemented
 * over the engine's memory-mapped reader; thread-safe.
 */
public interface VectorTrees extends AutoCloseable {

    String metric();

    int dimension();

    int size();

    /** Writes up to k nearest item ids (best first) into {@code ids}; returns how many. */
    int search(float[] query, int k, int searchK, int[] ids);

    /**
     * The distinct items the search would re-score (Annoy's walk for k and searchK, without the re-scoring), in
     * file order.
     */
    int[] candidates(float[] query, int k, int searchK);

    /** Copies item {@code item}'s stored vector into {@code out}. */
    void vector(int item, float[] out);

    /** Item {@code item}'s non-zero components, ascending dimension, into arrays of at least dimension(). */
    int nonZeros(int item, int[] dims, float[] values);

    /**
     * Similarity's dot product of a query given by its non-zero dimensions (ascending) and weights with item
     * {@code item}, reading only those dimensions.
     */
    double sparseDot(int item, int[] dims, float[] weights, int n);

    @Override
    void close();
}
