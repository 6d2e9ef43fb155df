package org.musicdiscovery.catalogue.store;

import org.musicdiscovery.catalogue.model.ItemRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a detail page lists beside an item: a playlist's songs in order, an artist's most played songs, the most
 * popular playlists holding a song. Each is one indexed query returning refs; details come from the detail store.
 */
public final class ItemContents {

    private final DataSource dataSource;

    public ItemContents(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<ItemRef> playlistSongs(long playlistId, int max) {
        return refs("SELECT song_id FROM playlist_songs WHERE playlist_id = ? ORDER BY position LIMIT ?",
                playlistId, max, ItemRef::song);
    }

    public List<ItemRef> artistSongs(long artistId, int max) {
        return refs("SELECT id FROM songs WHERE artist_id = ? ORDER BY popularity DESC, id LIMIT ?",
                artistId, max, ItemRef::song);
    }

    public List<ItemRef> songPlaylists(long songId, int max) {
        return refs("SELECT p.id FROM playlists p WHERE p.id IN (SELECT playlist_id FROM playlist_songs WHERE song_id = ?)"
                + " ORDER BY p.popularity DESC, p.id LIMIT ?", songId, max, ItemRef::playlist);
    }

    private List<ItemRef> refs(String sql, long id, int max, LongFunction<ItemRef> ref) {
        List<ItemRef> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(ref.apply(rs.getLong(1)));
                }
            }
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("cannot read item contents from PostgreSQL: " + e.getMessage(), e);
        }
        return out;
    }
}
