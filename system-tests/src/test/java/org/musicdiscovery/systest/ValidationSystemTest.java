package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every public input rule is a 400 naming the field, never a 500, over real HTTP. */
class ValidationSystemTest {
    static SystemStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = SystemStack.get();
    }

    static void assertBadRequest(Http.Answer a, String field) {
        assertEquals(400, a.status(), a.body());
        assertEquals(field, a.json().path("error").path("field").asText(), a.body());
        assertFalse(a.json().path("error").path("message").asText().isBlank());
        assertFalse(a.body().contains("Exception"), "no stack trace: " + a.body());
    }

    @ParameterizedTest(name = "POST /discover {0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"genres\":{\"blues\":-0.1}}|genres",
        "{\"genres\":{\"blues\":1e400}}|genres",
        "{\"genres\":{\"blues\":\"NaN\"}}|genres",
        "{\"genres\":{\"blues\":0,\"rock\":0}}|genres",
        "{\"genres\":{}}|genres",
        "{\"exclude\":[\"pop\"]}|genres",
        "{\"genres\":{\"no such genre\":1}}|genres",
        "{\"genres\":{\"blues\":1},\"exclude\":[\"no such genre\"]}|exclude",
        "{\"genres\":{\"blues\":1},\"mood\":\"happy\"}|mood",
        "{\"genres\":{\"blues\":1},\"limit\":\"5\"}|limit",
        "{\"genres\":{\"blues\":1},\"limit\":2.5}|limit",
        "{\"genres\":{\"blues\":1},\"limit\":0}|limit",
        "{\"genres\":{\"blues\":1},\"limit\":101}|limit",
        "{\"genres\":{\"blues\":1},\"offset\":1001}|offset",
        "{\"genres\":{\"blues\":1},\"type\":\"album\"}|type",
        "{\"genres\":{\"blues\":1,\"blues\":2}}|genres",
        "{\"genres\":{\"blues\":1}} trailing|body",
        "[1,2]|body",
        "not json|body",
    })
    void discoverBodies(String body, String field) throws Exception {
        assertBadRequest(Http.postJson(stack.web.url() + "/api/v1/discover", body, Map.of()), field);
    }

    @ParameterizedTest(name = "POST /discover with {0} genres -> 400")
    @CsvSource({"21"})
    void tooManyGenres(int n) throws Exception {
        var body = new StringBuilder("{\"genres\":{");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("\"g").append(i).append("\":1");
        }
        assertBadRequest(Http.postJson(stack.web.url() + "/api/v1/discover", body + "}}", Map.of()), "genres");
    }

    @ParameterizedTest(name = "non-UTF-8 and oversized bodies -> 400 on body")
    @CsvSource({"latin1", "empty"})
    void bodiesThatAreNotUtf8OrEmpty(String kind) throws Exception {
        byte[] body = kind.equals("latin1") ? "{\"genres\":{\"café\":1}}".getBytes(StandardCharsets.ISO_8859_1)
                : new byte[0];
        assertBadRequest(Http.postBytes(stack.web.url() + "/api/v1/discover", body, Map.of()), "body");
    }

    @org.junit.jupiter.api.Test
    void anOversizedBodyIs413WithTheErrorBody() throws Exception {
        byte[] body = ("{\"genres\":{\"blues\":1},\"type\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        var a = Http.postBytes(stack.web.url() + "/api/v1/discover", body, Map.of());
        assertEquals(413, a.status(), a.body());
        assertEquals("body", a.json().path("error").path("field").asText(), a.body());
    }

    @ParameterizedTest(name = "GET {0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/items/album/1|type",
        "/api/v1/items/song/-1|id",
        "/api/v1/items/song/abc|id",
        "/api/v1/items/song/99999999999999999999|id",
        "/api/v1/items/song/1/similar?limit=0|limit",
        "/api/v1/items/song/1/similar?type=album|type",
        "/api/v1/items/song/1/similar?offset=x|offset",
        "/api/v1/search?q=%FF%FE|q",
        "/api/v1/search?q=%ED%A0%80|q",
    })
    void pathAndQueryRules(String path, String field) throws Exception {
        assertBadRequest(Http.get(stack.web.url() + path), field);
    }

    @ParameterizedTest(name = "genre prefix of {0} characters -> 400")
    @CsvSource({"101"})
    void longPrefix(int n) throws Exception {
        assertBadRequest(Http.get(stack.web.url() + "/api/v1/genres?prefix=" + "a".repeat(n)), "prefix");
    }
}
