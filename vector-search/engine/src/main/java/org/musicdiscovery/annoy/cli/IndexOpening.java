package org.musicdiscovery.annoy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.musicdiscovery.annoy.AnnoyIndex;
import org.musicdiscovery.annoy.IndexManifest;
import org.musicdiscovery.annoy.Metric;

/** With a manifest the file describes itself; a bare Annoy file needs the metric and dimension from the user. */
final class IndexOpening {
    private IndexOpening() {
    }

    static AnnoyIndex open(Path index, String metric, int dim) {
        if (metric != null && dim > 0) {
            return AnnoyIndex.openBare(index, Metric.of(metric), dim, false);
        }
        if (!Files.isRegularFile(IndexManifest.pathFor(index))) {
            throw new IllegalArgumentException(index + " has no manifest: give --metric and --dim");
        }
        return AnnoyIndex.open(index);
    }
}
