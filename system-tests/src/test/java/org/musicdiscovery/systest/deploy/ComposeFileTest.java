package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so docker-compose.yml is checked statically: valid YAML, every service the product
 * needs, healthchecks that can run in their images, depends_on pointing at real services with the right
 * condition, builds pointing at real modules, known environment variables, and only the web layer published.
 */
class ComposeFileTest {
    static JsonNode compose;
    static JsonNode services;

    @BeforeAll
    static void load() {
        compose = DeployFiles.yaml("docker-compose.yml");
        services = compose.path("services");
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
        // restart: "no" marks the jobs; pinning the set keeps a service from escaping the healthcheck rule by it
        assertEquals(Set.of("ingest", "build-index"), oneShots());
        ComposeChecks.healthchecksAndDependencies(services);
        List<String> order = ComposeChecks.startOrder(services);
        assertTrue(order.indexOf("build-index") < order.indexOf("vector-search"), order.toString());
    }

    @Test
    void healthchecksUseToolsTheirImagesHave() {
        ComposeChecks.healthchecksUseToolsTheImageHas(services);
    }

    @Test
    void buildsPointAtRealModulesAndDockerfiles() {
        services.properties().forEach(e -> {
            JsonNode build = e.getValue().path("build");
            if (build.isMissingNode()) {
                return;
            }
            assertTrue(Files.isRegularFile(DeployFiles.path(build.path("dockerfile").asText())), e.getKey());
            String module = build.path("args").path("MODULE").asText();
            if (!module.isEmpty()) {
                assertTrue(Files.isRegularFile(DeployFiles.path(module).resolve("pom.xml")), e.getKey() + " " + module);
                assertEquals(DeployFiles.MODULES.get(e.getKey()), module, e.getKey());
            }
            assertTrue(e.getValue().path("image").asText().startsWith("music-discovery/"), e.getKey() + " image name");
        });
    }

    @Test
    void environmentUsesOnlyKnownVariablesAndNoDefaultToken() {
        ComposeChecks.onlyKnownVariables(services);
        // a default token would be a well-known secret: the file must refuse to start without one
        assertTrue(DeployFiles.read("docker-compose.yml").contains("${DISCOVERY_INTERNAL_TOKEN:?"),
                "DISCOVERY_INTERNAL_TOKEN must be required");
        for (String tier : DeployFiles.MODULES.keySet()) {
            assertTrue(ComposeChecks.env(services.get(tier)).containsKey("DISCOVERY_INTERNAL_TOKEN"), tier);
        }
        // internal services bind loopback by default: in a container they must listen on all interfaces
        assertEquals("0.0.0.0", ComposeChecks.env(services.get("core-discovery")).get("DISCOVERY_CORE_HOST"));
        assertEquals("0.0.0.0", ComposeChecks.env(services.get("vector-search")).get("DISCOVERY_VECTOR_HOST"));
    }

    @Test
    void theIndexIsWrittenByTheBuildAndMountedReadOnlyByVectorSearch() {
        assertTrue(services.path("vector-search").path("volumes").toString().contains("index:/var/discovery/index:ro"));
        assertTrue(services.path("build-index").path("volumes").toString().contains("\"index:/var/discovery/index\""));
        assertEquals("/var/discovery/index",
                ComposeChecks.env(services.get("vector-search")).get("DISCOVERY_INDEX_DIR"));
    }

    @Test
    void onlyTheWebLayerIsPublished() {
        assertEquals(Set.of("web-layer"), ComposeChecks.published(services));
        assertEquals("8080:8080", services.path("web-layer").path("ports").get(0).asText());
    }

    private static Set<String> oneShots() {
        Set<String> out = new HashSet<>();
        services.properties().forEach(e -> {
            if (ComposeChecks.oneShot(e.getValue())) {
                out.add(e.getKey());
            }
        });
        return out;
    }
}
