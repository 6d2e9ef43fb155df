package org.musicdiscovery.catalogue.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.TestStack;
import org.musicdiscovery.catalogue.model.DuplicateKey;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import redis.clients.jedis.RedisClient;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailStoreTest {

    @BeforeAll
    static void ingest() throws Exception {
        TestStack.fixtureIngested();
    }

    @Test
    void codecRoundTripIsCompact() {
        EntityDetail d = new EntityDetail(ItemRef.song(22655), "Rolling In The Deep", "Adele", 7L,
                List.of(new GenreWeight("soul", 0.5), new GenreWeight("pop", 0.25), new GenreWeight("rhythm and blues", 0.25)), 1, 12);
        byte[] bytes = DetailCodec.encode(d);
        assertEquals(d, DetailCodec.decode(bytes));
        int plainJson;
        try {
            plainJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(d).length;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertTrue(bytes.length < 0.6 * plainJson, "smile " + bytes.length + " bytes vs plain JSON " + plainJson);
        assertThrows(IllegalArgumentException.class, () -> DetailCodec.decode(new byte[]{1, 2, 3}));
    }

    @Test
    void songsCarryTheirDuplicateKeyStoredWithTheDetail() throws Exception {
        EntityDetail d = new EntityDetail(ItemRef.song(1), "Hey Jude (Remastered 2015)", "The Beatles", 3L,
                List.of(), 1, 5);
        assertEquals(DuplicateKey.of("Hey Jude", "Beatles"), d.duplicateKey());
        EntityDetail stored = new EntityDetail(d.ref(), d.title(), d.artistName(), 3L, List.of(), 1, 5, "as stored");
        assertEquals("as stored", DetailCodec.decode(DetailCodec.encode(stored)).duplicateKey(), "read, not recomputed");
        assertNull(new EntityDetail(ItemRef.playlist(2), "Mix", null, null, List.of(), 3, 1, "x").duplicateKey());

        var smile = new com.fasterxml.jackson.dataformat.smile.databind.SmileMapper();
        Map<String, Object> older = new java.util.LinkedHashMap<>(Map.of("t", d.ref().type().code(), "i", 1,
                "n", d.title(), "a", d.artistName(), "ai", 3, "z", 1, "p", 5.0));
        assertEquals(d, DetailCodec.decode(smile.writeValueAsBytes(older)), "a value without the key: computed");
        older.put("later", List.of(1, 2));
        assertEquals(d, DetailCodec.decode(smile.writeValueAsBytes(older)), "a newer version's extra field: skipped");
    }

    @Test
    void bulkRoundTripInOneCallSkipsMissingKeys() {
        try (RedisClient redis = TestStack.redis()) {
            DetailStore store = new DetailStore(redis);
            EntityDetail a = new EntityDetail(ItemRef.playlist(9_000_001), "Test Mix", null, null,
                    List.of(new GenreWeight("funk", 1.0)), 3, 1.5);
            EntityDetail b = new EntityDetail(ItemRef.artist(9_000_002), "Test Artist", null, null, List.of(), 2, 0);
            store.putAll(List.of(a, b));
            Map<ItemRef, EntityDetail> got = store.getAll(List.of(a.ref(), ItemRef.song(9_999_999), b.ref()));
            assertEquals(Map.of(a.ref(), a, b.ref(), b), got);
            assertEquals(List.of(a.ref(), b.ref()), List.copyOf(got.keySet()), "request order kept");
            redis.del(DetailCodec.key(a.ref()), DetailCodec.key(b.ref()));
        }
    }

    @Test
    void ingestFilledRedisWithWhatPostgresHolds() {
        List<ItemRef> refs = List.of(ItemRef.song(0), ItemRef.song(13), ItemRef.playlist(1_000_000), ItemRef.song(19));
        Map<ItemRef, EntityDetail> fromPg = new CatalogueDetails(TestStack.dataSource()).load(refs);
        try (RedisClient redis = TestStack.redis()) {
            assertEquals(fromPg, new DetailStore(redis).getAll(refs));
        }
        EntityDetail song = fromPg.get(ItemRef.song(13));
        assertEquals("Empire State Of Mind", song.title());
        assertEquals("Jay-Z & Alicia Keys", song.artistName());
        EntityDetail playlist = fromPg.get(ItemRef.playlist(1_000_000));
        assertEquals(4, playlist.size());
        assertEquals("soul", playlist.genres().getFirst().genre());
        assertEquals(1.0, playlist.genres().stream().mapToDouble(GenreWeight::weight).sum(), 1e-5);
        assertTrue(fromPg.get(ItemRef.song(19)).genres().isEmpty());
        EntityDetail artist = new CatalogueDetails(TestStack.dataSource()).load(List.of(ItemRef.artist(song.artistId())))
                .get(ItemRef.artist(song.artistId()));
        assertEquals("Jay-Z", artist.title());
        assertEquals(2, artist.size());
        assertNull(artist.artistName());
    }

    @Test
    void unknownIdsAreAbsentFromTheFallback() {
        assertFalse(new CatalogueDetails(TestStack.dataSource()).load(List.of(ItemRef.song(123_456))).containsKey(ItemRef.song(123_456)));
    }
}
