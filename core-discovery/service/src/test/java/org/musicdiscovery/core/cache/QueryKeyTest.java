package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ParsedQuery.Mode;

class QueryKeyTest {
    static ParsedQuery genre(Map<String, Double> mix, List<String> excluded, String text) {
        return new ParsedQuery(Mode.genre, "any", new LinkedHashMap<>(mix), excluded, List.of(), null, text);
    }

    @Test
    void sameStructureSharesAKeyWhateverTheWording() {
        var a = genre(Map.of("rock", 0.8, "blues", 0.2), List.of(), "rock with a little blues");
        var b = genre(Map.of("blues", 0.2, "rock", 0.8), List.of(), "Rock, with a little Blues!");
        assertEquals(QueryKey.of(a, 20, 0, "v1"), QueryKey.of(b, 20, 0, "v1"));
    }

    @Test
    void tinyWeightNudgesShareAKeyButRealChangesDoNot() {
        var a = genre(Map.of("rock", 0.8, "blues", 0.2), List.of(), "");
        var nudged = genre(Map.of("rock", 0.801, "blues", 0.199), List.of(), "");
        var moved = genre(Map.of("rock", 0.7, "blues", 0.3), List.of(), "");
        assertEquals(QueryKey.of(a, 20, 0, "v1"), QueryKey.of(nudged, 20, 0, "v1"));
        assertNotEquals(QueryKey.of(a, 20, 0, "v1"), QueryKey.of(moved, 20, 0, "v1"));
    }

    @Test
    void versionPageExclusionsAndTypeAreAllPartOfTheKey() {
        var a = genre(Map.of("jazz", 1.0), List.of(), "");
        String base = QueryKey.of(a, 20, 0, "v1");
        assertNotEquals(base, QueryKey.of(a, 20, 0, "v2"));
        assertNotEquals(base, QueryKey.of(a, 20, 20, "v1"));
        assertNotEquals(base, QueryKey.of(genre(Map.of("jazz", 1.0), List.of("pop"), ""), 20, 0, "v1"));
        var songs = new ParsedQuery(Mode.genre, "song", Map.of("jazz", 1.0), List.of(), List.of(), null, "");
        assertNotEquals(base, QueryKey.of(songs, 20, 0, "v1"));
    }

    @Test
    void keywordQueriesFoldCaseAndPunctuation() {
        var a = new ParsedQuery(Mode.keyword, "any", Map.of(), List.of(), List.of(), null, "Adele!");
        var b = new ParsedQuery(Mode.keyword, "any", Map.of(), List.of(), List.of(), null, "  adele ");
        var c = new ParsedQuery(Mode.keyword, "any", Map.of(), List.of(), List.of(), null, "adele live");
        assertEquals(QueryKey.of(a, 20, 0, "v"), QueryKey.of(b, 20, 0, "v"));
        assertNotEquals(QueryKey.of(a, 20, 0, "v"), QueryKey.of(c, 20, 0, "v"));
    }

    @Test
    void foldingSkipsOnlyWhatNormalisingWouldLeaveAsIs() {
        var random = new java.util.Random(7);
        String alphabet = "ab z09 -!ÉéßÅﬁ\t";
        List<String> inputs = new java.util.ArrayList<>(List.of("", " ", "hip hop", "hip  hop", " rock", "rock ",
                "r&b", "Rock", "80s", "ﬁlm", "café", "a b c"));
        for (int i = 0; i < 2000; i++) {
            var sb = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String s : inputs) {
            String reference = java.text.Normalizer.normalize(s.toLowerCase(java.util.Locale.ROOT),
                    java.text.Normalizer.Form.NFKC).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertEquals(reference, QueryKey.fold(s), "fold of [" + s + "]");
        }
    }
}
