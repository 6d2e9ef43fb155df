package org.musicdiscovery.systest;

import org.musicdiscovery.catalogue.db.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole product on this machine: the fixture catalogue ingested by the real CLI into real PostgreSQL and Redis
 * (a database and Redis db of its own), then vector-search, core-discovery and web-layer as three processes on free
 * ports, wired to each other over HTTP with an internal token. Started once per JVM, stopped at shutdown.
 */
final class SystemStack {
    static final String DB_URL = TestNamespace.db("discovery_systest");
    static final int REDIS_DB = 13;
    static final String TOKEN = "systest-" + Long.toHexString(System.nanoTime());

    final Path root;
    final Path work;
    final ServiceProcess vector;
    final ServiceProcess core;
    final ServiceProcess web;

    private static SystemStack instance;

    static synchronized SystemStack get() throws Exception {
        if (instance == null) {
            instance = new SystemStack();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopQuietly));
        }
        return instance;
    }

    private SystemStack() throws IOException {
        root = Path.of(System.getProperty("user.dir")).getParent();
        work = root.resolve("system-tests/target/systest");
        Files.createDirectories(work.resolve("index"));
        Map<String, String> env = new HashMap<>();
        env.put("DISCOVERY_INTERNAL_TOKEN", TOKEN);
        env.put("DISCOVERY_DB_URL", DB_URL);
        env.put("DISCOVERY_REDIS_URL", TestNamespace.redis(REDIS_DB));
        env.put("DISCOVERY_INDEX_DIR", work.resolve("index").toString());
        vector = new ServiceProcess("vector-search", app("vector-search/service"), work, env);
        env.put("DISCOVERY_VECTOR_URL", "http://127.0.0.1:" + vector.port);
        core = new ServiceProcess("core-discovery", app("core-discovery/service"), work, env);
        env.put("DISCOVERY_CORE_URL", core.url());
        web = new ServiceProcess("web-layer", app("web-layer"), work, Map.copyOf(env));
    }

    private Path app(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void start() throws Exception {
        ingestFixture();
        buildIndex();
        vector.start();
        core.start();
        web.start();
    }

    /** The committed hand-made fixture, in the real data's formats, through the real ingest CLI. */
    private void ingestFixture() throws IOException, InterruptedException {
        Path fixture = root.resolve("core-discovery/catalogue/src/test/resources/fixture");
        Path cli = jar(root.resolve("core-discovery/catalogue/target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        run(List.of(java, "-jar", cli.toString(), "ingest",
                "--data-dir", fixture.toString(),
                "--db-url", DB_URL,
                "--redis-url", TestNamespace.redis(REDIS_DB),
                "--out-dir", work.resolve("catalogue").toString()), "ingest.log");
    }

    /** The fixture's exported genre vectors through the real index builder (scripts/build-index does the same). */
    private void buildIndex() throws IOException, InterruptedException {
        Path cli = jar(root.resolve("vector-search/collections/target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path catalogue = work.resolve("catalogue");
        run(List.of(java, "--add-modules", "jdk.incubator.vector", "-jar", cli.toString(), "--name", "genre",
                "--sparse", catalogue.resolve("genre-vectors.tsv").toString(),
                "--dims", catalogue.resolve("genre-dims.tsv").toString(),
                "--out", work.resolve("index").toString(), "--trees", "5"), "build-index.log");
    }

    static Path jar(Path target) throws IOException {
        try (var jars = Files.list(target)) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-cli.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no CLI jar in " + target + ": package it first"));
        }
    }

    private void run(List<String> command, String log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command.get(3) + " failed; see " + work.resolve(log));
        }
    }

    private void stopQuietly() {
        for (ServiceProcess s : List.of(web, core, vector)) {
            try {
                s.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
