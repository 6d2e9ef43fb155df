package org.musicdiscovery.catalogue.vectors;

import java.nio.file.Path;

/**
 * What {@link VectorExporter} wrote.
 *
 * @param items  vectors written (items with at least one genre)
 * @param dims   number of genre dimensions
 * @param digest SHA-256 (hex) of the sparse vector file: changes exactly when some vector changes
 */
public record VectorExport(Path dir, long items, int dims, String digest) {
}
