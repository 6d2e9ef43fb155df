package org.musicdiscovery.annoy;

import java.io.IOException;
import java.nio.file.Path;

/** The tests' one way to fill a configured builder and write its index. */
final class TestIndexes {
    private TestIndexes() {
    }

    /** Adds items[i] as id i, builds {@code trees} trees and saves them to {@code file}; the builder stays open. */
    static IndexManifest build(AnnoyBuilder b, float[][] items, int trees, Path file) throws IOException {
        for (int i = 0; i < items.length; i++) {
            b.addItem(i, items[i]);
        }
        b.build(trees, t -> { });
        return b.save(file);
    }
}
