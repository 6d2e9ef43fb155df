package org.musicdiscovery.queryparser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.queryparser.lexicon.QuantifierScale;

/** Invariants over many inputs: monotone quantifiers, negation, normalised percentages, no input ever throws. */
class QueryParserPropertiesTest {

    static final QueryParser PARSER = QueryParserTableTest.PARSER;

    @Test
    void strongerQuantifiersGiveMoreWeight() {
        List<String> ladder = List.of("a touch of", "a little", "a bit of", "some", "lots of", "mostly");
        double previous = 0;
        for (String q : ladder) {
            double w = PARSER.parse("jazz with " + q + " rock").genres().get("rock");
            assertTrue(w > previous, q + " gives rock " + w + ", not more than the weaker quantifier's " + previous);
            previous = w;
        }
        // the scale itself: every level strictly heavier than the one before, unquantified in the middle
        QuantifierScale.Level[] levels = QuantifierScale.Level.values();
        for (int i = 1; i < levels.length; i++) {
            assertTrue(levels[i].weight > levels[i - 1].weight, levels[i].name());
        }
        assertTrue(QuantifierScale.Level.SOME.weight < QuantifierScale.UNQUANTIFIED
                && QuantifierScale.UNQUANTIFIED < QuantifierScale.Level.LOTS.weight);
    }

    @Test
    void everyQuantifierPhraseIsRecognisedWithItsLevelWeight() {
        for (QuantifierScale.Level level : QuantifierScale.Level.values()) {
            for (String phrase : level.phrases) {
                Map<String, Double> g = PARSER.parse("blues with " + phrase + " funk").genres();
                double expected = level.weight / (level.weight + QuantifierScale.UNQUANTIFIED);
                assertEquals(expected, g.getOrDefault("funk", -1.0), 0.001, phrase + " → " + g);
            }
        }
    }

    @Test
    void negatedGenresAreExcludedNeverWanted() {
        for (String neg : List.of("but not", "without", "no", "minus", "except", "but no")) {
            ParsedQuery q = PARSER.parse("soul " + neg + " disco");
            assertEquals(List.of("disco"), q.excluded(), neg);
            assertEquals(Map.of("soul", 1.0), q.genres(), neg);
        }
        ParsedQuery both = PARSER.parse("funk without disco but with some soul");
        assertEquals(List.of("disco"), both.excluded());
        assertTrue(both.genres().containsKey("soul") && both.genres().containsKey("funk"), both.toString());
    }

    @Test
    void percentagesAreNormalisedWhateverTheySumTo() {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            int a = 1 + r.nextInt(100);
            int b = 1 + r.nextInt(100);
            Map<String, Double> g = PARSER.parse(a + "% soul " + b + "% funk").genres();
            assertEquals(a / (double) (a + b), g.get("soul"), 0.001, a + "/" + b);
            assertEquals(1.0, g.values().stream().mapToDouble(Double::doubleValue).sum(), 0.001);
        }
    }

    @Test
    void neverThrowsOnRandomStrings() {
        Random r = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789%&'-.,/!?\"()[]{}\\\t\n"
                + "éüßøñçあいう日本語песни🎸🔥😀\u0000\u200b\ud83d";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(i % 100 == 0 ? 3000 : 60);
            for (int j = 0; j < len; j++) {
                sb.append(r.nextInt(8) == 0 ? (char) r.nextInt(0x10000) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            ParsedQuery q = assertDoesNotThrow(() -> PARSER.parse(s), () -> "input: " + s);
            assertNotNull(q.mode());
            assertTrue(q.text().length() <= QueryParser.MAX_INPUT);
            if (!q.genres().isEmpty()) {
                assertEquals(1.0, q.genres().values().stream().mapToDouble(Double::doubleValue).sum(), 0.002, s);
            }
        }
        assertEquals(ParsedQuery.Mode.keyword, PARSER.parse(null).mode());
    }

    @Test
    void longInputIsClippedNotRejected() {
        String longQuery = "jazz with a little rock " + "blah ".repeat(250);
        assertTrue(longQuery.length() > 1000);
        ParsedQuery q = PARSER.parse(longQuery);
        assertEquals(Map.of("jazz", 0.8, "rock", 0.2), q.genres());
        assertTrue(q.text().length() <= QueryParser.MAX_INPUT);
        assertEquals(QueryParser.MAX_INPUT - 1, QueryParser.clip("x".repeat(999) + "😀😀").length());
    }

    @Test
    void concurrentParsesGiveTheSameAnswers() throws Exception {
        List<String> queries = List.of("songs like Hey Jude by The Beatles", "mostly jazz with some hip hop",
                "Adele playlists", "artists similar to Norah Jones", "70% soul 30% funk songs");
        List<ParsedQuery> expected = queries.stream().map(PARSER::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % queries.size();
                        if (!PARSER.parse(queries.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : runs) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
