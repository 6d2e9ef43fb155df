package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Happy paths of every public endpoint, over real HTTP through web-layer → core → vector-search/PostgreSQL/Redis. */
class PublicApiSystemTest {
    static SystemStack stack;
    static String web;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
        web = stack.web.url() + "/api/v1";
    }

    static List<JsonNode> items(Http.Answer a) {
        return KeywordSearchSystemTest.items(a);
    }

    @Test
    void searchPagesCarryTheNextOffset() throws Exception {
        var first = Http.get(web + "/search?q=adele&limit=2");
        assertEquals(200, first.status(), first.body());
        assertEquals(2, items(first).size());
        assertEquals(0, first.json().path("page").path("offset").asInt());
        assertEquals(2, first.json().path("page").path("next").asInt(), first.body());
        var second = Http.get(web + "/search?q=adele&limit=2&offset=2");
        assertFalse(items(second).isEmpty());
        var firstRefs = items(first).stream().map(i -> i.path("type").asText() + ":" + i.path("id")).toList();
        assertTrue(items(second).stream().map(i -> i.path("type").asText() + ":" + i.path("id"))
                .noneMatch(firstRefs::contains), "a new page: " + firstRefs + " / " + second.body());
        var all = Http.get(web + "/search?q=adele&limit=100");
        assertTrue(all.json().path("page").path("next").isNull(), "the last page has no next: " + all.body());
    }

    @Test
    void anExplicitMixIsRankedExplainedAndHonoursTypeAndExclusions() throws Exception {
        var a = Http.postJson(web + "/discover",
                "{\"genres\":{\"Blues\":0.8,\"rock\":0.2},\"exclude\":[\"pop\"],\"type\":\"song\",\"limit\":5}", Map.of());
        assertEquals(200, a.status(), a.body());
        assertEquals(0.8, a.json().path("parsed").path("genres").path("blues").asDouble(), 1e-9, "display name resolved");
        assertEquals("pop", a.json().path("parsed").path("excluded").get(0).asText());
        List<JsonNode> items = items(a);
        assertFalse(items.isEmpty(), a.body());
        assertTrue(items.getFirst().path("genres").path("blues").asDouble() > 0, a.body());
        for (JsonNode item : items) {
            assertEquals("song", item.path("type").asText());
            assertEquals("blues", item.path("why").get(0).path("genre").asText());
        }
        var alias = Http.postJson(web + "/discover", "{\"genres\":{\"rnb\":1}}", Map.of());
        assertEquals(200, alias.status(), alias.body());
        assertTrue(alias.json().path("parsed").path("genres").has("rhythm and blues"), "alias resolved: " + alias.body());
    }

    @Test
    void itemDetailsDescribeTheItemAndAnswer304WhenUnchanged() throws Exception {
        JsonNode song = items(Http.get(web + "/search?q=rolling+in+the+deep&type=song&limit=1")).getFirst();
        var a = Http.get(web + "/items/song/" + song.path("id").asLong());
        assertEquals(200, a.status(), a.body());
        assertEquals("Rolling In The Deep", a.json().path("item").path("title").asText());
        assertEquals("Adele", a.json().path("item").path("artist").asText());
        assertTrue(a.json().path("artistId").isNumber());
        String etag = Http.header(a, "ETag");
        assertNotNull(etag);
        assertTrue(Http.header(a, "Cache-Control").contains("max-age="), Http.header(a, "Cache-Control"));
        var again = Http.get(web + "/items/song/" + song.path("id").asLong(), Map.of("If-None-Match", etag));
        assertEquals(304, again.status());

        var artist = Http.get(web + "/items/artist/" + a.json().path("artistId").asLong());
        assertEquals(200, artist.status(), artist.body());
        assertEquals("Adele", artist.json().path("item").path("title").asText());
        assertTrue(artist.json().path("songs").size() >= 2, "an artist lists her songs: " + artist.body());

        JsonNode playlist = items(Http.get(web + "/search?q=adele&type=playlist&limit=1")).getFirst();
        var p = Http.get(web + "/items/playlist/" + playlist.path("id").asLong());
        assertEquals(200, p.status(), p.body());
        assertEquals(playlist.path("size").asInt(), p.json().path("songs").size(), "a playlist lists its songs");

        var missing = Http.get(web + "/items/song/987654321");
        assertEquals(404, missing.status());
        assertEquals("not_found", missing.json().path("error").path("code").asText());
    }

    @Test
    void similarItemsLeaveTheSeedOut() throws Exception {
        JsonNode song = items(Http.get(web + "/search?q=hoochie+coochie+man&type=song&limit=1")).getFirst();
        long id = song.path("id").asLong();
        var a = Http.get(web + "/items/song/" + id + "/similar?type=song&limit=5");
        assertEquals(200, a.status(), a.body());
        assertEquals("similar", a.json().path("parsed").path("mode").asText());
        List<JsonNode> items = items(a);
        assertFalse(items.isEmpty(), a.body());
        assertTrue(items.stream().noneMatch(i -> i.path("id").asLong() == id), "the seed itself is not similar to itself");
        assertTrue(items.getFirst().path("genres").has("blues"), "closest to a blues song is blues: " + a.body());
    }

    @Test
    void aTitleTheParserTakesForAnArtistStillSeedsSimilarity() throws Exception {
        // the query parser reads "Jolene" here as an artist; the fixture has only Dolly Parton's song of that name
        var a = Http.get(web + "/search?q=songs+like+jolene&limit=5");
        assertEquals(200, a.status(), a.body());
        assertEquals("similar", a.json().path("parsed").path("mode").asText(), a.body());
        // the song is the seed, so the answer is its neighbours; before, no artist "jolene" meant no seed, and the
        // keyword fallback answered with the song itself
        assertFalse(items(a).isEmpty(), a.body());
        assertTrue(items(a).stream().noneMatch(i -> i.path("title").asText().equals("Jolene")), a.body());
    }

    @Test
    void similarSongsComeFromTheEmbeddingsOrElseFromGenreMixes() throws Exception {
        // the stack's embedding collection holds the songs of even catalogue id only (SystemStack.buildEmbeddings)
        List<JsonNode> songs = items(Http.postJson(web + "/discover",
                "{\"genres\":{\"blues\":1,\"rock\":1},\"type\":\"song\",\"limit\":50}", Map.of()));
        JsonNode known = songs.stream().filter(i -> i.path("id").asLong() % 2 == 0).findFirst().orElseThrow();
        JsonNode unknown = songs.stream().filter(i -> i.path("id").asLong() % 2 == 1).findFirst().orElseThrow();

        var fromEmbeddings = Http.get(web + "/items/song/" + known.path("id").asLong() + "/similar?type=song&limit=5");
        assertEquals(200, fromEmbeddings.status(), fromEmbeddings.body());
        assertTrue(fromEmbeddings.json().path("degraded").isEmpty(), fromEmbeddings.body());
        assertFalse(items(fromEmbeddings).isEmpty(), fromEmbeddings.body());
        assertTrue(items(fromEmbeddings).stream().allMatch(i -> i.path("id").asLong() % 2 == 0),
                "answered by the embedding collection: " + fromEmbeddings.body());

        String path = web + "/items/song/" + unknown.path("id").asLong() + "/similar?type=song&limit=5";
        var fromGenres = Http.get(path);
        assertEquals(200, fromGenres.status(), fromGenres.body());
        assertTrue(fromGenres.json().path("degraded").isEmpty(), "a seed without an embedding is not a failure: "
                + fromGenres.body());
        assertFalse(items(fromGenres).isEmpty(), fromGenres.body());
        assertTrue(items(fromGenres).stream().anyMatch(i -> i.path("id").asLong() % 2 == 1),
                "answered from the genre mixes: " + fromGenres.body());
        assertEquals("hit", Http.get(path).json().path("cache").asText(), "a complete answer is cached");
    }

    @Test
    void theGenreVocabularyHasHierarchyAliasesAndAnEtag() throws Exception {
        var a = Http.get(web + "/genres");
        assertEquals(200, a.status(), a.body());
        JsonNode rnb = null;
        JsonNode bluesRock = null;
        for (JsonNode g : a.json().path("genres")) {
            if (g.path("name").asText().equals("rhythm and blues")) {
                rnb = g;
            }
            if (g.path("name").asText().equals("blues rock")) {
                bluesRock = g;
            }
        }
        assertNotNull(rnb, a.body());
        assertTrue(rnb.path("aliases").toString().contains("rnb"), rnb.toString());
        assertNotNull(bluesRock);
        assertEquals("blues", bluesRock.path("parent").asText());
        assertEquals(304, Http.get(web + "/genres", Map.of("If-None-Match", Http.header(a, "ETag"))).status());
        var prefix = Http.get(web + "/genres?prefix=hip&limit=3");
        assertEquals(200, prefix.status(), prefix.body());
        assertEquals("hip hop", prefix.json().path("genres").get(0).path("name").asText(), prefix.body());
    }

    @Test
    void openApiDescribesEveryPublicEndpoint() throws Exception {
        var a = Http.get(stack.web.url() + "/q/openapi?format=json");
        assertEquals(200, a.status());
        for (String path : List.of("/api/v1/search", "/api/v1/discover", "/api/v1/items/{type}/{id}",
                "/api/v1/items/{type}/{id}/similar", "/api/v1/genres", "/api/v1/me")) {
            assertTrue(a.json().path("paths").has(path), path + " in " + a.json().path("paths").fieldNames());
        }
        assertEquals(200, stack.web.status("/q/swagger-ui/"));
    }

    @Test
    void coreInternalEndpointsNeedTheToken() throws Exception {
        assertEquals(401, Http.get(stack.core.url() + "/internal/v1/genres").status());
        assertEquals(401, Http.get(stack.core.url() + "/internal/v1/items/song/0").status());
        var ok = Http.get(stack.core.url() + "/internal/v1/genres", Map.of("X-Internal-Token", SystemStack.TOKEN));
        assertEquals(200, ok.status());
    }
}
