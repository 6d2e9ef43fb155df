package org.musicdiscovery.embeddings.eval;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.embeddings.train.Embeddings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenreAgreementTest {

    /** 4 genres × 50 items; an item's vector is its genre's centre plus noise of the given size. */
    static Embeddings clusters(double noise, Map<String, String> genres) {
        Random r = new Random(5);
        float[][] centres = new float[4][8];
        for (float[] c : centres) {
            for (int j = 0; j < c.length; j++) {
                c[j] = (float) r.nextGaussian();
            }
        }
        List<String> tokens = new ArrayList<>();
        float[][] v = new float[200][8];
        for (int i = 0; i < 200; i++) {
            String t = Integer.toString(i);
            tokens.add(t);
            genres.put(t, "g" + i % 4);
            for (int j = 0; j < 8; j++) {
                v[i][j] = centres[i % 4][j] + (float) (noise * r.nextGaussian());
            }
        }
        return new Embeddings(tokens, v);
    }

    @Test
    void clusteredVectorsBeatTheRandomBaselineWhichMatchesChance() {
        Map<String, String> genres = new HashMap<>();
        Embeddings e = clusters(0.1, genres);
        GenreAgreement.Result r = GenreAgreement.evaluate(e, genres, 100, 10, 3);
        assertEquals(0.25, r.chance(), 1e-9);
        assertTrue(r.neighbourShare() > 0.95, "neighbours " + r.neighbourShare());
        assertEquals(0.25, r.randomShare(), 0.06);
        assertTrue(r.lift() > 3);
    }

    @Test
    void noiseOnlyVectorsStayNearChance() {
        Map<String, String> genres = new HashMap<>();
        Embeddings e = clusters(50, genres); // centres drown in noise
        GenreAgreement.Result r = GenreAgreement.evaluate(e, genres, 200, 10, 3);
        assertEquals(0.25, r.neighbourShare(), 0.08);
    }

    @Test
    void itemsWithoutGenreAreNeitherSeedsNorNeighbours() {
        Map<String, String> genres = new HashMap<>();
        Embeddings e = clusters(0.1, genres);
        genres.keySet().removeIf(t -> Integer.parseInt(t) >= 100);
        GenreAgreement.Result r = GenreAgreement.evaluate(e, genres, 1000, 10, 3);
        assertEquals(100, r.candidates());
        assertEquals(100, r.seeds());
        assertThrows(IllegalArgumentException.class, () -> GenreAgreement.evaluate(e, Map.of("1", "g"), 5, 10, 1));
    }
}
