package org.musicdiscovery.core.populate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.db.TestNamespace;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.DetailStore;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * Detail population on the machine's real Redis (db 11) and PostgreSQL (database {@code discovery_populate_test},
 * the catalogue's own Flyway schema): Redis first, PostgreSQL for what it lacks, written back.
 */
class DetailPopulatorTest {
    static final Database DB = new Database(TestNamespace.db("discovery_populate_test"), "postgres", "");
    static RedisClient redis;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void schema() throws Exception {
        DB.ensureExists();
        DB.migrate();
        redis = RedisClient.create(URI.create(TestNamespace.redis(11)));
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @BeforeEach
    void rows() throws Exception {
        redis.flushDB();
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE item_genres, songs, artists, genres CASCADE");
            s.execute("INSERT INTO genres (name, depth, display_name) VALUES ('soul', 1, 'Soul'), ('funk', 1, 'Funk')");
            s.execute("INSERT INTO artists (id, name, name_key, popularity) VALUES (1, 'Aretha Franklin', 'aretha', 9)");
            s.execute("INSERT INTO songs (id, title, artist_credit, artist_id, popularity) VALUES "
                    + "(10, 'Respect', 'Aretha Franklin', 1, 7), (11, 'Think', 'Aretha Franklin', 1, 5)");
            s.execute("INSERT INTO item_genres VALUES ('s', 11, 'soul', 0.75), ('s', 11, 'funk', 0.25)");
        }
    }

    private DetailPopulator populator(RedisClient client) {
        var p = new DetailPopulator();
        p.redis = new DetailStore(client);
        p.database = new CatalogueDetails(DB.dataSource());
        p.meters = meters;
        return p;
    }

    private double counter(String name) {
        var c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void redisFirstThenPostgresForWhatItLacksWhichIsCachedAgain() {
        var store = new DetailStore(redis);
        store.putAll(List.of(new EntityDetail(ItemRef.song(10), "Respect (as cached)", "Aretha Franklin", 1L,
                List.of(), 1, 7)));
        var refs = List.of(ItemRef.song(10), ItemRef.song(11), ItemRef.song(99));

        Map<ItemRef, EntityDetail> found = populator(redis).populate(refs);

        assertEquals("Respect (as cached)", found.get(ItemRef.song(10)).title(), "Redis answers what it has");
        EntityDetail think = found.get(ItemRef.song(11));
        assertEquals("Think", think.title(), "PostgreSQL answers the rest");
        assertEquals("soul", think.genres().getFirst().genre());
        assertEquals(0.75, think.genres().getFirst().weight(), 1e-6);
        assertEquals(2, found.size(), "an id neither store knows is left out");
        assertEquals(2.0, counter("discovery.details.fallback"));
        assertEquals("Think", store.getAll(List.of(ItemRef.song(11))).get(ItemRef.song(11)).title(),
                "written back to Redis for the next page");
        assertEquals(3.0, meters.find(DetailPopulator.READ_METRIC).summary().totalAmount());
    }

    @Test
    void withRedisDownEverythingComesFromPostgres() {
        // nothing listens on port 1: every Redis call fails fast
        try (var down = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 1))
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(200).build()).build()) {
            Map<ItemRef, EntityDetail> found = populator(down).populate(List.of(ItemRef.song(10), ItemRef.song(11)));
            assertEquals(List.of("Respect", "Think"), List.of(found.get(ItemRef.song(10)).title(),
                    found.get(ItemRef.song(11)).title()));
            assertEquals(1.0, counter("discovery.details.redis.failures"));
        }
        assertTrue(new DetailStore(redis).getAll(List.of(ItemRef.song(10))).isEmpty(),
                "nothing written back anywhere while Redis is down");
    }

    @Test
    void detailsReadForOneDataVersionAreHeldForItAndNotForTheNext() throws Exception {
        var p = populator(redis);
        p.localItems = 100;
        var refs = List.of(ItemRef.song(10), ItemRef.song(11));
        assertEquals("Think", p.populate(refs, "v1").get(ItemRef.song(11)).title());
        assertEquals(0.0, counter("discovery.details.local.hits"));
        // both stores change: the held details still answer for v1, without asking either
        redis.flushDB();
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE songs SET title = 'Think (remastered)' WHERE id = 11");
        }
        Map<ItemRef, EntityDetail> held = p.populate(refs, "v1");
        assertEquals("Think", held.get(ItemRef.song(11)).title());
        assertEquals(2.0, counter("discovery.details.local.hits"));
        assertEquals(2.0, counter("discovery.details.fallback"), "PostgreSQL was asked once, for v1's first read");
        // a new data version (an ingest bumps it after rewriting the details) reads them again
        assertEquals("Think (remastered)", p.populate(refs, "v2").get(ItemRef.song(11)).title());
        assertEquals(2.0, counter("discovery.details.local.hits"));
        p.localItems = 0;
        assertEquals("Think (remastered)", p.populate(refs, "v2").get(ItemRef.song(11)).title(), "off: Redis");
        assertEquals(2.0, counter("discovery.details.local.hits"));
    }

    @Test
    void anEmptyPageAsksNoStore() {
        try (var down = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 1)).build()) {
            assertTrue(populator(down).populate(List.of()).isEmpty());
        }
        assertEquals(0.0, counter("discovery.details.redis.failures"), "Redis was not asked");
        assertEquals(null, meters.find(DetailPopulator.READ_METRIC).summary());
    }
}
