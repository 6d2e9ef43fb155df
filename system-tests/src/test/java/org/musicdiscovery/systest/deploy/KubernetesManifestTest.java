package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.musicdiscovery.systest.deploy.Manifests.container;
import static org.musicdiscovery.systest.deploy.Manifests.containerPort;
import static org.musicdiscovery.systest.deploy.Manifests.containers;
import static org.musicdiscovery.systest.deploy.Manifests.envValue;
import static org.musicdiscovery.systest.deploy.Manifests.indexVolume;
import static org.musicdiscovery.systest.deploy.Manifests.labels;
import static org.musicdiscovery.systest.deploy.Manifests.map;
import static org.musicdiscovery.systest.deploy.Manifests.mount;
import static org.musicdiscovery.systest.deploy.Manifests.name;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * deploy/k8s without a cluster: every manifest of base/ and the gateway/ overlay binds to its Kubernetes API
 * type with no unknown field, and the objects agree with each other and with the services (probe paths and
 * ports, Service selectors and ports, HPA targets, network policies, secrets, the index volume, images,
 * configuration variables).
 */
class KubernetesManifestTest {
    static final String K8S = "deploy/k8s";
    static final String DIR = K8S + "/base";
    static final List<String> TIERS = List.of("web-layer", "core-discovery", "vector-search");

    /** every manifest applied by the base kustomization (data/ is applied separately) */
    static final List<JsonNode> docs = new ArrayList<>();
    static Manifests k8s;

    @BeforeAll
    static void load() {
        for (String file : kustomization().path("resources").valueStream().map(JsonNode::asText).toList()) {
            docs.addAll(DeployFiles.yamlDocuments(DeployFiles.path(DIR).resolve(file)));
        }
        k8s = new Manifests(docs);
    }

    @Test
    void everyManifestBindsToItsApiTypeWithNoUnknownField() {
        assertFalse(docs.isEmpty());
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            assertFalse(doc.path("metadata").path("name").asText().isEmpty(), doc.toString());
            KubernetesSchema.problems(doc).forEach(p -> problems.add(name(doc) + ": " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void kustomizationListsEveryManifestAndNoYamlUsesAnchors() throws IOException {
        Set<String> listed = new TreeSet<>(kustomization().path("resources").valueStream().map(JsonNode::asText).toList());
        Set<String> present = new TreeSet<>();
        try (var s = Files.list(DeployFiles.path(DIR))) {
            s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                    .forEach(present::add);
        }
        assertEquals(present, listed);
        // kustomize's YAML library has a history of mishandling anchors and aliases: none anywhere
        for (Path file : DeployFiles.files(K8S, ".yaml")) {
            try (Reader r = Files.newBufferedReader(file)) {
                for (Event e : new Yaml().parse(r)) {
                    assertFalse(e instanceof AliasEvent || e instanceof NodeEvent n && n.getAnchor() != null,
                            file + " uses a YAML anchor at " + e.getStartMark());
                }
            }
        }
    }

    @Test
    void deploymentsProbeTheirOwnPortAndHealthPaths() {
        for (String tier : TIERS) {
            JsonNode c = container(k8s.deployment(tier));
            int port = DeployFiles.defaultPort(tier);
            assertEquals(port, c.path("ports").get(0).path("containerPort").asInt(), tier);
            assertEquals("http", c.path("ports").get(0).path("name").asText(), tier);
            Map<String, String> probes = Map.of("readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live",
                    "startupProbe", "/q/health/started");
            probes.forEach((probe, path) -> {
                JsonNode get = c.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), tier + " " + probe);
                assertEquals(port, containerPort(c, get.path("port")), tier + " " + probe + " port");
            });
            JsonNode d = k8s.deployment(tier);
            assertTrue(labels(d.path("spec").path("template")).entrySet()
                    .containsAll(map(d.path("spec").path("selector").path("matchLabels")).entrySet()), tier);
        }
        assertEquals("0.0.0.0", envValue(container(k8s.deployment("core-discovery")), "DISCOVERY_CORE_HOST"));
        assertEquals("0.0.0.0", envValue(container(k8s.deployment("vector-search")), "DISCOVERY_VECTOR_HOST"));
    }

    @Test
    void jvmHeapsFitTheirLimitsAndMemoryIsNotOvercommitted() {
        for (JsonNode d : k8s.kind("Deployment")) {
            JsonNode c = container(d);
            JsonNode res = c.path("resources");
            long limit = DeployFiles.k8sMemoryMiB(res.path("limits").path("memory").asText());
            assertEquals(limit, DeployFiles.k8sMemoryMiB(res.path("requests").path("memory").asText()), name(d)
                    + ": memory request = limit (a JVM does not give memory back under pressure)");
            assertFalse(res.path("requests").path("cpu").isMissingNode(), name(d) + ": the HPA needs CPU requests");
            String opts = envValue(c, "JAVA_OPTS");
            long xmx = DeployFiles.xmxMiB(opts);
            assertTrue(xmx > 0 && xmx + 256 <= limit, name(d) + ": -Xmx" + xmx + "m and ≥ 256 MiB beside it in " + limit);
            assertTrue(opts.contains("--add-modules jdk.incubator.vector"), name(d) + " keeps the image's flags");
            assertTrue(d.path("spec").path("template").path("spec").path("securityContext").path("runAsNonRoot")
                    .asBoolean(), name(d));
        }
    }

    @Test
    void servicesSelectDeploymentsAndExposeTheirContainerPorts() {
        for (JsonNode svc : k8s.kind("Service")) {
            JsonNode d = k8s.selected(map(svc.path("spec").path("selector")));
            JsonNode port = svc.path("spec").path("ports").get(0);
            int containerPort = containerPort(container(d), port.path("targetPort"));
            // callers use the service's own port in their URLs (README), so the Service keeps it
            assertEquals(containerPort, port.path("port").asInt(), name(svc));
        }
        JsonNode ingress = k8s.kind("Ingress").getFirst();
        JsonNode backend = ingress.path("spec").path("rules").get(0).path("http").path("paths").get(0)
                .path("backend").path("service");
        assertEquals("web-layer", backend.path("name").asText(), "only the web layer is behind the Ingress");
    }

    @Test
    void hpasScaleWebAndCoreDeploymentsThatLeaveReplicasToThem() {
        Set<String> targets = new HashSet<>();
        for (JsonNode hpa : k8s.kind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.path("spec").path("scaleTargetRef");
            assertEquals("Deployment", ref.path("kind").asText());
            JsonNode d = k8s.deployment(ref.path("name").asText());
            assertTrue(d.path("spec").path("replicas").isMissingNode(), name(d) + ": replicas would fight the HPA");
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2, name(hpa) + ": survive one pod loss");
            targets.add(ref.path("name").asText());
        }
        assertEquals(Set.of("web-layer", "core-discovery"), targets);
        for (JsonNode pdb : k8s.kind("PodDisruptionBudget")) {
            assertNotNull(k8s.selected(map(pdb.path("spec").path("selector").path("matchLabels"))), name(pdb));
        }
        assertEquals(3, k8s.kind("PodDisruptionBudget").size());
    }

    @Test
    void networkPoliciesLeaveOnlyTheWebLayerPublic() {
        JsonNode deny = k8s.policy("default-deny-ingress");
        assertEquals(List.of("Ingress"), deny.path("spec").path("policyTypes").valueStream().map(JsonNode::asText).toList());
        assertTrue(deny.path("spec").path("ingress").isMissingNode(), "deny allows nothing");
        for (String tier : TIERS) {
            assertTrue(labels(k8s.deployment(tier).path("spec").path("template")).entrySet()
                    .containsAll(map(deny.path("spec").path("podSelector").path("matchLabels")).entrySet()), tier);
        }
        assertEquals(Set.of("*"), k8s.allowedFrom("web-layer"));
        assertEquals(Set.of("web-layer", "namespace:monitoring"), k8s.allowedFrom("core-discovery"));
        assertEquals(Set.of("core-discovery", "namespace:monitoring"), k8s.allowedFrom("vector-search"));
        for (JsonNode np : k8s.kind("NetworkPolicy")) {
            for (JsonNode rule : np.path("spec").path("ingress")) {
                for (JsonNode from : rule.path("from")) {
                    if (from.has("podSelector")) {
                        assertNotNull(k8s.selected(map(from.path("podSelector").path("matchLabels"))), name(np));
                    }
                }
            }
        }
    }

    @Test
    void secretsAreReferencedNeverCommitted() {
        String readme = DeployFiles.read(K8S + "/README.md");
        for (Path file : DeployFiles.files(K8S, ".yaml")) {
            for (JsonNode doc : DeployFiles.yamlDocuments(file)) {
                assertFalse("Secret".equals(doc.path("kind").asText()), file + ": a committed Secret");
            }
        }
        Pattern secretish = Pattern.compile("TOKEN|PASSWORD|SECRET");
        for (JsonNode doc : docs) {
            for (JsonNode c : containers(doc)) {
                for (JsonNode env : c.path("env")) {
                    if (secretish.matcher(env.path("name").asText()).find()) {
                        JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                        assertFalse(ref.isMissingNode(), name(doc) + " " + env.path("name").asText() + " must come from a Secret");
                        assertTrue(readme.contains("`" + ref.path("name").asText() + "`"),
                                ref.path("name").asText() + " is documented in README.md");
                    }
                }
            }
        }
        k8s.kind("ConfigMap").forEach(cm -> cm.path("data").fieldNames().forEachRemaining(k ->
                assertFalse(secretish.matcher(k).find(), "ConfigMap holds " + k)));
    }

    @Test
    void configurationNamesKnownVariablesAndRealServices() {
        JsonNode data = k8s.kind("ConfigMap").getFirst().path("data");
        Set<String> known = DeployFiles.knownDiscoveryVariables();
        data.fieldNames().forEachRemaining(k -> assertTrue(known.contains(k), "unknown " + k));
        for (JsonNode doc : docs) {
            DeployFiles.discoveryVariablesIn(doc).keySet().forEach(v -> assertTrue(known.contains(v), name(doc) + " " + v));
        }
        for (var e : Map.of("DISCOVERY_CORE_URL", "core-discovery", "DISCOVERY_VECTOR_URL", "vector-search").entrySet()) {
            URI url = URI.create(data.path(e.getKey()).asText());
            assertEquals(e.getValue(), url.getHost(), e.getKey());
            assertTrue(k8s.kind("Service").stream().anyMatch(s -> name(s).equals(e.getValue())), e.getValue());
            assertEquals(DeployFiles.defaultPort(e.getValue()), url.getPort(), e.getKey());
        }
        // the data tier's names come from data/: the CloudNativePG cluster's -rw Service, the Redis release's master
        JsonNode cluster = DeployFiles.yaml(K8S + "/data/postgres-cluster.yaml");
        assertEquals("postgresql.cnpg.io/v1 Cluster", cluster.path("apiVersion").asText() + " " + cluster.path("kind").asText());
        String database = cluster.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertEquals("jdbc:postgresql://" + name(cluster) + "-rw:5432/" + database, data.path("DISCOVERY_DB_URL").asText());
        String redisValues = DeployFiles.read(K8S + "/data/redis-values.yaml");
        assertTrue(redisValues.contains("helm install discovery-redis "), "release name");
        assertEquals("redis://discovery-redis-master:6379/0", data.path("DISCOVERY_REDIS_URL").asText());
        assertEquals("discovery-redis", k8s.policy("redis-from-core-and-ingest").path("spec").path("podSelector")
                .path("matchLabels").path("app.kubernetes.io/instance").asText());
        assertFalse(DeployFiles.yaml(K8S + "/data/redis-values.yaml").path("auth").path("enabled").asBoolean(),
                "core cannot AUTH yet: a password would lock it out");
    }

    @Test
    void theIndexVolumeIsWrittenByTheJobAndReadOnlyForVectorSearch() {
        JsonNode pvc = k8s.kind("PersistentVolumeClaim").getFirst();
        assertEquals("discovery-index", name(pvc));
        assertEquals(List.of("ReadWriteMany"), pvc.path("spec").path("accessModes").valueStream().map(JsonNode::asText).toList());
        String dir = k8s.kind("ConfigMap").getFirst().path("data").path("DISCOVERY_INDEX_DIR").asText();
        JsonNode vector = k8s.deployment("vector-search").path("spec").path("template").path("spec");
        assertTrue(indexVolume(vector).path("persistentVolumeClaim").path("readOnly").asBoolean());
        assertTrue(mount(vector.path("containers").get(0), dir).path("readOnly").asBoolean());
        JsonNode job = k8s.kind("Job").getFirst().path("spec").path("template").path("spec");
        assertFalse(indexVolume(job).path("persistentVolumeClaim").path("readOnly").asBoolean());
        JsonNode build = job.path("containers").get(0);
        assertFalse(mount(build, dir).path("readOnly").asBoolean(), "the build writes new versions");
        assertEquals("Never", job.path("restartPolicy").asText());
        // the same build as docker-compose.yml's build-index, with the same paths
        JsonNode composeBuild = DeployFiles.yaml("docker-compose.yml").path("services").path("build-index").path("command");
        assertEquals(composeBuild, build.path("args"));
    }

    @Test
    void everyImageHasADocumentedBuildAndAPinnedTag() {
        String readme = DeployFiles.read(K8S + "/README.md");
        Set<String> kustomized = new HashSet<>();
        kustomization().path("images").forEach(i -> kustomized.add(i.path("name").asText()));
        for (JsonNode doc : docs) {
            for (JsonNode c : containers(doc)) {
                String image = c.path("image").asText();
                String repo = image.substring(0, image.lastIndexOf(':'));
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertFalse(tag.isEmpty() || tag.equals("latest"), image);
                var build = Pattern.compile("docker build -f (\\S+) .*-t " + Pattern.quote(image) + " ").matcher(readme);
                assertTrue(build.find(), image + ": no build command in README.md");
                assertTrue(Files.isRegularFile(DeployFiles.path(build.group(1))), build.group(1));
                assertTrue(kustomized.contains(repo), repo + " in kustomization images");
            }
        }
    }

    @Test
    void theGatewayOverlayRoutesToTheWebLayerServiceInsteadOfTheIngress() {
        JsonNode overlay = DeployFiles.yaml(K8S + "/gateway/kustomization.yaml");
        assertEquals(List.of("../base", "httproute.yaml"),
                overlay.path("resources").valueStream().map(JsonNode::asText).toList());
        String patch = overlay.path("patches").get(0).path("patch").asText();
        assertTrue(patch.contains("$patch: delete") && patch.contains("kind: Ingress") && patch.contains("name: web-layer"),
                patch);
        JsonNode route = DeployFiles.yaml(K8S + "/gateway/httproute.yaml");
        assertEquals(List.of(), KubernetesSchema.problems(route));
        JsonNode backend = route.path("spec").path("rules").get(0).path("backendRefs").get(0);
        JsonNode svc = k8s.kind("Service").stream().filter(x -> name(x).equals(backend.path("name").asText())).findFirst()
                .orElseThrow();
        assertEquals("web-layer", name(svc));
        assertEquals(svc.path("spec").path("ports").get(0).path("port").asInt(), backend.path("port").asInt());
    }

    @Test
    void kustomizeRendersBothVariantsWhenKubectlIsInstalled() throws Exception {
        // offline: `kubectl kustomize` needs no cluster; skipped where kubectl is absent
        List<JsonNode> base = kustomize(DIR);
        assertEquals(docs.size(), base.size());
        for (JsonNode d : base) {
            if (!"Namespace".equals(d.path("kind").asText())) {
                assertEquals("music-discovery", d.path("metadata").path("namespace").asText(), name(d));
            }
        }
        List<String> gatewayKinds = kustomize(K8S + "/gateway").stream().map(d -> d.path("kind").asText()).toList();
        assertFalse(gatewayKinds.contains("Ingress"), gatewayKinds.toString());
        assertTrue(gatewayKinds.contains("HTTPRoute"), gatewayKinds.toString());
        assertEquals(base.size(), gatewayKinds.size(), "one Ingress out, one HTTPRoute in");
    }

    private static List<JsonNode> kustomize(String dir) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", DeployFiles.path(dir).toString()).redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("kubectl not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        List<JsonNode> rendered = new ArrayList<>();
        for (Object o : new Yaml().loadAll(out)) {
            rendered.add(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(o));
        }
        return rendered;
    }

    static JsonNode kustomization() {
        return DeployFiles.yaml(DIR + "/kustomization.yaml");
    }
}
