package org.musicdiscovery.catalogue;

import org.musicdiscovery.catalogue.db.TestNamespace;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.ingest.IngestJob;
import redis.clients.jedis.RedisClient;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PostgreSQL and Redis of this machine, in places a running stack never uses: database
 * {@code discovery_test} and Redis db 15. The fixture is ingested once per test JVM.
 */
public final class TestStack {

    public static final Database DATABASE = new Database(TestNamespace.db("discovery_test"), "postgres", "");
    public static final URI REDIS = URI.create(TestNamespace.redis(15));

    private static IngestJob.Result fixtureResult;
    private static Path outDir;

    private TestStack() {
    }

    public static DataSource dataSource() {
        return DATABASE.dataSource();
    }

    public static RedisClient redis() {
        return RedisClient.create(REDIS);
    }

    /** Ingests the fixture (first call only) into a clean Redis db 15 and returns that run's result. */
    public static synchronized IngestJob.Result fixtureIngested() throws Exception {
        if (fixtureResult == null) {
            try (RedisClient r = redis()) {
                r.flushDB();
            }
            outDir = Files.createTempDirectory("catalogue-vectors");
            fixtureResult = ingestFixture();
        }
        return fixtureResult;
    }

    /** Runs another fixture ingest over whatever is stored now. */
    public static IngestJob.Result ingestFixture() throws Exception {
        if (outDir == null) {
            outDir = Files.createTempDirectory("catalogue-vectors");
        }
        return new IngestJob(DATABASE, REDIS, Fixture.dir(), outDir, m -> { }).run();
    }

    public static Path outDir() {
        return outDir;
    }
}
