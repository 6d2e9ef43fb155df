package org.musicdiscovery.systest.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The deployment files as data, for tests that check them without Docker or a cluster: YAML loaded the way
 * Compose and kubectl read it (merge keys resolved, Compose's {@code !reset} kept as a marker), the subset of
 * Compose's override rules the committed files use, and what the services themselves say about ports and
 * environment variables (their application.properties, README.md).
 */
public final class DeployFiles {
    /** How a Compose {@code !reset} value appears in the loaded tree. */
    public static final String RESET = "!reset";

    public static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three services: compose/k8s name → module directory. */
    public static final Map<String, String> MODULES = Map.of(
            "web-layer", "web-layer",
            "core-discovery", "core-discovery/service",
            "vector-search", "vector-search/service");

    private DeployFiles() {
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One YAML document (a Compose file). */
    public static JsonNode yaml(String relative) {
        List<JsonNode> docs = yamlDocuments(path(relative));
        if (docs.size() != 1) {
            throw new IllegalStateException(relative + ": " + docs.size() + " documents");
        }
        return docs.getFirst();
    }

    /** Every non-empty document of a multi-document YAML file (Kubernetes manifests). */
    public static List<JsonNode> yamlDocuments(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<JsonNode> out = new ArrayList<>();
            for (Object doc : new Yaml(new ComposeTags()).loadAll(r)) {
                if (doc != null) {
                    out.add(JSON.valueToTree(doc));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> files(String dir, String suffix) {
        try (Stream<Path> s = Files.walk(path(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code base} with {@code override} applied as {@code docker compose -f base -f override} does for what these
     * files use: mappings merge key by key, {@code command}, {@code entrypoint} and healthcheck {@code test}
     * are replaced, other sequences are appended (without repeats), {@code !reset} removes the base value.
     */
    public static JsonNode composeMerge(JsonNode base, JsonNode override) {
        return merge(base, override, "");
    }

    private static JsonNode merge(JsonNode base, JsonNode over, String key) {
        if (isReset(over)) {
            return null;
        }
        if (base == null || base.isNull()) {
            return over;
        }
        if (base.isObject() && over.isObject()) {
            ObjectNode out = base.deepCopy();
            over.properties().forEach(e -> {
                JsonNode merged = merge(base.get(e.getKey()), e.getValue(), e.getKey());
                if (merged == null) {
                    out.remove(e.getKey());
                } else {
                    out.set(e.getKey(), merged);
                }
            });
            return out;
        }
        if (base.isArray() && over.isArray() && !Set.of("command", "entrypoint", "test").contains(key)) {
            ArrayNode out = base.deepCopy();
            over.forEach(v -> {
                if (!contains(out, v)) {
                    out.add(v);
                }
            });
            return out;
        }
        return over;
    }

    public static boolean isReset(JsonNode node) {
        return node != null && node.isObject() && node.has(RESET);
    }

    private static boolean contains(ArrayNode array, JsonNode v) {
        for (JsonNode n : array) {
            if (n.equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP port a service listens on unless its *_PORT variable says otherwise (application.properties). */
    public static int defaultPort(String service) {
        Matcher m = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{(DISCOVERY_\\w+_PORT):(\\d+)}")
                .matcher(properties(service));
        if (!m.find()) {
            throw new IllegalStateException(service + ": no quarkus.http.port=${DISCOVERY_*_PORT:n}");
        }
        return Integer.parseInt(m.group(2));
    }

    /** The variable that overrides a service's port, e.g. DISCOVERY_WEB_PORT. */
    public static String portVariable(String service) {
        Matcher m = Pattern.compile("(?m)^quarkus\\.http\\.port=\\$\\{(DISCOVERY_\\w+_PORT):").matcher(properties(service));
        return m.find() ? m.group(1) : null;
    }

    public static String properties(String service) {
        return read(MODULES.get(service) + "/src/main/resources/application.properties");
    }

    /**
     * Every DISCOVERY_* variable the product reads: those named in the services' application.properties
     * ({@code ${DISCOVERY_X:default}}) and those documented in README.md (CLI-only ones such as DISCOVERY_DATA_DIR).
     */
    public static Set<String> knownDiscoveryVariables() {
        Set<String> known = new TreeSet<>();
        Pattern p = Pattern.compile("\\b(DISCOVERY_[A-Z0-9_]+)\\b");
        for (String service : MODULES.keySet()) {
            p.matcher(properties(service)).results().forEach(r -> known.add(r.group(1)));
        }
        p.matcher(read("README.md")).results().forEach(r -> known.add(r.group(1)));
        known.removeIf(v -> v.startsWith("DISCOVERY_TEST_")); // test namespacing, never a deployment setting
        return known;
    }

    /** Every DISCOVERY_* variable a tree sets, as a map key or a Kubernetes {@code name:}, with where it is set. */
    public static Map<String, String> discoveryVariablesIn(JsonNode tree) {
        Map<String, String> out = new TreeMap<>();
        collect(tree, "", out);
        return out;
    }

    private static void collect(JsonNode n, String where, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().startsWith("DISCOVERY_")) {
                    out.put(e.getKey(), where);
                }
                if ("name".equals(e.getKey()) && e.getValue().asText().startsWith("DISCOVERY_")) {
                    out.put(e.getValue().asText(), where);
                }
                collect(e.getValue(), where.isEmpty() ? e.getKey() : where + "." + e.getKey(), out);
            });
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, where, out));
        }
    }

    /** -Xmx of a JAVA_OPTS value in MiB, or -1 when it sets none. */
    public static long xmxMiB(String javaOpts) {
        Matcher m = Pattern.compile("-Xmx(\\d+)([kKmMgG])").matcher(Objects.requireNonNullElse(javaOpts, ""));
        if (!m.find()) {
            return -1;
        }
        long v = Long.parseLong(m.group(1));
        return switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> v / 1024;
            case 'g' -> v * 1024;
            default -> v;
        };
    }

    /** A Kubernetes memory quantity in MiB: Ki/Mi/Gi are powers of 2, k/M/G powers of 10. */
    public static long k8sMemoryMiB(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(quantity);
        }
        double v = Long.parseLong(m.group(1));
        double bytes = switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> v * 1024;
            case "Mi" -> v * 1024 * 1024;
            case "Gi" -> v * 1024 * 1024 * 1024;
            case "k" -> v * 1e3;
            case "M" -> v * 1e6;
            case "G" -> v * 1e9;
            default -> v;
        };
        return (long) (bytes / (1024 * 1024));
    }

    /** A Docker/Compose memory size in MiB: b, k, m, g (either case) are all powers of 2 there. */
    public static long composeMemoryMiB(String size) {
        Matcher m = Pattern.compile("(\\d+)([bBkKmMgG])?").matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(size);
        }
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? 'b' : Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> v / 1024;
            case 'm' -> v;
            case 'g' -> v * 1024;
            default -> v / (1024 * 1024);
        };
    }

    /** SnakeYAML's safe loading plus Compose's {@code !reset} (kept as {@code {"!reset": value}}). */
    private static final class ComposeTags extends SafeConstructor {
        ComposeTags() {
            super(new LoaderOptions());
            this.yamlConstructors.put(new Tag(RESET), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object value = node instanceof SequenceNode ? List.of() : null;
                    return java.util.Collections.singletonMap(RESET, value);
                }
            });
        }
    }
}
