package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Keyword search end to end: browser/client → web-layer → core-discovery → PostgreSQL + Redis. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeywordSearchSystemTest {
    static SystemStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
    }

    static Http.Answer search(String query) throws Exception {
        return Http.get(stack.web.url() + "/api/v1/search?" + query);
    }

    static List<JsonNode> items(Http.Answer answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.json().path("items").forEach(out::add);
        return out;
    }

    @Test
    @Order(1)
    void adeleReturnsHerSongsAndPlaylistsContainingThem() throws Exception {
        var answer = search("q=adele");
        assertEquals(200, answer.status(), answer.body());
        List<JsonNode> items = items(answer);
        assertTrue(items.stream().anyMatch(i -> i.path("type").asText().equals("song")
                && i.path("artist").asText().equals("Adele")), "an Adele song: " + answer.body());
        assertTrue(items.stream().anyMatch(i -> i.path("type").asText().equals("playlist")),
                "a playlist holding Adele songs: " + answer.body());
        for (JsonNode item : items) {
            assertFalse(item.path("title").asText().isBlank(), "every item is described: " + item);
            assertTrue(item.path("score").asDouble() > 0, "every item is scored: " + item);
        }
        assertTrue(items.stream().anyMatch(i -> i.path("genres").size() > 0), "genre mixes are populated");
        assertEquals("keyword", answer.json().path("parsed").path("mode").asText());
    }

    @Test
    @Order(2)
    void typeFilterAndLimitAreHonoured() throws Exception {
        var songs = items(search("q=adele&type=song&limit=2"));
        assertFalse(songs.isEmpty());
        assertTrue(songs.size() <= 2);
        songs.forEach(i -> assertEquals("song", i.path("type").asText()));
        var playlists = items(search("q=adele&type=playlist"));
        assertFalse(playlists.isEmpty());
        playlists.forEach(i -> assertEquals("playlist", i.path("type").asText()));
    }

    @Test
    @Order(3)
    void typosStillFindTheArtist() throws Exception {
        var items = items(search("q=adelle&type=song"));
        assertTrue(items.stream().anyMatch(i -> i.path("artist").asText().equals("Adele")), items.toString());
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @Order(4)
    @CsvSource(delimiter = '|', value = {
        "type=song|q",
        "q=%20%20|q",
        "q=adele&limit=abc|limit",
        "q=adele&limit=0|limit",
        "q=adele&limit=101|limit",
        "q=adele&offset=-1|offset",
        "q=adele&type=album|type",
        "q=ade%00le|q",
    })
    void badInputIsA400NamingTheField(String query, String field) throws Exception {
        var answer = search(query);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(field, answer.json().path("error").path("field").asText(), answer.body());
        assertFalse(answer.json().path("error").path("message").asText().isBlank());
    }

    @Test
    @Order(5)
    void oversizedQueryIsA400() throws Exception {
        var answer = search("q=" + URLEncoder.encode("a".repeat(501), StandardCharsets.UTF_8));
        assertEquals(400, answer.status());
        assertEquals("q", answer.json().path("error").path("field").asText());
    }

    @Test
    @Order(6)
    void internalServicesRefuseCallersWithoutTheToken() throws Exception {
        String body = "{\"q\":\"adele\",\"type\":\"any\",\"limit\":5,\"offset\":0}";
        var anonymous = Http.postJson(stack.core.url() + "/internal/v1/discover", body, Map.of());
        assertEquals(401, anonymous.status());
        var wrong = Http.postJson(stack.core.url() + "/internal/v1/discover", body,
                Map.of("X-Internal-Token", "guess"));
        assertEquals(401, wrong.status());
        var right = Http.postJson(stack.core.url() + "/internal/v1/discover", body,
                Map.of("X-Internal-Token", SystemStack.TOKEN));
        assertEquals(200, right.status(), right.body());
        assertEquals(401, Http.get(stack.vector.url() + "/v1/collections").status());
        assertFalse(search("q=adele").body().contains(SystemStack.TOKEN), "the token never reaches clients");
    }

    @Test
    @Order(7)
    void everyServiceHasHealthMetricsAndOpenApi() {
        for (ServiceProcess s : List.of(stack.web, stack.core, stack.vector)) {
            for (String path : List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi")) {
                assertEquals(200, s.status(path), s.name + path);
            }
        }
    }

    @Test
    @Order(100)
    void coreDownIsA503WithAClearBodyAndRecovers() throws Exception {
        stack.core.stop();
        try {
            var answer = search("q=adele");
            assertEquals(503, answer.status(), answer.body());
            assertEquals("core_unavailable", answer.json().path("error").path("code").asText());
            assertNotNull(answer.raw().headers().firstValue("Retry-After").orElse(null));
            assertFalse(answer.body().contains("Exception"), "no stack trace: " + answer.body());
            assertEquals(503, stack.web.status("/q/health/ready"), "gateway not ready without core");
        } finally {
            stack.core.start();
        }
        assertEquals(200, search("q=adele").status(), "answers again once core is back");
    }
}
