package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.scale.yml, statically: merged onto docker-compose.yml as Compose merges it, the stack still passes
 * every base check; each tier has replicas; only the nginx edge is published; each nginx config fronts the
 * service and port the Compose file and the service's own application.properties agree on; callers reach the
 * next tier through its balancer; the start-up order has no cycle.
 */
class ComposeScaleOutTest {
    static final List<String> TIERS = List.of("vector-search", "core-discovery", "web-layer");
    /** which caller variable must reach which tier */
    static final Map<String, String> URL_TARGETS = Map.of(
            "DISCOVERY_CORE_URL", "core-discovery",
            "DISCOVERY_VECTOR_URL", "vector-search");

    static JsonNode scale;
    static JsonNode services;

    @BeforeAll
    static void load() {
        scale = DeployFiles.yaml("docker-compose.scale.yml").path("services");
        services = DeployFiles.composeMerge(DeployFiles.yaml("docker-compose.yml"),
                DeployFiles.yaml("docker-compose.scale.yml")).path("services");
    }

    @Test
    void theMergedStackPassesTheBaseChecks() {
        ComposeChecks.healthchecksAndDependencies(services);
        ComposeChecks.healthchecksUseToolsTheImageHas(services);
        ComposeChecks.onlyKnownVariables(services);
        scale.properties().forEach(e -> assertTrue(DeployFiles.yaml("docker-compose.yml").path("services")
                .has(e.getKey()) || e.getValue().has("image"), e.getKey() + ": new services need an image"));
    }

    @Test
    void startUpIsAChainFromTheIndexToTheEdge() {
        List<String> order = ComposeChecks.startOrder(services);
        List<String> chain = List.of("build-index", "vector-search", "vector-lb", "core-discovery", "core-lb",
                "web-layer", "edge");
        for (int i = 1; i < chain.size(); i++) {
            assertTrue(order.indexOf(chain.get(i - 1)) < order.indexOf(chain.get(i)), order.toString());
        }
    }

    @Test
    void everyTierIsReplicatedAndPublishesNothing() {
        for (String tier : TIERS) {
            JsonNode s = services.get(tier);
            assertTrue(s.path("deploy").path("replicas").asInt() >= 2, tier + " replicas");
            assertFalse(s.has("container_name"), tier + ": a fixed container name prevents replicas");
            assertFalse(s.path("restart").asText().equals("no"), tier);
        }
        assertEquals(Set.of("edge"), ComposeChecks.published(services));
        assertEquals("8080:8080", services.path("edge").path("ports").get(0).asText());
        // without !reset Compose would merge the base's "8080:8080" into the web-layer replicas
        assertTrue(DeployFiles.isReset(scale.path("web-layer").path("ports")), "web-layer ports: !reset []");
    }

    @Test
    void eachBalancerFrontsTheTierItIsNamedForOnThatTiersPort() {
        int balancers = 0;
        for (var e : services.properties()) {
            if (!e.getValue().path("image").asText().startsWith("nginx:")) {
                continue;
            }
            balancers++;
            NginxConf conf = config(e.getValue());
            assertEquals(List.of(), conf.unrenderedVariables(), e.getKey());
            assertEquals(1, conf.upstreams().size(), e.getKey());
            List<String> servers = conf.upstreams().values().iterator().next();
            assertEquals(1, servers.size(), e.getKey() + ": one name, resolved to every replica");
            String[] hostPort = servers.getFirst().split(":");
            String tier = hostPort[0];
            assertTrue(TIERS.contains(tier), e.getKey() + " fronts " + tier);
            int port = DeployFiles.defaultPort(tier);
            assertEquals(port, Integer.parseInt(hostPort[1]), e.getKey() + " → " + tier + " port");
            assertFalse(ComposeChecks.env(services.get(tier)).containsKey(DeployFiles.portVariable(tier)),
                    tier + " keeps its default port");
            assertEquals(List.of(port), conf.listenPorts(), e.getKey() + " listens where callers expect the tier");
            assertEquals(List.of(conf.upstreams().keySet().iterator().next()), conf.proxyPassTargets(), e.getKey());
            assertTrue(e.getValue().path("healthcheck").path("test").toString().contains("127.0.0.1:" + port
                    + "/q/health/ready"), e.getKey() + ": healthy means a replica behind it is ready");
        }
        assertEquals(3, balancers, "edge, core-lb, vector-lb");
    }

    @Test
    void callersReachTheNextTierThroughItsBalancer() {
        for (var e : services.properties()) {
            ComposeChecks.env(e.getValue()).forEach((name, value) -> {
                String target = URL_TARGETS.get(name);
                if (target == null) {
                    return;
                }
                URI url = URI.create(value);
                JsonNode lb = services.get(url.getHost());
                assertNotNull(lb, e.getKey() + ": " + name + " names no service");
                List<String> servers = config(lb).upstreams().values().iterator().next();
                assertEquals(List.of(target + ":" + DeployFiles.defaultPort(target)), servers, e.getKey() + " " + name);
                assertEquals(DeployFiles.defaultPort(target), url.getPort(), e.getKey() + " " + name);
            });
        }
        assertEquals("http://core-lb:8081", ComposeChecks.env(services.get("web-layer")).get("DISCOVERY_CORE_URL"));
        assertEquals("http://vector-lb:8082",
                ComposeChecks.env(services.get("core-discovery")).get("DISCOVERY_VECTOR_URL"));
    }

    @Test
    void nginxIsRecentEnoughToReResolveReplicas() {
        // `server … resolve` in upstreams (so --scale needs no reload) is in open-source nginx since 1.27.3
        services.properties().forEach(e -> {
            String image = e.getValue().path("image").asText();
            if (image.startsWith("nginx:")) {
                Matcher m = Pattern.compile("nginx:(\\d+)\\.(\\d+)").matcher(image);
                assertTrue(m.find(), image + " pins a version");
                int minor = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
                assertTrue(minor >= 1028, image + " ≥ 1.28 (first stable with resolve)");
            }
        });
    }

    @Test
    void heapsFitTheirMemoryLimits() {
        for (String tier : TIERS) {
            JsonNode s = services.get(tier);
            String opts = ComposeChecks.env(s).get("JAVA_OPTS");
            long xmx = DeployFiles.xmxMiB(opts);
            long limit = DeployFiles.composeMemoryMiB(s.path("deploy").path("resources").path("limits")
                    .path("memory").asText());
            assertTrue(xmx > 0 && xmx + 256 <= limit, tier + ": -Xmx" + xmx + "m needs ≥ 256 MiB beside it in " + limit);
            // JAVA_OPTS replaces the image's default, so it must keep the flags the engine needs
            assertTrue(opts.contains("--add-modules jdk.incubator.vector"), tier);
        }
    }

    private static NginxConf config(JsonNode service) {
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts[0].startsWith("./docker/nginx/")) {
                String file = parts[0].substring(2);
                assertTrue(Files.isRegularFile(DeployFiles.path(file)), file);
                assertTrue(parts[1].equals("/etc/nginx/conf.d/default.conf")
                        || parts[1].equals("/etc/nginx/templates/default.conf.template"), parts[1]);
                assertEquals("ro", parts[2], file + " mounted read-only");
                return NginxConf.render(DeployFiles.read(file), ComposeChecks.env(service));
            }
        }
        throw new AssertionError("no nginx config mounted in " + service);
    }
}
