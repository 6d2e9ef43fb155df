package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.api.ResultItem;

class StoredPageTest {
    private final ObjectMapper json = new ObjectMapper();

    private static DiscoverResponse computed() {
        var mix = new LinkedHashMap<String, Double>();
        mix.put("blues", 0.8);
        mix.put("rock", 0.2);
        var items = List.of(
                new ResultItem("song", 42, "Crossroads \"live\"", "Cream", Map.of("blues", 0.7, "rock", 0.3), 0,
                        0.91, 0.8731, List.of(new ResultItem.Why("blues", 0.8, 0.7))),
                new ResultItem("playlist", 7, "Delta nights ü", null, Map.of("blues", 1.0), 25, 0.5, 0.61,
                        List.of()));
        var parsed = new ParsedQuery(ParsedQuery.Mode.genre, "any", mix, List.of("pop"), List.of(), null,
                "blues with a little rock");
        return new DiscoverResponse(items, parsed, List.of(), DiscoverResponse.Page.of(0, 2, items.size(), 1000),
                Map.of("parse", 0.31, "aggregate", 4.2), "miss");
    }

    @Test
    void aHitAnswersThePageItStoredWithItsOwnTimingsAndState() throws Exception {
        var page = StoredPage.of(json, computed());
        assertTrue(StoredPage.isPage(page), new String(page, StandardCharsets.UTF_8));
        var timings = Map.of("parse", 0.01, "cache", 0.12);

        var answered = json.readValue(StoredPage.answer(json, page, computed().parsed(), "hit", timings),
                DiscoverResponse.class);

        var c = computed();
        assertEquals(new DiscoverResponse(c.items(), c.parsed(), c.degraded(), c.page(), timings, "hit"), answered);
    }

    @Test
    void aHitReportsItsOwnParseNotThatOfThePhrasingThatFilledTheCache() throws Exception {
        var page = StoredPage.of(json, computed());
        // "80% blues 20% rock" shares the key of "blues with a little rock" (weights equal to 1 %)
        var own = new ParsedQuery(ParsedQuery.Mode.genre, "any", Map.of("blues", 0.8, "rock", 0.2), List.of("pop"),
                List.of(), null, "80% blues 20% rock but no pop");

        byte[] body = StoredPage.answer(json, page, own, "hit", Map.of());
        var answered = json.readValue(body, DiscoverResponse.class);

        assertEquals(own, answered.parsed());
        assertEquals(computed().items(), answered.items());
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(text.indexOf("\"parsed\":"), text.lastIndexOf("\"parsed\":"), "one parsed field: " + text);
    }

    @Test
    void thePerRequestFieldsAreNotStored() throws Exception {
        var stored = json.readTree(StoredPage.of(json, computed()));
        assertFalse(stored.has("timings"));
        assertFalse(stored.has("cache"));
        assertFalse(stored.has("parsed"));
        assertEquals(2, stored.path("items").size());
    }

    @Test
    void entriesInAnyOtherFormatAreNotPages() {
        for (String other : List.of("", "{", "{\"items\":", "{\"cache\":\"miss\",\"items\":[]}", "[1,2]", "garbage")) {
            assertFalse(StoredPage.isPage(other.getBytes(StandardCharsets.UTF_8)), other);
        }
        assertTrue(StoredPage.isPage("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)));
    }
}
