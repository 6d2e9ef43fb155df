package org.musicdiscovery.systest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.db.TestNamespace;
import redis.clients.jedis.Jedis;

/**
 * {@code kill -9} during the real ingest CLI, at several moments of its run (schema, songs, playlists, genre rows,
 * vectors, Redis details), each followed by a normal rerun: the catalogue must come out exactly as a clean run
 * leaves it — every table's count, the catalogue version and the Redis details — nothing duplicated, nothing lost.
 */
class IngestKillSystemTest {
    static final String DB_URL = TestNamespace.db("discovery_kill_systest");
    static final URI REDIS = URI.create(TestNamespace.redis(12));
    static final List<String> TABLES = List.of("artists", "songs", "playlists", "playlist_songs", "item_genres",
            "genres", "genre_aliases", "tag_genre_map");

    @Test
    void killedAtAnyMomentTheNextRunLeavesTheCatalogueOfACleanRun() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path work = Files.createDirectories(root.resolve("system-tests/target/ingest-kill"));
        List<String> ingest = SystemStack.ingestCommand(root, work.resolve("fixture"), DB_URL, REDIS.toString(),
                work.resolve("catalogue"));
        dropDatabase();
        try (Jedis redis = new Jedis(REDIS)) {
            redis.flushDB();
        }
        assertEquals(0, run(ingest, work, -1), "clean run");
        Map<String, Object> clean = state();
        // the kill moments are spread over how long a run takes on this machine (fixed moments of 0.25-2.25 s
        // landed after the end of the run on a fast machine): a rerun over the existing catalogue, timed
        long t0 = System.nanoTime();
        assertEquals(0, run(ingest, work, -1), "rerun over a complete catalogue");
        long runMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(clean, state(), "a rerun over a complete catalogue changes nothing");

        int killed = 0;
        for (int i = 1; i <= 9; i++) {
            long killAfterMs = Math.max(50, runMs * i / 10);
            int exit = run(ingest, work, killAfterMs);
            killed += exit == 137 ? 1 : 0;
            assertEquals(0, run(ingest, work, -1), "rerun after a kill at " + killAfterMs + " ms");
            assertEquals(clean, state(), "after kill -9 at " + killAfterMs + " ms (exit " + exit + ") and a rerun");
        }
        System.out.printf("ingest kill: a run takes %d ms; %d of 9 runs killed mid-way (at 10-90 %%), each rerun left the"
                + " clean catalogue %s%n", runMs, killed, clean);
        assertTrue(killed >= 5, "most kills landed inside a run: " + killed);
    }

    /** Runs the CLI; with {@code killAfterMs} ≥ 0, SIGKILLs it then (returns its exit code either way). */
    private static int run(List<String> command, Path work, long killAfterMs) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("ingest.log").toFile())).start();
        if (killAfterMs >= 0 && !p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the process's side
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("ingest did not finish; see " + work.resolve("ingest.log"));
        }
        return p.exitValue();
    }

    private static Map<String, Object> state() throws SQLException {
        Map<String, Object> s = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(DB_URL, "postgres", "")) {
            for (String table : TABLES) {
                s.put(table, scalar(c, "SELECT count(*) FROM " + table));
            }
            s.put("catalogue_version", scalar(c, "SELECT value FROM catalogue_meta WHERE key = 'catalogue_version'"));
            s.put("item_genres weight sum", scalar(c, "SELECT round(sum(weight)::numeric, 3) FROM item_genres"));
        }
        try (Jedis redis = new Jedis(REDIS)) {
            s.put("redis keys", redis.dbSize());
        }
        return s;
    }

    private static Object scalar(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static void dropDatabase() throws SQLException {
        String name = DB_URL.substring(DB_URL.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(DB_URL.substring(0, DB_URL.lastIndexOf('/') + 1) + "postgres",
                "postgres", ""); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
