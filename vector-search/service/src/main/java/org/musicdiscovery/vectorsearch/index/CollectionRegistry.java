package org.musicdiscovery.vectorsearch.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.musicdiscovery.collections.AnnoyTrees;
import org.musicdiscovery.collections.LoadedCollection;

/**
 * The collections being served, one current version each, and their hot swap. Layout:
 * {@code <index dir>/<collection>/CURRENT} names a version directory beside it. A new version is loaded and
 * validated beside the old one and switched in atomically; the old one's files close when its last in-flight
 * query releases it. A version that fails to load is refused and the old one keeps serving.
 */
@ApplicationScoped
public class CollectionRegistry {
    private static final Logger LOG = Logger.getLogger(CollectionRegistry.class);

    /** What the registry knows about one collection. */
    public record Status(String collection, String version, String lastError) {
    }

    @ConfigProperty(name = "discovery.index.dir")
    String indexDir;
    @ConfigProperty(name = "discovery.index.required")
    List<String> required;
    @ConfigProperty(name = "discovery.index.poll-seconds")
    int pollSeconds;
    @Inject
    MeterRegistry meters;

    private final Map<String, LoadedCollection> current = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private ScheduledExecutorService watcher;

    void start(@Observes StartupEvent ev) {
        reload();
        if (pollSeconds > 0) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("index-watch")
                    .unstarted(r));
            watcher.scheduleWithFixedDelay(this::reloadQuietly, pollSeconds, pollSeconds, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        current.values().forEach(LoadedCollection::retire);
        current.clear();
    }

    /** Loads every collection whose CURRENT names a version other than the one served. */
    public synchronized List<Status> reload() {
        Path root = Path.of(indexDir);
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                dirs.filter(Files::isDirectory).forEach(this::reloadOne);
            } catch (IOException e) {
                LOG.warnf("cannot list %s: %s", root, e.getMessage());
            }
        }
        return statuses();
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("index watch failed", e);
        }
    }

    private void reloadOne(Path collectionDir) {
        String name = collectionDir.getFileName().toString();
        Optional<String> wanted = currentVersion(collectionDir);
        LoadedCollection served = current.get(name);
        if (wanted.isEmpty() || served != null && served.manifest().version().equals(wanted.get())) {
            return;
        }
        try {
            LoadedCollection fresh = LoadedCollection.open(collectionDir.resolve(wanted.get()), AnnoyTrees::open);
            LoadedCollection old = current.put(name, fresh);
            errors.remove(name);
            meters.counter("vector.index.swaps", "collection", name, "result", "ok").increment();
            LOG.infof("serving %s version %s (%d items)", name, wanted.get(), fresh.manifest().nItems());
            if (old != null) {
                old.retire();
            }
        } catch (RuntimeException e) {
            errors.put(name, wanted.get() + ": " + e.getMessage());
            meters.counter("vector.index.swaps", "collection", name, "result", "refused").increment();
            LOG.errorf("refused %s version %s, still serving %s: %s", name, wanted.get(),
                    served == null ? "nothing" : served.manifest().version(), e.getMessage());
        }
    }

    private static Optional<String> currentVersion(Path collectionDir) {
        Path pointer = collectionDir.resolve("CURRENT");
        try {
            return Files.isRegularFile(pointer)
                    ? Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The served version with a reference taken, or empty; the caller must {@code release()} it. */
    public Optional<LoadedCollection> acquire(String name) {
        while (true) {
            LoadedCollection c = current.get(name);
            if (c == null) {
                return Optional.empty();
            }
            if (c.acquire()) {
                return Optional.of(c);
            }
            // retired between get and acquire: the map already holds its successor
        }
    }

    public boolean ready() {
        return required.stream().allMatch(current::containsKey);
    }

    public List<Status> statuses() {
        Map<String, Status> out = new TreeMap<>();
        current.forEach((n, c) -> out.put(n, new Status(n, c.manifest().version(), errors.get(n))));
        errors.forEach((n, e) -> out.putIfAbsent(n, new Status(n, null, e)));
        return List.copyOf(out.values());
    }
}
