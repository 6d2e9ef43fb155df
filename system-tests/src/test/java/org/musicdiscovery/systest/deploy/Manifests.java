package org.musicdiscovery.systest.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Lookups over a set of Kubernetes manifests (as JSON trees) for KubernetesManifestTest. */
record Manifests(List<JsonNode> docs) {
    List<JsonNode> kind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    JsonNode deployment(String name) {
        return kind("Deployment").stream().filter(d -> name(d).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    JsonNode policy(String name) {
        return kind("NetworkPolicy").stream().filter(d -> name(d).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no NetworkPolicy " + name));
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** containers and init containers of a Deployment or Job */
    static List<JsonNode> containers(JsonNode doc) {
        JsonNode spec = doc.path("spec").path("template").path("spec");
        List<JsonNode> out = new ArrayList<>();
        spec.path("initContainers").forEach(out::add);
        spec.path("containers").forEach(out::add);
        return out;
    }

    static Map<String, String> map(JsonNode labels) {
        Map<String, String> out = new HashMap<>();
        labels.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static Map<String, String> labels(JsonNode template) {
        return map(template.path("metadata").path("labels"));
    }

    /** the Deployment or Job whose pods carry all of {@code selector}, or null */
    JsonNode selected(Map<String, String> selector) {
        assertFalse(selector.isEmpty(), "an empty selector selects everything");
        return docs.stream().filter(d -> Set.of("Deployment", "Job").contains(d.path("kind").asText()))
                .filter(d -> labels(d.path("spec").path("template")).entrySet().containsAll(selector.entrySet()))
                .findFirst().orElse(null);
    }

    /** a probe's or Service's port (number or container port name) as the container port number */
    static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    static String envValue(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.path("value").asText();
            }
        }
        return null;
    }

    /** who may connect to a tier's pods: "*", a pod name label, or "namespace:<name>" */
    Set<String> allowedFrom(String tier) {
        Set<String> out = new TreeSet<>();
        for (JsonNode np : kind("NetworkPolicy")) {
            Map<String, String> sel = map(np.path("spec").path("podSelector").path("matchLabels"));
            if (!labels(deployment(tier).path("spec").path("template")).entrySet().containsAll(sel.entrySet())) {
                continue;
            }
            for (JsonNode rule : np.path("spec").path("ingress")) {
                for (JsonNode p : rule.path("ports")) {
                    assertEquals(DeployFiles.defaultPort(tier), p.path("port").asInt(), name(np));
                }
                if (rule.path("from").isMissingNode()) {
                    out.add("*");
                }
                for (JsonNode from : rule.path("from")) {
                    if (from.has("podSelector")) {
                        out.add(from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
                    } else {
                        out.add("namespace:" + from.path("namespaceSelector").path("matchLabels")
                                .path("kubernetes.io/metadata.name").asText());
                    }
                }
            }
        }
        return out;
    }

    static JsonNode indexVolume(JsonNode podSpec) {
        for (JsonNode v : podSpec.path("volumes")) {
            if ("discovery-index".equals(v.path("persistentVolumeClaim").path("claimName").asText())) {
                return v;
            }
        }
        throw new AssertionError("no discovery-index volume");
    }

    static JsonNode mount(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(path)) {
                return m;
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not mount " + path);
    }
}
