package org.musicdiscovery.catalogue.ingest;

import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.model.EntityDetail;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.CatalogueDetails;
import org.musicdiscovery.catalogue.store.CatalogueStats;
import org.musicdiscovery.catalogue.store.DetailStore;
import org.musicdiscovery.catalogue.vectors.VectorExport;
import org.musicdiscovery.catalogue.vectors.VectorExporter;
import redis.clients.jedis.RedisClient;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole ingest: database (created and migrated), in-memory build, PostgreSQL write, vector export,
 * entity details into Redis, catalogue version into both. Each step is idempotent, so an interrupted run is
 * repaired by running again.
 */
public final class IngestJob {

    static final int DETAIL_CHUNK = 5_000;

    private final Database database;
    private final URI redisUrl;
    private final Path dataDir;
    private final Path outDir;
    private final Consumer<String> progress;

    public IngestJob(Database database, URI redisUrl, Path dataDir, Path outDir, Consumer<String> progress) {
        this.database = database;
        this.redisUrl = redisUrl;
        this.dataDir = dataDir;
        this.outDir = outDir;
        this.progress = progress;
    }

    public record Result(CatalogueStats stats, VectorExport export, String version, double seconds) {
    }

    public Result run() throws SQLException {
        long start = System.nanoTime();
        if (database.ensureExists()) {
            progress.accept("created database " + database.name());
        }
        int migrations = database.migrate();
        progress.accept("schema ready (" + migrations + " migrations applied)");
        DataSource ds = database.dataSource();

        BuiltCatalogue built = new CatalogueBuilder(dataDir, progress).build();
        reportGenreSources(built);
        new CatalogueWriter(ds, progress).write(built);
        VectorExport export = new VectorExporter(ds, progress).export(outDir);
        String version = version(export, built);
        double seconds = (System.nanoTime() - start) / 1e9;
        writeMeta(ds, Map.of("catalogue_version", version, "ingested_at", Instant.now().toString(),
                "ingest_seconds", String.format(Locale.ROOT, "%.1f", seconds), "data_dir", dataDir.toString(),
                "vector_dims", Integer.toString(export.dims()), "vector_items", Long.toString(export.items())));
        cacheDetails(ds, built, version);
        seconds = (System.nanoTime() - start) / 1e9;
        writeMeta(ds, Map.of("ingest_seconds", String.format(Locale.ROOT, "%.1f", seconds)));
        return new Result(CatalogueStats.query(ds), export, version, seconds);
    }

    /** Fills Redis from PostgreSQL (so both always agree), then publishes the version. */
    private void cacheDetails(DataSource ds, BuiltCatalogue built, String version) {
        List<ItemRef> refs = new ArrayList<>();
        built.songs().forEach(s -> refs.add(ItemRef.song(s.id())));
        built.playlists().forEach(p -> refs.add(ItemRef.playlist(p.id())));
        CatalogueDetails details = new CatalogueDetails(ds);
        try (RedisClient redis = RedisClient.create(redisUrl)) {
            DetailStore store = new DetailStore(redis);
            List<Long> artistIds = artistIds(ds);
            artistIds.forEach(id -> refs.add(ItemRef.artist(id)));
            for (int from = 0; from < refs.size(); from += DETAIL_CHUNK) {
                Map<ItemRef, EntityDetail> chunk = details.load(refs.subList(from, Math.min(refs.size(), from + DETAIL_CHUNK)));
                store.putAll(chunk.values());
                if ((from / DETAIL_CHUNK) % 5 == 4 || from + DETAIL_CHUNK >= refs.size()) {
                    progress.accept("redis details " + Math.min(refs.size(), from + DETAIL_CHUNK) + "/" + refs.size());
                }
            }
            long stale = store.retainOnly(new java.util.HashSet<>(refs));
            if (stale > 0) {
                progress.accept("removed " + stale + " stale redis details");
            }
            store.setVersion(version);
        }
    }

    private static List<Long> artistIds(DataSource ds) {
        List<Long> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT id FROM artists ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list artists: " + e.getMessage(), e);
        }
        return ids;
    }

    private void reportGenreSources(BuiltCatalogue built) {
        Map<CatalogueRows.GenreSource, Long> songs = new java.util.EnumMap<>(CatalogueRows.GenreSource.class);
        built.songs().forEach(s -> songs.merge(s.genreSource(), 1L, Long::sum));
        Map<CatalogueRows.GenreSource, Long> artists = new java.util.EnumMap<>(CatalogueRows.GenreSource.class);
        built.artists().values().forEach(a -> artists.merge(a.genreSource(), 1L, Long::sum));
        progress.accept("song genre vectors by source " + songs + "; artist genre vectors by source " + artists);
    }

    /** Same data, same version: derived from the vector digest and the entity counts, not from the clock. */
    private static String version(VectorExport export, BuiltCatalogue built) {
        String basis = export.digest() + "|" + built.songs().size() + "|" + built.artists().size() + "|" + built.playlists().size();
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "cat-" + HexFormat.of().formatHex(h).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeMeta(DataSource ds, Map<String, String> values) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO catalogue_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
            for (var e : values.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
