package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml is checked statically: valid YAML, every service the product
 * needs, healthchecks, depends_on pointing at real services, builds pointing at real modules, and only the web
 * layer published.
 */
class ComposeFileTest {
    static Path root;
    static JsonNode services;

    @BeforeAll
    static void load() throws Exception {
        root = Path.of(System.getProperty("user.dir")).getParent();
        services = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile())
                .path("services");
    }

    @Test
    void declaresTheWholeStack() {
        Set<String> names = new HashSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertTrue(names.containsAll(List.of("postgres", "redis", "ingest", "build-index", "vector-search",
                "core-discovery", "web-layer")), names.toString());
    }

    @Test
    void everyLongRunningServiceHasAHealthcheckAndValidDependencies() {
        services.fields().forEachRemaining(e -> {
            boolean oneShot = "no".equals(e.getValue().path("restart").asText());
            if (!oneShot) {
                assertFalse(e.getValue().path("healthcheck").path("test").isMissingNode(), e.getKey());
            }
            e.getValue().path("depends_on").fieldNames().forEachRemaining(dep ->
                    assertTrue(services.has(dep), e.getKey() + " depends on unknown " + dep));
        });
    }

    @Test
    void buildsPointAtRealModulesAndDockerfiles() {
        services.fields().forEachRemaining(e -> {
            JsonNode build = e.getValue().path("build");
            if (build.isMissingNode()) {
                return;
            }
            assertTrue(Files.isRegularFile(root.resolve(build.path("dockerfile").asText())), e.getKey());
            String module = build.path("args").path("MODULE").asText();
            if (!module.isEmpty()) {
                assertTrue(Files.isRegularFile(root.resolve(module).resolve("pom.xml")), e.getKey() + " " + module);
            }
        });
    }

    @Test
    void onlyTheWebLayerIsPublished() {
        services.fields().forEachRemaining(e -> {
            boolean published = e.getValue().has("ports");
            assertEquals(e.getKey().equals("web-layer"), published, e.getKey());
        });
        assertEquals("8080:8080", services.path("web-layer").path("ports").get(0).asText());
    }
}
