package org.musicdiscovery.annoy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The sidecar {@code <index>.manifest.json}: Annoy files record neither metric nor dimension, so opening one with the
 * wrong pair silently returns garbage (Annoy issues #368, #285). The reader checks the file against this.
 *
 * @param metric     angular, dot or euclidean
 * @param dimension  f
 * @param layout     "annoy-1.17" (node size = {@code nodeSize} bytes)
 * @param nodeSize   bytes per node
 * @param nItems     items (highest id + 1)
 * @param nTrees     trees (= root copies at the end of the file)
 * @param nNodes     nodes in the file
 * @param fileBytes  file size
 * @param crc32c     CRC32C of the whole file, hex
 * @param dotMargin  dot only: "fixed" (built with PR #628 math; search margin n·q) or "legacy" (Annoy ≤ 1.17.3)
 * @param seed       build seed
 * @param threads    build threads
 * @param buildMillis build wall time
 * @param builtBy    writer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexManifest(String metric, int dimension, String layout, int nodeSize, int nItems, int nTrees,
        long nNodes, long fileBytes, String crc32c, String dotMargin, Long seed, Integer threads, Long buildMillis,
        String builtBy) {

    public static final String LAYOUT = "annoy-1.17";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path pathFor(Path index) {
        return index.resolveSibling(index.getFileName() + ".manifest.json");
    }

    public static IndexManifest read(Path index) {
        Path file = pathFor(index);
        try {
            return JSON.readValue(file.toFile(), IndexManifest.class);
        } catch (IOException e) {
            throw new AnnoyFormatException(file + ": unreadable manifest: " + e.getMessage(), e);
        }
    }

    public void write(Path index) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(pathFor(index).toFile(), this);
    }

    public static String crc32c(Path file) throws IOException {
        var crc = new CRC32C();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) > 0) {
                buf.flip();
                crc.update(buf);
                buf.clear();
            }
        }
        return Long.toHexString(crc.getValue());
    }

    static boolean exists(Path index) {
        return Files.isRegularFile(pathFor(index));
    }

}
