package org.musicdiscovery.catalogue.vectors;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseVectorTest {

    @Test
    void normalisesToOneAndSortsByWeight() {
        SparseVector v = SparseVector.of(Map.of("soul", 3.0, "pop", 1.0, "funk", 0.0));
        assertEquals(List.of("soul", "pop"), v.top(5));
        assertEquals(0.75, v.weight("soul"), 1e-12);
        assertEquals(1.0, v.sum(), 1e-12);
    }

    @Test
    void prunesNoiseAndCapsLength() {
        Map<String, Double> raw = new HashMap<>();
        raw.put("rock", 100.0);
        raw.put("stray", 1.0); // under 2 % of the total
        for (int i = 0; i < 20; i++) {
            raw.put("g" + i, 10.0);
        }
        SparseVector v = SparseVector.of(raw);
        assertEquals(SparseVector.MAX_GENRES, v.size());
        assertEquals(0, v.weight("stray"));
        assertEquals(1.0, v.sum(), 1e-12);
    }

    @Test
    void emptyAndMeanBehave() {
        assertTrue(SparseVector.of(Map.of()).isEmpty());
        assertTrue(SparseVector.of(Map.of("x", -1.0)).isEmpty());
        SparseVector m = SparseVector.mean(List.of(SparseVector.of(Map.of("a", 1.0)), SparseVector.of(Map.of("b", 1.0)), SparseVector.EMPTY));
        assertEquals(0.5, m.weight("a"), 1e-12);
        assertEquals(1.0, m.sum(), 1e-12);
    }
}
