package org.musicdiscovery.vectorsearch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.Candidate;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/** The search API over real HTTP and real memory-mapped index files. */
@QuarkusTest
@QuarkusTestResource(TestCollections.class)
class SearchApiTest {
    static final String TOKEN = "dev-only-internal-token";

    static Response search(String body) {
        return given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON).body(body)
                .post("/v1/collections/genre/search");
    }

    static List<Map<String, Object>> candidates(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getList("candidates");
    }

    static String key(Map<String, Object> c) {
        return c.get("type") + ":" + c.get("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "trees"}) // auto answers genre mixes exactly; trees walks both forests at once
    void bothTreesReturnTheUnionOfEachTreeWithProvenance(String strategy) {
        String mix = "\"genres\":{\"blues\":0.7,\"rock\":0.3},\"k\":30,\"searchK\":200,\"strategy\":\""
                + strategy + "\"";
        Set<String> dot = new HashSet<>(), angular = new HashSet<>();
        candidates(search("{" + mix + ",\"trees\":\"dot\"}")).forEach(c -> dot.add(key(c)));
        candidates(search("{" + mix + ",\"trees\":\"angular\"}")).forEach(c -> angular.add(key(c)));
        Set<String> union = new HashSet<>(dot);
        union.addAll(angular);
        List<Map<String, Object>> both = candidates(search("{" + mix + ",\"trees\":\"both\"}"));
        assertEquals(Math.min(30, union.size()), both.size());
        double last = Double.MAX_VALUE;
        for (Map<String, Object> c : both) {
            String k = key(c);
            assertTrue(union.contains(k), k + " came from neither tree");
            @SuppressWarnings("unchecked")
            Set<String> foundBy = new HashSet<>((List<String>) c.get("foundBy"));
            assertEquals(dot.contains(k), foundBy.contains("dot"), k);
            assertEquals(angular.contains(k), foundBy.contains("angular"), k);
            double cos = ((Number) c.get("angular")).doubleValue();
            assertTrue(cos <= last + 1e-9, "ordered by cosine");
            last = cos;
        }
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        List<Map<String, Object>> artists = candidates(search("{\"genres\":{\"jazz\":1},\"k\":40,\"types\":[\"artist\"]}"));
        assertEquals(40, artists.size(), "rare types are over-fetched until k are found");
        artists.forEach(c -> assertEquals("artist", c.get("type")));
    }

    @Test
    void factsComeWithTheVectorsWhenTheCollectionHasThem() {
        for (var c : candidates(search("{\"genres\":{\"funk\":0.6,\"soul\":0.4},\"k\":50,\"includeVectors\":true}"))) {
            long id = ((Number) c.get("id")).longValue();
            assertEquals(TestCollections.popularity(id), ((Number) c.get("popularity")).doubleValue(), key(c));
            assertEquals(c.get("type").equals("song") ? TestCollections.duplicate(id) : 0L,
                    ((Number) c.get("duplicate")).longValue(), key(c));
        }
        var bare = candidates(search("{\"genres\":{\"funk\":1},\"k\":5}")).getFirst();
        assertTrue(!bare.containsKey("popularity") && !bare.containsKey("duplicate"), "asked without vectors: " + bare);
        var dense = given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON)
                .body("{\"item\":\"song:1002\",\"k\":5,\"includeVectors\":true}")
                .post("/v1/collections/embedding/search");
        candidates(dense).forEach(c -> assertTrue(!c.containsKey("popularity"), "no facts in that collection: " + c));
    }

    @Test
    void storedVectorsComeBackByGenreName() {
        Map<String, Object> first = candidates(search("{\"genres\":{\"soul\":1},\"k\":1,\"includeVectors\":true}"))
                .getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Number> genres = (Map<String, Number>) first.get("genres");
        assertTrue(genres.containsKey("soul"), genres.toString());
        assertEquals(1.0, genres.values().stream().mapToDouble(Number::doubleValue).sum(), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exact", "trees"})
    void eachCandidatesGenresAreItsOwnLargestFirst(String strategy) {
        // the reported dot product is computed from the stored vector: another item's genres would not give it
        List<Map<String, Object>> found = candidates(search("{\"genres\":{\"funk\":0.6,\"soul\":0.4},\"k\":40,"
                + "\"searchK\":400,\"includeVectors\":true,\"strategy\":\"" + strategy + "\"}"));
        assertEquals(40, found.size());
        for (Map<String, Object> c : found) {
            @SuppressWarnings("unchecked")
            Map<String, Number> genres = (Map<String, Number>) c.get("genres");
            double dot = 0.6 * genres.getOrDefault("funk", 0).doubleValue()
                    + 0.4 * genres.getOrDefault("soul", 0).doubleValue();
            assertEquals(((Number) c.get("dot")).doubleValue(), dot, 1e-5, key(c) + " " + genres);
            double previous = Double.MAX_VALUE;
            for (Number w : genres.values()) {
                assertTrue(w.doubleValue() != 0 && w.doubleValue() <= previous, key(c) + " " + genres);
                previous = w.doubleValue();
            }
        }
    }

    @Test
    void moreLikeThisLeavesTheSeedOut() {
        List<Map<String, Object>> similar = candidates(search("{\"item\":\"song:1001\",\"k\":10}"));
        assertEquals(10, similar.size());
        similar.forEach(c -> assertTrue(!"song:1001".equals(c.get("type") + ":" + c.get("id"))));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"genres\":{\"bluez\":1}}|genres",
        "{\"genres\":{\"blues\":-0.5}}|genres",
        "{\"genres\":{\"blues\":0}}|genres",
        "{\"vector\":[1,2]}|vector",
        "{\"genres\":{\"blues\":1},\"k\":0}|k",
        "{\"genres\":{\"blues\":1},\"k\":5000}|k",
        "{\"genres\":{\"blues\":1},\"searchK\":-5}|searchK",
        "{\"genres\":{\"blues\":1},\"trees\":\"kd\"}|trees",
        "{\"genres\":{\"blues\":1},\"strategy\":\"fastest\"}|strategy",
        "{\"vector\":[-0.5,1,0,0,0,0],\"strategy\":\"exact\"}|strategy",
        "{\"genres\":{\"blues\":1},\"types\":[\"album\"]}|types",
        "{\"genres\":{\"blues\":1},\"vector\":[1,0,0,0,0,0]}|query",
        "{}|query",
    })
    void badRequestsAre400NamingTheField(String body, String field) {
        search(body).then().statusCode(400).body("error.field", equalTo(field));
    }

    @Test
    void malformedJsonAndNaNAre400() {
        search("{\"genres\":{\"blues\":NaN}}").then().statusCode(400);
        search("{\"genres\":").then().statusCode(400);
    }

    @Test
    void anItemTheCollectionDoesNotHoldIs404NamingIt() {
        search("{\"item\":\"song:999999\"}").then().statusCode(404)
                .body("error.code", equalTo("unknown_item"), "error.field", equalTo("item"));
        search("{\"item\":\"song:x\"}").then().statusCode(400).body("error.field", equalTo("item"));
    }

    @Test
    void unknownCollectionIs404AndMissingTokenIs401() {
        given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON).body("{\"vector\":[1]}")
                .post("/v1/collections/nope/search").then().statusCode(404).body("error.code",
                        equalTo("unknown_collection"));
        given().contentType(ContentType.JSON).body("{\"genres\":{\"blues\":1}}")
                .post("/v1/collections/genre/search").then().statusCode(401);
    }
    @Test
    void smileIsServedWhenAskedForAndCarriesTheSameAnswer() throws Exception {
        String body = "{\"genres\":{\"funk\":0.6,\"soul\":0.4},\"k\":50,\"includeVectors\":true}";
        Response json = search(body);
        json.then().statusCode(200).contentType(ContentType.JSON);
        Response smile = given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON)
                .accept(SmileBodies.MEDIA_TYPE + ", application/json;q=0.5").body(body)
                .post("/v1/collections/genre/search");
        smile.then().statusCode(200).contentType(SmileBodies.MEDIA_TYPE);
        byte[] bytes = smile.asByteArray();
        assertTrue(bytes.length < json.asByteArray().length * 3 / 4, "smaller than JSON: " + bytes.length);
        var fromSmile = SmileBodies.mapper().readValue(bytes, SearchResponse.class);
        var fromJson = new ObjectMapper().readValue(json.asByteArray(), SearchResponse.class);
        assertEquals(50, fromSmile.candidates().size());
        assertEquals(fromJson.candidates().stream().map(SearchApiTest::comparable).toList(),
                fromSmile.candidates().stream().map(SearchApiTest::comparable).toList());
        // errors stay JSON whatever was asked for, so every caller can read them
        given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON).accept(SmileBodies.MEDIA_TYPE)
                .body("{\"genres\":{\"funk\":-1}}").post("/v1/collections/genre/search").then().statusCode(400)
                .contentType(ContentType.JSON).body("error.field", equalTo("genres"));
    }

    @Test
    void theCandidatesLayoutIsServedToWhoAsksFirstForItAndCarriesTheSameAnswer() throws Exception {
        String body = "{\"genres\":{\"blues\":0.7,\"rock\":0.3},\"k\":60,\"includeVectors\":true}";
        Response json = search(body);
        // what core's client sends: the layout first, Smile and JSON as fallbacks
        Response binary = given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON)
                .accept(CandidatesCodec.MEDIA_TYPE + ", " + SmileBodies.MEDIA_TYPE + ";q=0.8, application/json;q=0.5")
                .body(body).post("/v1/collections/genre/search");
        binary.then().statusCode(200).contentType(CandidatesCodec.MEDIA_TYPE);
        var fromJson = new ObjectMapper().readValue(json.asByteArray(), SearchResponse.class);
        var fromBinary = CandidatesCodec.read(binary.asByteArray());
        assertEquals(60, fromBinary.candidates().size());
        assertEquals(fromJson.version(), fromBinary.version());
        assertEquals(fromJson.candidates().stream().map(SearchApiTest::comparable).toList(),
                fromBinary.candidates().stream().map(SearchApiTest::comparable).toList());
        // only asked for: a caller naming Smile and JSON still gets Smile
        given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON)
                .accept(SmileBodies.MEDIA_TYPE + ", application/json;q=0.5").body(body)
                .post("/v1/collections/genre/search").then().statusCode(200).contentType(SmileBodies.MEDIA_TYPE);
        // errors stay JSON
        given().header("X-Internal-Token", TOKEN).contentType(ContentType.JSON).accept(CandidatesCodec.MEDIA_TYPE)
                .body("{\"genres\":{}}").post("/v1/collections/genre/search").then().statusCode(400)
                .contentType(ContentType.JSON).body("error.field", equalTo("genres"));
    }

    @Test
    void aQuestionSentAsSmileGetsTheAnswerOfTheSameQuestionInJson() throws Exception {
        var request = new SearchRequest(Map.of("funk", 0.6, "soul", 0.4), null, null, 50, null, null,
                List.of("song"), true);
        Response json = search(new ObjectMapper().writeValueAsString(request));
        Response smile = given().header("X-Internal-Token", TOKEN).contentType(SmileBodies.MEDIA_TYPE)
                .body(SmileBodies.mapper().writeValueAsBytes(request)).post("/v1/collections/genre/search");
        smile.then().statusCode(200).contentType(ContentType.JSON);
        var fromJson = new ObjectMapper().readValue(json.asByteArray(), SearchResponse.class);
        var fromSmile = new ObjectMapper().readValue(smile.asByteArray(), SearchResponse.class);
        assertEquals(50, fromSmile.candidates().size());
        assertTrue(fromSmile.candidates().stream().allMatch(c -> c.type().equals("song")));
        assertEquals(fromJson.candidates().stream().map(SearchApiTest::comparable).toList(),
                fromSmile.candidates().stream().map(SearchApiTest::comparable).toList());
        // a body that is not Smile is the caller's error, named as such
        given().header("X-Internal-Token", TOKEN).contentType(SmileBodies.MEDIA_TYPE).body(new byte[] {1, 2, 3})
                .post("/v1/collections/genre/search").then().statusCode(400).contentType(ContentType.JSON)
                .body("error.code", notNullValue());
    }

    /** A candidate with its float vector as a list: records compare arrays by identity. */
    static List<Object> comparable(Candidate c) {
        return Arrays.asList(c.type(), c.id(), c.dot(), c.angular(), c.foundBy(), c.genres(),
                c.vector() == null ? null : Arrays.toString(c.vector()), c.popularity(), c.duplicate());
    }
}
