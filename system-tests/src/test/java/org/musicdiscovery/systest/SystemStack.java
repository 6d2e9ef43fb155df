package org.musicdiscovery.systest;

import org.musicdiscovery.catalogue.db.TestNamespace;
import org.musicdiscovery.collections.CollectionBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    static final int ANON_BURST = 200;

    final Path root;
    final Path work;
    final ServiceProcess vector;
    final ServiceProcess core;
    final ServiceProcess web;
    private final Map<String, String> webEnv;
    private final Map<String, String> coreEnv;

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
        coreEnv = Map.copyOf(env);
        core = new ServiceProcess("core-discovery", app("core-discovery/service"), work, coreEnv);
        env.put("DISCOVERY_CORE_URL", core.url());
        // anonymous tests and the browser share 127.0.0.1: a roomy per-address limit, and forwarded addresses
        // trusted so the per-address limit can be tested from a fresh "client"; revocations seen within 1 s
        env.put("DISCOVERY_ANON_PER_MINUTE", "1200");
        env.put("DISCOVERY_ANON_BURST", String.valueOf(ANON_BURST));
        env.put("DISCOVERY_TRUST_PROXY", "true");
        env.put("DISCOVERY_KEY_CACHE_SECONDS", "1");
        webEnv = Map.copyOf(env);
        web = new ServiceProcess("web-layer", app("web-layer"), work, webEnv);
    }

    /** A second web layer over the same core, with settings of its own (started by the caller, stopped by it). */
    ServiceProcess anotherWeb(String name, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(webEnv);
        env.putAll(settings);
        return new ServiceProcess(name, app("web-layer"), work, env);
    }

    /** A second core over the same vector-search, with settings of its own (started and stopped by the caller). */
    ServiceProcess anotherCore(String name, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(coreEnv);
        env.putAll(settings);
        return new ServiceProcess(name, app("core-discovery/service"), work, env);
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

    /**
     * The committed hand-made fixture, in the real data's formats, plus a few blues songs (the shared fixture has
     * none, and its counts are asserted elsewhere), through the real ingest CLI.
     */
    private void ingestFixture() throws IOException, InterruptedException {
        run(ingestCommand(root, work.resolve("fixture"), DB_URL, TestNamespace.redis(REDIS_DB),
                work.resolve("catalogue")), "ingest.log");
    }

    /** The real ingest CLI over the fixture (copied to {@code copyTo} with the blues songs) into these stores. */
    static List<String> ingestCommand(Path root, Path copyTo, String dbUrl, String redisUrl, Path outDir)
            throws IOException {
        Path fixture = FixtureCopy.withBlues(root.resolve("core-discovery/catalogue/src/test/resources/fixture"),
                copyTo);
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar(root.resolve("core-discovery/catalogue/target")).toString(), "ingest",
                "--data-dir", fixture.toString(),
                "--db-url", dbUrl,
                "--redis-url", redisUrl,
                "--out-dir", outDir.toString());
    }

    /** The fixture's exported genre vectors through the real index builder (scripts/build-index does the same). */
    void buildIndex() throws IOException, InterruptedException {
        Path cli = jar(root.resolve("vector-search/collections/target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Path catalogue = work.resolve("catalogue");
        run(List.of(java, "--add-modules", "jdk.incubator.vector", "-jar", cli.toString(), "--name", "genre",
                "--sparse", catalogue.resolve("genre-vectors.tsv").toString(),
                "--dims", catalogue.resolve("genre-dims.tsv").toString(),
                "--out", work.resolve("index").toString(), "--trees", "5"), "build-index.log");
        buildEmbeddings(cli, java, catalogue);
    }

    /**
     * An {@code embedding} collection as scripts/train-embeddings lays it out, for the songs of even catalogue id
     * only — word2vec knows only songs seen in enough playlists, so "similar" must cope with seeds it lacks. Each
     * song's vector is its genre mix made dense, so similar songs stay similar in genre.
     */
    void buildEmbeddings(Path cli, String java, Path catalogue) throws IOException, InterruptedException {
        int dims = Files.readAllLines(catalogue.resolve("genre-dims.tsv"), StandardCharsets.UTF_8).size();
        CollectionBuilder.Items songs = CollectionBuilder.readSparse(catalogue.resolve("genre-vectors.tsv"), dims);
        var vectors = new StringBuilder();
        var mapping = new StringBuilder();
        int vid = 0;
        for (int i = 0; i < songs.ids().length; i++) {
            if (songs.typeCodes()[i] != 's' || songs.ids()[i] % 2 != 0) {
                continue;
            }
            float[] v = songs.vectors()[i];
            vectors.append(vid).append('\t');
            for (int d = 0; d < dims; d++) {
                vectors.append(d == 0 ? "" : " ").append(v[d] == 0 ? "0" : Float.toString(v[d]));
            }
            vectors.append('\n');
            mapping.append(vid).append("\ts\t").append(songs.ids()[i]).append('\n');
            vid++;
        }
        Path dense = work.resolve("embedding-vectors.tsv");
        Path map = work.resolve("embedding-mapping.tsv");
        Files.writeString(dense, vectors.toString());
        Files.writeString(map, mapping.toString());
        run(List.of(java, "--add-modules", "jdk.incubator.vector", "-jar", cli.toString(), "--name", "embedding",
                "--dense", dense.toString(), "--mapping", map.toString(), "--metrics", "angular",
                "--out", work.resolve("index").toString(), "--trees", "5"), "build-embeddings.log");
    }

    /** Runs {@code scripts/api-keys} (the packaged CLI) against the stack's database; returns its stdout. */
    String apiKeys(String... args) throws IOException, InterruptedException {
        Path cli = jar(root.resolve("api-keys/target"));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", cli.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--db-url", DB_URL));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                work.resolve("api-keys.log").toFile())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("api-keys " + String.join(" ", args) + " failed; see api-keys.log");
        }
        return out.strip();
    }

    /** A new API key whose limit no test reaches (tests about behaviour, not about rate limits). */
    String roomyKey(String name) throws IOException, InterruptedException {
        return apiKeys("create", "--name", name, "--rate-per-minute", "1000000");
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
