package org.musicdiscovery.catalogue.vectors;

import org.musicdiscovery.catalogue.model.DuplicateKey;
import org.musicdiscovery.catalogue.model.ItemType;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Exports the genre vectors stored in {@code item_genres} for the vector index (format in docs/catalogue.md):
 * <ul>
 *   <li>{@value #DIMS}: {@code dim TAB genre}, dims 0..f-1 over the genres in use, alphabetical;</li>
 *   <li>{@value #SPARSE}: {@code vid TAB type TAB catalogueId TAB dim:weight,dim:weight... TAB popularity TAB
 *       duplicate} (vid = dense 0..n-1 id: songs by id, then playlists, then artists; popularity orders items with
 *       equal scores in the index; duplicate is a song's {@link DuplicateKey#hash} in hex, {@code -} for others:
 *       both travel with the index's candidates so core ranks and de-duplicates without reading their details);</li>
 *   <li>{@value #DENSE}: the engine's plain format {@code vid TAB v1 v2 ... vf};</li>
 *   <li>{@value #MANIFEST}: counts and digest.</li>
 * </ul>
 * Files are written beside the target and moved into place, so a killed export never leaves half a file.
 */
public final class VectorExporter {

    public static final String DIMS = "genre-dims.tsv";
    public static final String SPARSE = "genre-vectors.tsv";
    public static final String DENSE = "genre-vectors.dense.tsv";
    public static final String MANIFEST = "genre-vectors.properties";

    private final DataSource dataSource;
    private final Consumer<String> progress;

    public VectorExporter(DataSource dataSource, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.progress = progress;
    }

    public VectorExport export(Path outDir) throws SQLException {
        try {
            Files.createDirectories(outDir);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false); // lets the driver stream with a fetch size
                List<String> dims = dims(c);
                Map<String, Integer> dimIndex = new HashMap<>();
                for (int i = 0; i < dims.size(); i++) {
                    dimIndex.put(dims.get(i), i);
                }
                writeDims(outDir, dims);
                VectorExport result = writeVectors(c, outDir, dimIndex);
                c.commit();
                Files.writeString(tmp(outDir, MANIFEST), "items=" + result.items() + "\ndims=" + result.dims()
                        + "\ndigest=" + result.digest() + "\n", StandardCharsets.UTF_8);
                moveIntoPlace(outDir, MANIFEST);
                progress.accept("exported " + result.items() + " vectors over " + result.dims() + " genres to " + outDir);
                return result;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vectors to " + outDir, e);
        }
    }

    private static List<String> dims(Connection c) throws SQLException {
        List<String> dims = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT genre FROM item_genres ORDER BY genre")) {
            while (rs.next()) {
                dims.add(rs.getString(1));
            }
        }
        return dims;
    }

    private static void writeDims(Path outDir, List<String> dims) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tmp(outDir, DIMS), StandardCharsets.UTF_8)) {
            for (int i = 0; i < dims.size(); i++) {
                w.write(i + "\t" + dims.get(i) + "\n");
            }
        }
        moveIntoPlace(outDir, DIMS);
    }

    private VectorExport writeVectors(Connection c, Path outDir, Map<String, Integer> dimIndex) throws SQLException, IOException {
        MessageDigest sha = sha256();
        long vid = 0;
        int f = dimIndex.size();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT g.item_type, g.item_id, g.genre, g.weight,
                       COALESCE(s.popularity, p.popularity, a.popularity, 0), s.title, s.artist_credit
                FROM item_genres g
                LEFT JOIN songs s ON g.item_type = 's' AND s.id = g.item_id
                LEFT JOIN playlists p ON g.item_type = 'p' AND p.id = g.item_id
                LEFT JOIN artists a ON g.item_type = 'a' AND a.id = g.item_id
                ORDER BY CASE g.item_type WHEN 's' THEN 0 WHEN 'p' THEN 1 ELSE 2 END, g.item_id, g.weight DESC,
                         g.genre""");
             BufferedWriter sparse = Files.newBufferedWriter(tmp(outDir, SPARSE), StandardCharsets.UTF_8);
             BufferedWriter dense = Files.newBufferedWriter(tmp(outDir, DENSE), StandardCharsets.UTF_8)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                String curType = null;
                long curId = -1;
                double curPopularity = 0;
                String curDuplicate = null;
                StringBuilder entries = new StringBuilder();
                float[] values = new float[f];
                boolean more = rs.next();
                while (more) {
                    String type = rs.getString(1);
                    long id = rs.getLong(2);
                    if (curType != null && (!type.equals(curType) || id != curId)) {
                        emit(sparse, dense, sha, vid++, curType, curId, curPopularity, curDuplicate, entries, values);
                        if (vid % 50_000 == 0) {
                            progress.accept("exported " + vid + " vectors");
                        }
                    }
                    curType = type;
                    curId = id;
                    curPopularity = rs.getDouble(5);
                    curDuplicate = type.equals("s")
                            ? Long.toHexString(DuplicateKey.hash(DuplicateKey.of(rs.getString(6), rs.getString(7))))
                            : "-";
                    int dim = dimIndex.get(rs.getString(3));
                    float weight = rs.getFloat(4);
                    entries.append(entries.isEmpty() ? "" : ",").append(dim).append(':').append(weight);
                    values[dim] = weight;
                    more = rs.next();
                    if (!more) {
                        emit(sparse, dense, sha, vid++, curType, curId, curPopularity, curDuplicate, entries,
                                values);
                    }
                }
            }
        }
        moveIntoPlace(outDir, SPARSE);
        moveIntoPlace(outDir, DENSE);
        return new VectorExport(outDir, vid, f, HexFormat.of().formatHex(sha.digest()));
    }

    private static void emit(BufferedWriter sparse, BufferedWriter dense, MessageDigest sha, long vid, String type,
                             long id, double popularity, String duplicate, StringBuilder entries, float[] values)
            throws IOException {
        String line = vid + "\t" + ItemType.fromCode(type).code() + "\t" + id + "\t" + entries + "\t" + popularity
                + "\t" + duplicate + "\n";
        sparse.write(line);
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        StringBuilder d = new StringBuilder(values.length * 2 + 16).append(vid).append('\t');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                d.append(' ');
            }
            d.append(values[i] == 0f ? "0" : Float.toString(values[i]));
        }
        dense.write(d.append('\n').toString());
        entries.setLength(0);
        java.util.Arrays.fill(values, 0f);
    }

    private static Path tmp(Path dir, String name) {
        return dir.resolve(name + ".tmp");
    }

    private static void moveIntoPlace(Path dir, String name) throws IOException {
        Files.move(tmp(dir, name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
