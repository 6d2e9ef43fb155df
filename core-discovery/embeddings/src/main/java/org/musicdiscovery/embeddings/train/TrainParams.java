package org.musicdiscovery.embeddings.train;

/**
 * Word2vec (skip-gram, negative sampling) parameters; written next to the vectors so a file says how it was made.
 *
 * @param dim       vector size
 * @param window    context window (DL4J samples an effective window 1..window per position, like word2vec)
 * @param minCount  items seen in fewer sentences positions than this are dropped from the vocabulary
 * @param epochs    passes over the corpus
 * @param negative  negative samples per positive pair
 * @param sampling  frequent-item subsampling threshold (0 = off)
 * @param learningRate initial learning rate, decays linearly to {@code minLearningRate}
 * @param minLearningRate floor of the decay
 * @param seed      seed of weight initialisation, negative sampling and subsampling
 * @param workers   training threads; 1 makes the vectors a pure function of (corpus order, seed)
 */
public record TrainParams(int dim, int window, int minCount, int epochs, int negative, double sampling,
                          double learningRate, double minLearningRate, long seed, int workers) {

    public TrainParams {
        if (dim < 2 || window < 1 || minCount < 1 || epochs < 1 || negative < 1 || workers < 1) {
            throw new IllegalArgumentException("dim ≥ 2, window, minCount, epochs, negative and workers ≥ 1 required");
        }
        if (sampling < 0 || learningRate <= 0 || minLearningRate < 0 || minLearningRate > learningRate) {
            throw new IllegalArgumentException("sampling ≥ 0 and 0 ≤ minLearningRate ≤ learningRate > 0 required");
        }
    }

    /** The defaults used for the real catalogue. */
    public static TrainParams defaults() {
        return new TrainParams(48, 5, 3, 5, 5, 1e-3, 0.025, 1e-4, 42L, 1);
    }

    public TrainParams withDim(int d) {
        return new TrainParams(d, window, minCount, epochs, negative, sampling, learningRate, minLearningRate, seed, workers);
    }

    public TrainParams withSeed(long s) {
        return new TrainParams(dim, window, minCount, epochs, negative, sampling, learningRate, minLearningRate, s, workers);
    }
}
