package org.musicdiscovery.embeddings.train;

import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Skip-gram word2vec with negative sampling over "sentences" of item tokens (a playlist's song ids, a user's
 * artists). DL4J does the training; this class fixes the knobs that matter for reproducibility:
 * one worker thread (with several, updates race and the result depends on scheduling), a fixed seed (weight
 * init, negative and sub-sampling draw from it), no parallel tokenisation, and a whitespace tokenizer without a
 * preprocessor (the default preprocessor would strip the digits that our tokens are made of).
 */
public final class Word2VecTrainer {

    private Word2VecTrainer() {
    }

    /** Trains on the sentences (tokens without whitespace) and returns vectors sorted by token. */
    public static Embeddings train(List<List<String>> sentences, TrainParams p, Consumer<String> progress) {
        List<String> lines = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            if (s.size() >= 2) { // a single item has no context to learn from
                lines.add(String.join(" ", s));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no sentence with at least two items");
        }
        Nd4j.getRandom().setSeed(p.seed());
        long t0 = System.nanoTime();
        Word2Vec w2v = new Word2Vec.Builder()
                .iterate(new CollectionSentenceIterator(lines))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .elementsLearningAlgorithm(new SkipGram<>())
                .layerSize(p.dim())
                .windowSize(p.window())
                .minWordFrequency(p.minCount())
                .epochs(p.epochs())
                .iterations(1)
                .negativeSample(p.negative())
                .useHierarchicSoftmax(false)
                .sampling(p.sampling())
                .learningRate(p.learningRate())
                .minLearningRate(p.minLearningRate())
                .seed(p.seed())
                .workers(p.workers())
                .allowParallelTokenization(false)
                .enableScavenger(false)
                .useUnknown(false)
                .setVectorsListeners(List.of(new EpochProgress(p.epochs(), t0, progress)))
                .build();
        progress.accept(String.format(Locale.ROOT, "training on %,d sentences (dim %d, window %d, minCount %d, "
                + "%d epochs, negative %d, seed %d, %d worker)", lines.size(), p.dim(), p.window(), p.minCount(),
                p.epochs(), p.negative(), p.seed(), p.workers()));
        w2v.fit();
        List<String> tokens = new ArrayList<>(w2v.getVocab().words());
        tokens.sort(null);
        float[][] vectors = new float[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            vectors[i] = w2v.getWordVectorMatrix(tokens.get(i)).toFloatVector();
        }
        progress.accept(String.format(Locale.ROOT, "trained %,d vectors in %.1f s", tokens.size(),
                (System.nanoTime() - t0) / 1e9));
        return new Embeddings(tokens, vectors);
    }

    /** Reports each finished epoch with the elapsed time, so a long run visibly moves. */
    private record EpochProgress(int epochs, long t0, Consumer<String> progress) implements VectorsListener<VocabWord> {
        @Override
        public boolean validateEvent(ListenerEvent event, long argument) {
            return event == ListenerEvent.EPOCH;
        }

        @Override
        public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> model, long argument) {
            // DL4J passes the 1-based number of the epoch just finished
            progress.accept(String.format(Locale.ROOT, "epoch %d/%d done (vocab %,d, %.1f s)", argument, epochs,
                    model.getVocab().numWords(), (System.nanoTime() - t0) / 1e9));
        }
    }
}
