package org.musicdiscovery.queryparser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.queryparser.lexicon.PhraseGazetteer;
import org.musicdiscovery.queryparser.tokenize.QueryTokenizer;
import org.musicdiscovery.queryparser.tokenize.Token;
import org.musicdiscovery.queryparser.training.LabeledQuery;
import org.musicdiscovery.queryparser.training.SnipsDecoding;

/** Tokenizer, gazetteer matching, span conversion and the Snips decoding fallback, on hand-made inputs. */
class TrainingPiecesTest {

    @Test
    void tokenizerKeepsWordInnerPunctuationAndPercentages() {
        List<Token> t = QueryTokenizer.tokenize("70% Hip-Hop, R&B and rock'n'roll 🎸!");
        assertArrayEquals(new String[] {"70%", "Hip-Hop", ",", "R&B", "and", "rock'n'roll", "🎸", "!"},
                QueryTokenizer.texts(t));
        assertEquals("hip hop", t.get(1).key());
        assertEquals("r and b", t.get(3).key());
        assertEquals("rocknroll", t.get(5).key());
        assertTrue(!t.get(6).isWord() && !t.get(2).isWord());
        assertEquals("beyonce", QueryTokenizer.key("Beyoncé"));
    }

    @Test
    void gazetteerMatchesLongestPhraseButNotAcrossCommas() {
        PhraseGazetteer g = new PhraseGazetteer(Map.of("drum and bass", "drum and bass", "drum", "drum",
                "rock n roll", "rock and roll", "electronic", "electronic", "electronic music", "electronic music"));
        assertEquals(new PhraseGazetteer.Match("drum and bass", 3), g.match(QueryTokenizer.tokenize("Drum & Bass"), 0));
        assertEquals(new PhraseGazetteer.Match("drum and bass", 3), g.match(QueryTokenizer.tokenize("drum and bass"), 0));
        assertEquals(new PhraseGazetteer.Match("rock and roll", 5), g.match(QueryTokenizer.tokenize("rock 'n' roll"), 0));
        assertEquals(new PhraseGazetteer.Match("electronic", 1), g.match(QueryTokenizer.tokenize("electronic, music"), 0));
        assertNull(g.match(QueryTokenizer.tokenize("bass"), 0));
    }

    @Test
    void characterSpansBecomeTokenSpans() {
        String text = "songs like Hey Jude by The Beatles!";
        LabeledQuery q = new LabeledQuery("t", text, List.of(
                new LabeledQuery.CharSpan(11, 19, "track"), new LabeledQuery.CharSpan(23, 34, "artist")),
                Map.of(), List.of());
        NameSample s = q.toNameSample();
        assertEquals(2, s.getNames().length);
        assertEquals("track", s.getNames()[0].getType());
        assertEquals(2, s.getNames()[0].getStart());
        assertEquals(4, s.getNames()[0].getEnd());
        assertEquals(5, s.getNames()[1].getStart());
        assertEquals(7, s.getNames()[1].getEnd());
        assertEquals(List.of("The Beatles"), q.entityTexts("artist"));
    }

    @Test
    void aLineThatIsNotUtf8IsReadAsWindows1252() {
        byte[] good = "{\"a\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'"', 'R', (byte) 0xE9, 's', 'u', 'm', (byte) 0xE9, '"'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        assertEquals("{\"a\": \"caf\u00e9\"}\n\"R\u00e9sum\u00e9\"", SnipsDecoding.decode(all));
    }
}
