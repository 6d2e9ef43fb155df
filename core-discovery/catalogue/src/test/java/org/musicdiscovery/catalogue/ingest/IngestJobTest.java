package org.musicdiscovery.catalogue.ingest;

import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.TestStack;
import org.musicdiscovery.catalogue.store.CatalogueStats;
import redis.clients.jedis.RedisClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestJobTest {

    @Test
    void fixtureIngestHasExactCounts() throws Exception {
        CatalogueStats s = TestStack.fixtureIngested().stats();
        assertEquals(21, s.songs());
        assertEquals(15, s.artists());
        assertEquals(7, s.playlists());
        assertEquals(18, s.playlistSongs());
        assertEquals(27, s.tagMappings());
        assertEquals(20, s.withGenres().get("s"), "all songs but the untagged one by an unknown artist");
        assertEquals(7, s.withGenres().get("p"));
        assertTrue(s.multiGenre().get("s") >= 10);
    }

    @Test
    void rerunningChangesNothingAndKeepsTheVersion() throws Exception {
        IngestJob.Result first = TestStack.fixtureIngested();
        try (RedisClient r = TestStack.redis()) {
            r.set("d:s:987654", "left by an ingest of other data");
        }
        IngestJob.Result again = TestStack.ingestFixture();
        assertEquals(first.version(), again.version());
        assertEquals(counts(first.stats()), counts(again.stats()));
        assertEquals(first.export().digest(), again.export().digest());
        try (RedisClient r = TestStack.redis()) {
            assertEquals(again.version(), r.get("catalogue:version"));
            assertEquals(21 + 15 + 7 + 1, r.dbSize(), "one detail per item plus the version key, stale ones removed");
        }
    }

    @Test
    void aRunInterruptedHalfWayIsRepairedByTheNextRun() throws Exception {
        TestStack.fixtureIngested();
        String before = counts(CatalogueStats.query(TestStack.dataSource()));
        try (Connection c = TestStack.dataSource().getConnection(); Statement s = c.createStatement()) {
            // what a kill -9 can leave behind: a playlist without its songs, vectors gone, a stale row
            s.execute("DELETE FROM playlist_songs WHERE playlist_id = 1000000");
            s.execute("DELETE FROM item_genres WHERE item_type = 'p'");
            s.execute("INSERT INTO playlists (id, source, source_index, name, song_count) VALUES (3000000, 'x', 0, 'stale', 0)");
        }
        TestStack.ingestFixture();
        assertEquals(before, counts(CatalogueStats.query(TestStack.dataSource())));
        try (Connection c = TestStack.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM playlist_songs WHERE playlist_id = 1000000")) {
            rs.next();
            assertEquals(4, rs.getInt(1));
        }
    }

    @Test
    void ingestLeavesTablesVacuumedAndPlaylistProbesIndexOnly() throws Exception {
        java.sql.Timestamp before;
        try (Connection c = TestStack.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            before = rs.getTimestamp(1);
        }
        TestStack.ingestFixture();
        try (Connection c = TestStack.dataSource().getConnection(); Statement s = c.createStatement()) {
            // without autovacuum (off on these machines) nothing else merges the GIN pending lists
            try (ResultSet rs = s.executeQuery("SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname IN "
                    + "('artists', 'songs', 'playlists', 'playlist_songs', 'item_genres')")) {
                int tables = 0;
                while (rs.next()) {
                    tables++;
                    assertTrue(rs.getTimestamp(2) != null && !rs.getTimestamp(2).before(before),
                            rs.getString(1) + " not vacuumed by the ingest: " + rs.getTimestamp(2));
                }
                assertEquals(5, tables);
            }
            s.execute("SET enable_seqscan = off");
            s.execute("SET enable_bitmapscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN SELECT playlist_id FROM playlist_songs WHERE song_id = 1")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("Index Only Scan"), plan.toString());
        }
    }

    @Test
    void tagMappingTableIsInspectableInPostgres() throws Exception {
        TestStack.fixtureIngested();
        try (Connection c = TestStack.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tag, genre, rule FROM tag_genre_map WHERE tag IN ('rnb', '00s', 'hip-hop') ORDER BY tag")) {
            rs.next();
            assertEquals("00s|null|STOP", rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            rs.next();
            assertEquals("hip-hop|hip hop|CANONICAL", rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            rs.next();
            assertEquals("rnb|rhythm and blues|ALIAS", rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
        }
    }

    private static String counts(CatalogueStats s) {
        return s.songs() + "/" + s.artists() + "/" + s.playlists() + "/" + s.playlistSongs() + "/" + s.genres() + "/"
                + s.genresUsed() + "/" + s.tagMappings() + "/" + s.withGenres() + "/" + s.multiGenre();
    }
}
