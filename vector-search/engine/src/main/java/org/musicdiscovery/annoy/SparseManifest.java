package org.musicdiscovery.annoy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sidecar {@code <file>.manifest.json} of a sparse index. The reader checks the file against it (size, checksum,
 * counts) and then the file's own structure, and refuses anything that disagrees.
 *
 * @param format      {@value #FORMAT} (layout in {@link SparseLayout})
 * @param nItems      items (highest id + 1)
 * @param nDims       dimensions (posting lists)
 * @param nPostings   non-zero weights over all items
 * @param fileBytes   file size
 * @param crc32c      CRC32C of the whole file, hex
 * @param buildMillis build wall time
 * @param builtBy     writer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SparseManifest(String format, int nItems, int nDims, long nPostings, long fileBytes, String crc32c,
        Long buildMillis, String builtBy) {

    public static final String FORMAT = "md-sparse-1";

    public static Path pathFor(Path file) {
        return Manifests.pathFor(file);
    }

    public static SparseManifest read(Path file) {
        return Manifests.read(file, SparseManifest.class, SparseFormatException::new);
    }

    public void write(Path file) throws IOException {
        Manifests.write(file, this);
    }
}
