package org.musicdiscovery.queryparser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.musicdiscovery.api.ParsedQuery;

/**
 * Structured output for hand-written queries, through the committed models. Columns: query | mode | itemType |
 * genres ("blues:0.8 rock:0.2", or names only when weights are not the point, "{}" for none) | excluded |
 * artists | seed ("track/artist"). Excluded genres are comma-separated. "-" leaves a column unchecked.
 */
class QueryParserTableTest {

    static final QueryParser PARSER = new QueryParser();

    static final String TABLE = """
            blues playlists with a little rock | genre | playlist | blues:0.8 rock:0.2 | | - | -
            mostly jazz with some hip hop | genre | any | jazz:0.6957 hip hop:0.3043 | | - | -
            70% soul 30% funk songs | genre | song | soul:0.7 funk:0.3 | | - | -
            Adele playlists | keyword | playlist | {} | | - | -
            songs like Hey Jude | similar | song | {} | | - | Hey Jude/-
            songs like Hey Jude by The Beatles | similar | song | {} | | The Beatles | Hey Jude/The Beatles
            artists similar to Norah Jones | similar | artist | {} | | Norah Jones | -/Norah Jones
            rock with a little jazz | genre | any | rock:0.8 jazz:0.2 | | - | -
            mostly rock some jazz | genre | any | rock:0.6957 jazz:0.3043 | | - | -
            rock meets jazz | genre | any | rock:0.5 jazz:0.5 | | - | -
            jazz but not rock | genre | any | jazz:1.0 | rock | - | -
            jazz without rock | genre | any | jazz:1.0 | rock | - | -
            jazz no rock | genre | any | jazz:1.0 | rock | - | -
            a bit of jazz and a lot of rock | genre | any | rock:0.7778 jazz:0.2222 | | - | -
            drum and bass | genre | any | drum and bass:1.0 | | - | -
            rhythm and blues with a touch of soul | genre | any | rhythm and blues:0.8571 soul:0.1429 | | - | -
            hiphop | genre | any | hip hop:1.0 | | - | -
            r&b | genre | any | rhythm and blues:1.0 | | - | -
            rnb songs | genre | song | rhythm and blues:1.0 | | - | -
            rock n roll | genre | any | rock and roll:1.0 | | - | -
            Rock 'n' Roll!!! | genre | any | rock and roll:1.0 | | - | -
            HIP-HOP WITH A LITTLE JAZZ | genre | any | hip hop:0.8 jazz:0.2 | | - | -
            dnb but no dubstep | genre | any | drum and bass:1.0 | dubstep | - | -
            50% jazz 50% blues | genre | any | jazz:0.5 blues:0.5 | | - | -
            60% jazz 60% blues | genre | any | jazz:0.5 blues:0.5 | | - | -
            20% jazz 20% rock | genre | any | jazz:0.5 rock:0.5 | | - | -
            70 percent soul, 30 percent funk | genre | any | soul:0.7 funk:0.3 | | - | -
            soul 70% funk 30% | genre | any | soul:0.7 funk:0.3 | | - | -
            70% soul with funk | genre | any | soul:0.7 funk:0.3 | | - | -
            jazz, blues and soul | genre | any | jazz blues soul | | - | -
            jazz without rock and metal | genre | any | jazz:1.0 | rock, heavy metal | - | -
            jazz without rock with some funk | genre | any | jazz:0.6316 funk:0.3684 | rock | - | -
            metal tracks | genre | song | heavy metal:1.0 | | - | -
            punk bands | genre | artist | punk rock:1.0 | | - | -
            heavy metal | genre | any | heavy metal:1.0 | | - | -
            lots of heavy metal with a hint of blues | genre | any | heavy metal:0.875 blues:0.125 | | - | -
            jazz | genre | any | jazz:1.0 | | - | -
            some jazz | genre | any | jazz:1.0 | | - | -
            play me some reggae please | genre | any | reggae:1.0 | | - | -
            chill jazz for studying | genre | any | jazz:1.0 | | - | -
            jazz for a rainy day | genre | any | jazz:1.0 | | - | -
            jazz jazz jazz | genre | any | jazz:1.0 | | - | -
            bossa nova mixes | genre | playlist | bossa nova:1.0 | | - | -
            trip hop and ambient | genre | any | trip hop:0.5 ambient:0.5 | | - | -
            a hint of disco, mostly house | genre | any | house:0.8889 disco:0.1111 | | - | -
            blues rock | genre | any | blues rock:1.0 | | - | -
            no jazz | keyword | any | {} | jazz | - | -
            jazz 100% | genre | any | jazz:1.0 | | - | -
            0% rock 100% jazz | genre | any | jazz:1.0 | | - | -
            | keyword | any | {} | | | -
            \s  | keyword | any | {} | | | -
            🎸🔥 | keyword | any | {} | | | -
            ¿música para bailar salsa? | genre | any | salsa:1.0 | | - | -
            Musique française | keyword | any | {} | | - | -
            日本の音楽 | keyword | any | {} | | - | -
            песни про любовь | keyword | any | {} | | - | -
            asdfghjkl qwerty | keyword | any | {} | | - | -
            % % % | keyword | any | {} | | - | -
            999% jazz | genre | any | jazz:1.0 | | - | -
            songs | keyword | song | {} | | - | -
            playlists | keyword | playlist | {} | | - | -
            songs like jazz | genre | song | jazz:1.0 | | - | -
            jazz songs by Miles Davis | genre | song | jazz:1.0 | | Miles Davis | -
            tracks like Bohemian Rhapsody by Queen | similar | song | {} | | Queen | Bohemian Rhapsody/Queen
            artists like Radiohead | similar | artist | {} | | Radiohead | -/Radiohead
            something like Radiohead but more jazz | similar | any | jazz:1.0 | | Radiohead | -/Radiohead
            Radiohead | keyword | any | {} | | - | -
            hey jude | keyword | any | {} | | - | -
            blues playlists with a little rock but not metal | genre | playlist | blues:0.8 rock:0.2 | heavy metal | - | -
            funk, soul / disco | genre | any | funk soul disco | | - | -
            The The | keyword | any | {} | | The The | -
            the band | keyword | any | {} | | the band | -
            find me The Do with hint of deathcore. | genre | any | deathcore:1.0 | | The Do | -
            """;

    record Case(String query, String mode, String type, String genres, String excluded, String artists,
                String seed) {
        @Override
        public String toString() {
            return query.isEmpty() ? "(empty)" : query;
        }
    }

    static Stream<Case> cases() {
        return TABLE.lines().map(line -> {
            String[] f = line.split("\\|", -1);
            return new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip(), f[5].strip(),
                    f[6].strip());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsWritten(Case c) {
        ParsedQuery q = PARSER.parse(c.query());
        String got = " → " + q;
        assertEquals(c.mode(), q.mode().name(), "mode" + got);
        assertEquals(c.type(), q.itemType(), "itemType" + got);
        checkGenres(c.genres(), q.genres(), got);
        assertEquals(c.excluded().isBlank() ? List.of() : Arrays.stream(c.excluded().split(",")).map(String::strip).toList(),
                q.excluded(), "excluded" + got);
        if (!c.artists().equals("-")) {
            assertEquals(c.artists().isEmpty() ? List.of() : List.of(c.artists()), q.artists(), "artists" + got);
        }
        if (!c.seed().equals("-")) {
            String[] s = c.seed().split("/");
            assertEquals(s[0].equals("-") ? null : s[0], q.seed() == null ? "(no seed)" : q.seed().track(), "seed" + got);
            assertEquals(s[1].equals("-") ? null : s[1], q.seed().artist(), "seed artist" + got);
        }
        if (!q.genres().isEmpty()) {
            assertEquals(1.0, q.genres().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-3, got);
        }
    }

    private static void checkGenres(String expected, Map<String, Double> got, String context) {
        if (expected.equals("{}")) {
            assertTrue(got.isEmpty(), "no genres" + context);
            return;
        }
        if (!expected.contains(":")) {
            assertEquals(new TreeSet<>(words(expected)), new TreeSet<>(got.keySet()), "genres" + context);
            return;
        }
        Map<String, Double> want = new LinkedHashMap<>();
        for (String part : expected.split("(?<=\\d) ")) {
            int colon = part.lastIndexOf(':');
            want.put(part.substring(0, colon), Double.parseDouble(part.substring(colon + 1)));
        }
        assertEquals(want.keySet(), got.keySet(), "genres" + context);
        want.forEach((g, w) -> assertEquals(w, got.get(g), 0.002, g + context));
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.split(" "));
    }
}
