package org.musicdiscovery.vectorsearch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.collections.CollectionBuilder;

/**
 * New index versions swap in under a concurrent query loop (answered by the sparse index, auto) without a failed
 * request; a version with a bad tree file or a bad sparse file is refused and the old one keeps serving.
 */
@QuarkusTest
@QuarkusTestResource(TestCollections.class)
class HotSwapTest {

    static String servedVersion() {
        List<Map<String, Object>> statuses = given().header("X-Internal-Token", SearchApiTest.TOKEN)
                .get("/v1/collections").then().statusCode(200).extract().jsonPath().getList("$");
        return statuses.stream().filter(s -> "genre".equals(s.get("collection"))).map(s -> (String) s.get("version"))
                .findFirst().orElse(null);
    }

    static Map<String, Object> reload() {
        List<Map<String, Object>> statuses = given().header("X-Internal-Token", SearchApiTest.TOKEN)
                .post("/v1/admin/reload").then().statusCode(200).extract().jsonPath().getList("$");
        return statuses.stream().filter(s -> "genre".equals(s.get("collection"))).findFirst().orElseThrow();
    }

    @Test
    void swapsUnderLoadWithoutAFailureAndRefusesATruncatedVersion() throws Exception {
        String v1 = servedVersion();
        assertNotNull(v1);
        var stop = new AtomicBoolean();
        var ok = new AtomicInteger();
        var failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            loops.add(pool.submit(() -> {
                while (!stop.get()) {
                    var r = given().header("X-Internal-Token", SearchApiTest.TOKEN).contentType(ContentType.JSON)
                            .body("{\"genres\":{\"funk\":0.6,\"soul\":0.4},\"k\":20}")
                            .post("/v1/collections/genre/search");
                    if (r.statusCode() == 200 && r.jsonPath().getList("candidates").size() == 20) {
                        ok.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            failures.add(r.statusCode() + " " + r.asString());
                        }
                    }
                }
            }));
        }
        Thread.sleep(300);
        String previous = v1;
        for (long seed = 2; seed <= 4; seed++) {
            TestCollections.buildGenre(seed);
            reload();
            String now = servedVersion();
            assertNotEquals(previous, now, "a new version is served after reload");
            previous = now;
            Thread.sleep(200);
        }
        // a version whose dot index lost its tail must be refused while the previous one keeps answering
        Path bad = TestCollections.buildGenre(5);
        try (FileChannel ch = FileChannel.open(bad.resolve("dot.annoy"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        Map<String, Object> status = reload();
        assertEquals(previous, status.get("version"), "the old version keeps serving");
        assertTrue(String.valueOf(status.get("lastError")).contains(bad.getFileName().toString()), status.toString());
        // so must a version whose sparse index was damaged (here: a flipped byte the checksum catches)
        Path badSparse = TestCollections.buildGenre(6);
        Path postings = badSparse.resolve(CollectionBuilder.SPARSE_FILE);
        byte[] bytes = Files.readAllBytes(postings);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(postings, bytes);
        status = reload();
        assertEquals(previous, status.get("version"), "the old version keeps serving");
        assertTrue(String.valueOf(status.get("lastError")).contains(CollectionBuilder.SPARSE_FILE), status.toString());
        Thread.sleep(300);
        stop.set(true);
        for (Future<?> loop : loops) {
            loop.get();
        }
        pool.shutdown();
        assertEquals(0, failed.get(), "failed requests during swaps: " + failures.stream().limit(3).toList());
        assertTrue(ok.get() > 20, "the loop kept querying: " + ok.get());
        given().header("X-Internal-Token", SearchApiTest.TOKEN).get("/q/health/ready").then().statusCode(200);
    }
}
