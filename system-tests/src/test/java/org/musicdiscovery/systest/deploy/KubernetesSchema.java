package org.musicdiscovery.systest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects checked against the API's own types (fabric8's generated model), without a cluster: each
 * document is bound to the class of its apiVersion/kind, and any field the type does not declare (a typo such
 * as {@code readinesProbe}, a field at the wrong level) lands in an {@code additionalProperties} map, which must
 * stay empty everywhere in the tree. Quantities must parse.
 */
final class KubernetesSchema {
    /** "apiVersion kind" → model class: every kind these manifests may use, at the version they must use. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("batch/v1 Job", Job.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1 Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1 HTTPRoute", HTTPRoute.class));

    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesSchema() {
    }

    /** The problems of one document; empty when it binds to its type with no unknown field. */
    static List<String> problems(JsonNode doc) {
        String key = doc.path("apiVersion").asText() + " " + doc.path("kind").asText();
        Class<?> type = TYPES.get(key);
        if (type == null) {
            return List.of("unexpected apiVersion/kind: " + key);
        }
        List<String> out = new ArrayList<>();
        try {
            walk(JSON.treeToValue(doc, type), doc.path("kind").asText(), out);
        } catch (Exception e) {
            out.add("does not bind to " + type.getSimpleName() + ": " + e.getMessage());
        }
        return out;
    }

    private static void walk(Object o, String path, List<String> out) throws ReflectiveOperationException {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object x : c) {
                walk(x, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), out);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        if (o instanceof Quantity q) {
            try {
                Quantity.getAmountInBytes(q);
            } catch (RuntimeException e) {
                out.add(path + ": bad quantity " + q);
            }
        }
        for (Method g : o.getClass().getMethods()) {
            if (g.getParameterCount() != 0 || Modifier.isStatic(g.getModifiers()) || !g.getName().startsWith("get")
                    || g.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = g.invoke(o);
            } catch (InvocationTargetException e) {
                continue; // derived getters (e.g. on Quantity) that do not apply to this value
            }
            if (g.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else {
                walk(value, path + "." + decapitalize(g.getName().substring(3)), out);
            }
        }
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
