package org.musicdiscovery.catalogue.store;

import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entity details read from PostgreSQL: the fallback for items missing from Redis (the caller re-caches them)
 * and the source the ingest fills Redis from. One query per item type plus one for the genre mixes.
 */
public final class CatalogueDetails {

    private static final Map<ItemType, String> QUERIES = Map.of(
            ItemType.SONG, "SELECT id, title, artist_credit, artist_id, 1, popularity FROM songs WHERE id = ANY (?)",
            ItemType.PLAYLIST, "SELECT id, name, NULL, NULL, song_count, popularity FROM playlists WHERE id = ANY (?)",
            ItemType.ARTIST, "SELECT id, name, NULL, NULL, song_count, popularity FROM artists WHERE id = ANY (?)");

    private final DataSource dataSource;

    public CatalogueDetails(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Details of the refs that exist; unknown ids are simply absent. */
    public Map<ItemRef, EntityDetail> load(Collection<ItemRef> refs) {
        Map<ItemType, List<Long>> byType = new EnumMap<>(ItemType.class);
        refs.forEach(r -> byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r.id()));
        Map<ItemRef, EntityDetail> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (var e : byType.entrySet()) {
                Long[] ids = e.getValue().toArray(Long[]::new);
                Map<Long, List<GenreWeight>> genres = genres(c, e.getKey(), ids);
                try (PreparedStatement ps = c.prepareStatement(QUERIES.get(e.getKey()))) {
                    ps.setArray(1, c.createArrayOf("bigint", ids));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            ItemRef ref = new ItemRef(e.getKey(), id);
                            Long artistId = rs.getObject(4) == null ? null : rs.getLong(4);
                            out.put(ref, new EntityDetail(ref, rs.getString(2), rs.getString(3), artistId,
                                    genres.getOrDefault(id, List.of()), rs.getInt(5), rs.getDouble(6)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new CatalogueUnavailableException("cannot load entity details from PostgreSQL: " + e.getMessage(), e);
        }
        Map<ItemRef, EntityDetail> ordered = new LinkedHashMap<>();
        refs.forEach(r -> { if (out.containsKey(r)) ordered.put(r, out.get(r)); });
        return ordered;
    }

    private static Map<Long, List<GenreWeight>> genres(Connection c, ItemType type, Long[] ids) throws SQLException {
        Map<Long, List<GenreWeight>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_id, genre, weight FROM item_genres "
                + "WHERE item_type = ? AND item_id = ANY (?) ORDER BY item_id, weight DESC, genre")) {
            ps.setString(1, type.code());
            ps.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new GenreWeight(rs.getString(2), rs.getFloat(3)));
                }
            }
        }
        return out;
    }
}
