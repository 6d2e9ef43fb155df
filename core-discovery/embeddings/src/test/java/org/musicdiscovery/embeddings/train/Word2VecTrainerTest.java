package org.musicdiscovery.embeddings.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.embeddings.SyntheticCorpus;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Word2VecTrainerTest {

    static final int GROUPS = 6;
    static final int PER_GROUP = 20;
    static final TrainParams PARAMS = new TrainParams(16, 4, 2, 5, 5, 0, 0.025, 1e-4, 7L, 1);
    static List<List<String>> corpus;
    static Embeddings trained;

    @BeforeAll
    static void train() {
        corpus = SyntheticCorpus.sentences(GROUPS, PER_GROUP, 600, 10, 0.1, 11L);
        trained = Word2VecTrainer.train(corpus, PARAMS, m -> { });
    }

    @Test
    void neighboursComeMostlyFromTheItemsOwnGroup() {
        int same = 0;
        int total = 0;
        for (String token : trained.tokens()) {
            int g = SyntheticCorpus.groupOf(token, PER_GROUP);
            for (String n : trained.nearest(token, 10)) {
                same += SyntheticCorpus.groupOf(n, PER_GROUP) == g ? 1 : 0;
                total++;
            }
        }
        double share = same / (double) total;
        double chance = (PER_GROUP - 1) / (double) (GROUPS * PER_GROUP - 1);
        // chance is ~0.16; learned neighbours should be almost all from the same group
        assertTrue(share > 0.8 && share > 4 * chance, "same-group share " + share + " vs chance " + chance);
    }

    @Test
    void vocabularyHoldsEveryFrequentItemWithTheAskedDimension() {
        assertEquals(GROUPS * PER_GROUP, trained.size());
        assertEquals(PARAMS.dim(), trained.dim());
        assertEquals(trained.tokens().stream().sorted().toList(), trained.tokens());
    }

    @Test
    void rareItemsAreLeftOutByMinCount() {
        List<List<String>> withRare = new java.util.ArrayList<>(corpus);
        withRare.add(List.of("999999", SyntheticCorpus.token(0, 0, PER_GROUP)));
        Embeddings e = Word2VecTrainer.train(withRare, PARAMS.withSeed(3), m -> { });
        assertNull(e.vector("999999"));
        assertFalse(e.contains("999999"));
    }

    @Test
    void sameSeedAndOneWorkerGiveTheSameVectors() {
        Embeddings again = Word2VecTrainer.train(corpus, PARAMS, m -> { });
        assertEquals(trained.tokens(), again.tokens());
        for (String t : trained.tokens()) {
            assertArrayEquals(trained.vector(t), again.vector(t), 0f, t);
        }
    }

    @Test
    void anotherSeedGivesOtherVectors() {
        Embeddings other = Word2VecTrainer.train(corpus, PARAMS.withSeed(8), m -> { });
        String t = trained.tokens().get(0);
        assertFalse(java.util.Arrays.equals(trained.vector(t), other.vector(t)));
    }

    @Test
    void refusesACorpusWithoutContext() {
        assertThrows(IllegalArgumentException.class,
                () -> Word2VecTrainer.train(List.of(List.of("1"), List.of("2")), PARAMS, m -> { }));
    }
}
