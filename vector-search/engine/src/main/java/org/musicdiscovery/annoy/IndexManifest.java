package org.musicdiscovery.annoy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static Path pathFor(Path index) {
        return Manifests.pathFor(index);
    }

    public static IndexManifest read(Path index) {
        return Manifests.read(index, IndexManifest.class, AnnoyFormatException::new);
    }

    public void write(Path index) throws IOException {
        Manifests.write(index, this);
    }

    public static String crc32c(Path file) throws IOException {
        return Manifests.crc32c(file);
    }

    static boolean exists(Path index) {
        return Files.isRegularFile(pathFor(index));
    }

}
