package org.musicdiscovery.vectorsearch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * strategy auto | trees | exact over HTTP: auto answers genre mixes from the sparse index and everything else from
 * the trees, says so in the response, and both paths give the same shape and the same scores.
 */
@QuarkusTest
@QuarkusTestResource(TestCollections.class)
class StrategyApiTest {
    @Inject
    MeterRegistry meters;

    static JsonPath search(String collection, String body) {
        return given().header("X-Internal-Token", SearchApiTest.TOKEN).contentType(ContentType.JSON).body(body)
                .post("/v1/collections/" + collection + "/search").then().statusCode(200).extract().jsonPath();
    }

    /** What a candidate says, in order: identity, both scores, provenance. */
    static List<String> described(JsonPath r) {
        List<Map<String, Object>> candidates = r.getList("candidates");
        return candidates.stream().map(c -> c.get("type") + ":" + c.get("id") + " dot=" + c.get("dot") + " cos="
                + c.get("angular")).toList();
    }

    @Test
    void autoAnswersGenreMixesExactlyAndTheTreesAgreeWhenTheySearchEverything() {
        String mix = "\"genres\":{\"blues\":0.6,\"rock\":0.4},\"k\":25";
        JsonPath auto = search("genre", "{" + mix + "}");
        assertEquals("exact", auto.getString("strategy"));
        JsonPath exact = search("genre", "{" + mix + ",\"strategy\":\"exact\"}");
        assertEquals("exact", exact.getString("strategy"));
        JsonPath trees = search("genre", "{" + mix + ",\"strategy\":\"trees\",\"searchK\":1000000}");
        assertEquals("trees", trees.getString("strategy"), "trees stay selectable");
        assertEquals(25, described(exact).size());
        assertEquals(described(exact), described(auto));
        assertEquals(described(exact), described(trees), "same items, order and scores from both paths");
        assertTrue(exact.getMap("timings").containsKey("total"));
    }

    @Test
    void eachSearchIsTimedPerStageUnderTheStrategyThatAnswered() {
        long exactBefore = searches("exact", "total"), treesBefore = searches("trees", "total");
        search("genre", "{\"genres\":{\"soul\":0.7,\"funk\":0.3},\"k\":5}");
        search("genre", "{\"genres\":{\"soul\":0.2,\"funk\":0.8},\"k\":5}");
        search("genre", "{\"genres\":{\"soul\":0.5,\"funk\":0.5},\"k\":5,\"strategy\":\"trees\"}");
        assertEquals(exactBefore + 2, searches("exact", "total"), "one timing per search, under its strategy");
        assertEquals(treesBefore + 1, searches("trees", "total"));
    }

    private long searches(String strategy, String stage) {
        Timer t = meters.find("vector.search.time").tags("collection", "genre", "strategy", strategy, "stage", stage)
                .timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void theExactPathFiltersTypesInsideAndKeepsTheResponseShape() {
        JsonPath r = search("genre", "{\"genres\":{\"jazz\":1},\"k\":40,\"types\":[\"artist\"],"
                + "\"includeVectors\":true}");
        assertEquals("exact", r.getString("strategy"));
        List<Map<String, Object>> candidates = r.getList("candidates");
        assertEquals(40, candidates.size());
        for (Map<String, Object> c : candidates) {
            assertEquals("artist", c.get("type"));
            assertTrue(c.containsKey("dot") && c.containsKey("angular") && c.containsKey("foundBy")
                    && c.containsKey("genres"), c.toString());
        }
        JsonPath seed = search("genre", "{\"item\":\"song:1001\",\"k\":10}");
        assertEquals("exact", seed.getString("strategy"), "an item seed of the genre collection is sparse too");
        assertTrue(seed.getList("candidates").stream().noneMatch(c -> "1001".equals(String.valueOf(
                ((Map<?, ?>) c).get("id"))) && "song".equals(((Map<?, ?>) c).get("type"))), "the seed is left out");
    }

    @Test
    void denseQueriesAndDenseCollectionsGoToTheTrees() {
        JsonPath signed = search("genre", "{\"vector\":[-0.1,1,0,0,0.5,0],\"k\":5}");
        assertEquals("trees", signed.getString("strategy"), "a negative weight is not for the sparse index");
        JsonPath embedding = search("embedding", "{\"vector\":[0.3,-1.2,0.5,0,1,0.2,-0.4,0.9],\"k\":5}");
        assertEquals("trees", embedding.getString("strategy"));
        assertEquals(5, embedding.getList("candidates").size());
        given().header("X-Internal-Token", SearchApiTest.TOKEN).contentType(ContentType.JSON)
                .body("{\"vector\":[0.3,1.2,0.5,0,1,0.2,0.4,0.9],\"strategy\":\"exact\"}")
                .post("/v1/collections/embedding/search").then().statusCode(400)
                .body("error.field", equalTo("strategy")).body("error.code", equalTo("invalid_strategy"))
                .body("error.message", containsString("no sparse index"));
    }
}
