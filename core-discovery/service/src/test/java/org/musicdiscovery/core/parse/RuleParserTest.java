package org.musicdiscovery.core.parse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ParsedQuery.Mode;

class RuleParserTest {
    static final RuleParser PARSER = new RuleParser(new GenreLexicon(lexicon()));

    static Map<String, String> lexicon() {
        Map<String, String> m = new HashMap<>();
        for (String g : List.of("blues", "rock", "jazz", "hip hop", "soul", "funk", "rhythm and blues", "pop",
                "drum and bass", "rock and roll", "techno", "heavy metal", "country", "blues rock")) {
            m.put(g, g);
        }
        m.putAll(Map.of("hiphop", "hip hop", "hip-hop", "hip hop", "r&b", "rhythm and blues", "rnb",
                "rhythm and blues", "dnb", "drum and bass", "rock n roll", "rock and roll", "metal", "heavy metal"));
        return m;
    }

    /** query | mode | itemType | genres (g=w;g=w, ±0.01) | excluded (a;b) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Blues playlists with a little Rock|genre|playlist|blues=0.8;rock=0.2|-",
        "blues playlists with a little rock|genre|playlist|blues=0.8;rock=0.2|-",
        "Rock, with a little Blues!|genre|any|rock=0.8;blues=0.2|-",
        "mostly jazz with some hip hop|genre|any|jazz=0.6957;hip hop=0.3043|-",
        "70% soul 30% funk songs|genre|song|soul=0.7;funk=0.3|-",
        "70 percent soul 30 percent funk|genre|any|soul=0.7;funk=0.3|-",
        "60% soul 60% funk|genre|any|soul=0.5;funk=0.5|-",
        "jazz|genre|any|jazz=1|-",
        "JAZZ!!!|genre|any|jazz=1|-",
        "rock but not pop|genre|any|rock=1|pop",
        "rock without metal|genre|any|rock=1|heavy metal",
        "hiphop and r&b tracks|genre|song|hip hop=0.5;rhythm and blues=0.5|-",
        "rnb with a touch of soul|genre|any|rhythm and blues=0.8571;soul=0.1429|-",
        "drum and bass|genre|any|drum and bass=1|-",
        "dnb meets techno|genre|any|drum and bass=0.5;techno=0.5|-",
        "rock n roll artists|genre|artist|rock and roll=1|-",
        "blues rock|genre|any|blues rock=1|-",
        "a bit of country and a lot of blues|genre|any|blues=0.7778;country=0.2222|-",
        "funk without rock with some soul|genre|any|funk=0.6316;soul=0.3684|rock",
        "Adele playlists|keyword|playlist|-|-",
        "adele|keyword|any|-|-",
        "songs like Hey Jude|similar|song|-|-",
        "artists similar to Adele|similar|artist|-|-",
        "música latina para bailar|keyword|any|-|-",
    })
    void structuredOutput(String query, String mode, String itemType, String genres, String excluded) {
        ParsedQuery p = PARSER.parse(query);
        assertEquals(Mode.valueOf(mode), p.mode(), query + " → " + p);
        assertEquals(itemType, p.itemType(), query + " → " + p);
        Map<String, Double> expected = new LinkedHashMap<>();
        if (genres != null) {
            for (String kv : genres.split(";")) {
                expected.put(kv.split("=")[0], Double.parseDouble(kv.split("=")[1]));
            }
        }
        assertEquals(expected.keySet(), p.genres().keySet(), query + " → " + p);
        expected.forEach((g, w) -> assertEquals(w, p.genres().get(g), 0.01, query + " " + g));
        assertEquals(excluded == null ? List.of() : Arrays.asList(excluded.split(";")), p.excluded(), query);
        if (!p.genres().isEmpty()) {
            assertEquals(1.0, p.genres().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-3);
        }
    }

    @Test
    void similaritySeedsNameTrackAndArtist() {
        var p = PARSER.parse("songs like Hey Jude by The Beatles");
        assertEquals("hey jude", p.seed().track());
        assertEquals("the beatles", p.seed().artist());
        assertEquals("adele", PARSER.parse("artists like Adele").seed().artist());
        assertEquals("Adele", PARSER.parse("Adele playlists").text().substring(0, 5).replace("adele", "Adele"));
    }

    @Test
    void quantifiersAreMonotone() {
        List<String> order = List.of("a hint of", "a little", "a bit of", "some", "lots of", "mostly");
        double last = 0;
        for (String q : order) {
            double w = PARSER.parse("jazz with " + q + " soul").genres().getOrDefault("soul", 0.0);
            if (q.equals("mostly")) {
                w = PARSER.parse("mostly soul with jazz").genres().get("soul");
            }
            assertTrue(w > last, q + " gives " + w + " after " + last);
            last = w;
        }
    }

    @Test
    void neverThrowsAndNeverHangsOnAnyString() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            int len = r.nextInt(i % 100 == 0 ? 3000 : 60);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                sb.appendCodePoint(r.nextInt(5) == 0 ? 0x1F300 + r.nextInt(500) : 32 + r.nextInt(0x2FF));
            }
            String s = sb.toString();
            ParsedQuery p = assertDoesNotThrow(() -> PARSER.parse(s), s);
            assertTrue(p.text().length() <= RuleParser.MAX_INPUT);
        }
        assertDoesNotThrow(() -> PARSER.parse(null));
        assertEquals(Mode.keyword, PARSER.parse("").mode());
        assertEquals(Mode.keyword, PARSER.parse("🎸🔥").mode());
        assertEquals(Mode.genre, PARSER.parse("blues " + "x".repeat(1000)).mode());
    }
}
