package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks every Compose stack must pass (docker-compose.yml alone, and with docker-compose.scale.yml on top). */
public final class ComposeChecks {
    private ComposeChecks() {
    }

    /** A one-shot job (ingest, build-index) says so with {@code restart: "no"}; everything else runs for good. */
    public static boolean oneShot(JsonNode service) {
        return "no".equals(service.path("restart").asText());
    }

    /**
     * Long-running services have a healthcheck; every dependency exists and waits the right way: for a job to
     * have completed successfully, for a long-running service to be healthy (started is not enough: the JVM
     * listens seconds before it can answer).
     */
    public static void healthchecksAndDependencies(JsonNode services) {
        services.properties().forEach(e -> {
            if (!oneShot(e.getValue())) {
                assertFalse(e.getValue().path("healthcheck").path("test").isMissingNode(), e.getKey() + " healthcheck");
            }
            e.getValue().path("depends_on").properties().forEach(dep -> {
                assertTrue(services.has(dep.getKey()), e.getKey() + " depends on unknown " + dep.getKey());
                String expected = oneShot(services.get(dep.getKey())) ? "service_completed_successfully"
                        : "service_healthy";
                assertEquals(expected, dep.getValue().path("condition").asText(), e.getKey() + " → " + dep.getKey());
            });
        });
    }

    /** The dependency graph has no cycle (Compose would refuse to start), so a start order exists. */
    public static List<String> startOrder(JsonNode services) {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        services.fieldNames().forEachRemaining(name -> visit(services, name, visiting, order));
        return order;
    }

    private static void visit(JsonNode services, String name, Set<String> visiting, List<String> order) {
        if (order.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            fail("depends_on cycle through " + name);
        }
        services.path(name).path("depends_on").fieldNames().forEachRemaining(d -> visit(services, d, visiting, order));
        visiting.remove(name);
        order.add(name);
    }

    /**
     * Healthchecks call only what their image has: the JVM images (eclipse-temurin 25 JRE) have neither curl nor
     * wget, so they run docker/healthcheck, which Dockerfile.jvm copies in; nginx's alpine image has busybox wget.
     */
    public static void healthchecksUseToolsTheImageHas(JsonNode services) {
        String jvmDockerfile = DeployFiles.read("docker/Dockerfile.jvm");
        assertTrue(jvmDockerfile.contains("docker/healthcheck /usr/local/bin/healthcheck"), "Dockerfile.jvm copies it");
        assertTrue(Files.isExecutable(DeployFiles.path("docker/healthcheck")), "docker/healthcheck is executable");
        services.properties().forEach(e -> {
            JsonNode test = e.getValue().path("healthcheck").path("test");
            if (test.isMissingNode()) {
                return;
            }
            String command = test.toString();
            assertFalse(command.contains("curl"), e.getKey() + ": no image here has curl: " + command);
            if (e.getValue().path("build").path("dockerfile").asText().equals("docker/Dockerfile.jvm")) {
                assertEquals("CMD", test.get(0).asText(), e.getKey());
                assertEquals("healthcheck", test.get(1).asText(), e.getKey());
                int port = DeployFiles.defaultPort(e.getKey());
                assertEquals(String.valueOf(port), test.get(2).asText(), e.getKey() + " probes its own port");
                assertEquals("/q/health/ready", test.get(3).asText(), e.getKey());
            }
            if (e.getValue().path("image").asText().startsWith("nginx:")) {
                assertEquals("wget", test.get(1).asText(), e.getKey());
            }
        });
    }

    /** Every DISCOVERY_* variable set is one the product reads (a typo would be silently ignored). */
    public static void onlyKnownVariables(JsonNode services) {
        Set<String> known = DeployFiles.knownDiscoveryVariables();
        services.properties().forEach(e -> DeployFiles.discoveryVariablesIn(e.getValue().path("environment"))
                .keySet().forEach(v -> assertTrue(known.contains(v), e.getKey() + " sets unknown " + v)));
    }

    /** The environment of a service as name → value (mapping form, merge keys already resolved). */
    public static Map<String, String> env(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** The services that publish host ports. */
    public static Set<String> published(JsonNode services) {
        Set<String> out = new HashSet<>();
        services.properties().forEach(e -> {
            JsonNode ports = e.getValue().path("ports");
            if (ports.isArray() && !ports.isEmpty()) {
                out.add(e.getKey());
            }
        });
        return out;
    }
}
