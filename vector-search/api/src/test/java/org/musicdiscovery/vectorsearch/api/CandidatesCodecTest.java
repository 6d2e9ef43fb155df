package org.musicdiscovery.vectorsearch.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidatesCodecTest {

    static SearchResponse genreAnswer(int n) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> mix = new LinkedHashMap<>();
            mix.put(i % 2 == 0 ? "rock" : "música popular brasileira", 0.5 + i * 1e-3);
            mix.put("blues", 0.5 - i * 1e-3);
            candidates.add(new Candidate(i % 3 == 0 ? "playlist" : "song", 1_000_000L * i + 7, 0.25 + i, Math.PI / (i + 1),
                    i % 4 == 0 ? List.of("dot", "angular") : List.of("angular"), mix, null, (double) (n - i),
                    i % 3 == 0 ? 0L : Long.MIN_VALUE + i));
        }
        return new SearchResponse("genre", "v20261206-084523-580", candidates,
                new LinkedHashMap<>(Map.of("total", 0.41)), "exact");
    }

    @Test
    void aGenreAnswerReadsBackFieldForFieldInOrder() {
        SearchResponse sent = genreAnswer(100);
        SearchResponse back = CandidatesCodec.read(CandidatesCodec.write(sent));
        assertSame(sent, back);
        assertEquals(List.copyOf(sent.candidates().get(1).genres().keySet()),
                List.copyOf(back.candidates().get(1).genres().keySet()), "a mix keeps its order");
    }

    @Test
    void absentFieldsStayAbsentAndDenseVectorsTravel() {
        float[] vector = {0.5f, -1.25f, Float.MIN_VALUE, 3e30f};
        SearchResponse sent = new SearchResponse("embedding", "v1", List.of(
                new Candidate("song", 3, 0.1, null, null, null, vector),
                new Candidate("artist", 4, null, 0.9, List.of(), Map.of(), new float[0])), null, null);
        SearchResponse back = CandidatesCodec.read(CandidatesCodec.write(sent));
        assertSame(new SearchResponse("embedding", "v1", sent.candidates(), Map.of(), null), back);
        assertEquals(null, back.candidates().getFirst().popularity());
        assertEquals(null, back.candidates().getFirst().duplicate());
    }

    @Test
    void anEmptyAnswerAndALongVectorFit() {
        assertEquals(List.of(), CandidatesCodec.read(CandidatesCodec.write(
                new SearchResponse("genre", "v", List.of(), Map.of(), "trees"))).candidates());
        float[] wide = new float[4096]; // more than the first guess at the buffer holds: it grows
        Arrays.fill(wide, 0.25f);
        var back = CandidatesCodec.read(CandidatesCodec.write(new SearchResponse("embedding", "v",
                List.of(new Candidate("song", 1, 1.0, 1.0, List.of("dot"), null, wide)), Map.of(), "trees")));
        assertArrayEquals(wide, back.candidates().getFirst().vector());
    }

    @Test
    void noCandidateListReadsBackEmpty() {
        var back = CandidatesCodec.read(CandidatesCodec.write(new SearchResponse("genre", "v", null, null, null)));
        assertEquals(List.of(), back.candidates());
    }

    @Test
    void bytesItDidNotWriteAreRefusedWithItsOwnException() {
        byte[] good = CandidatesCodec.write(genreAnswer(5));
        assertThrows(CandidatesCodec.MalformedException.class, () -> CandidatesCodec.read(new byte[0]));
        assertThrows(CandidatesCodec.MalformedException.class, () -> CandidatesCodec.read("{\"candidates\":[]}".getBytes()));
        for (int cut = 0; cut < good.length; cut++) { // every truncation, never another exception
            byte[] part = Arrays.copyOf(good, cut);
            assertThrows(CandidatesCodec.MalformedException.class, () -> CandidatesCodec.read(part), "cut at " + cut);
        }
    }

    @Test
    void aCountLargerThanTheBodyIsRefusedBeforeAnythingIsAllocated() {
        SearchResponse one = new SearchResponse("embedding", "v", List.of(
                new Candidate("song", 3, 0.1, 0.2, null, null, new float[] {1f})), Map.of(), null);
        byte[] bytes = CandidatesCodec.write(one);
        int vectorLength = 4 + 4 + 3 * 2 + 2 + 4 + 1 + 2 + 8 + 8 + 8; // header, strings, timings, count, fixed fields
        assertEquals(1, ByteBuffer.wrap(bytes).getInt(vectorLength), "the test points at the vector's length");
        ByteBuffer.wrap(bytes).putInt(vectorLength, Integer.MAX_VALUE);
        var e = assertThrows(CandidatesCodec.MalformedException.class, () -> CandidatesCodec.read(bytes));
        assertTrue(e.getCause().getMessage().contains("overruns"), e.getCause().getMessage());
    }

    static void assertSame(SearchResponse expected, SearchResponse actual) {
        assertEquals(expected.collection(), actual.collection());
        assertEquals(expected.version(), actual.version());
        assertEquals(expected.strategy(), actual.strategy());
        assertEquals(expected.timings() == null ? Map.of() : expected.timings(), actual.timings());
        assertEquals(expected.candidates().size(), actual.candidates().size());
        for (int i = 0; i < expected.candidates().size(); i++) {
            Candidate e = expected.candidates().get(i), a = actual.candidates().get(i);
            assertEquals(new Candidate(e.type(), e.id(), e.dot(), e.angular(), e.foundBy(), e.genres(), null,
                    e.popularity(), e.duplicate()), new Candidate(a.type(), a.id(), a.dot(), a.angular(), a.foundBy(),
                    a.genres(), null, a.popularity(), a.duplicate()), "candidate " + i);
            assertArrayEquals(e.vector(), a.vector(), "vector of candidate " + i);
        }
    }
}
