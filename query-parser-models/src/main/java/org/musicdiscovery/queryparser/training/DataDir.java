package org.musicdiscovery.queryparser.training;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data directory: env DISCOVERY_DATA_DIR, else system property discovery.data.dir, else ../shared/data. */
public final class DataDir {

    private DataDir() {
    }

    public static Path resolve(Path explicit) {
        Path dir = explicit;
        if (dir == null && System.getenv("DISCOVERY_DATA_DIR") != null) {
            dir = Path.of(System.getenv("DISCOVERY_DATA_DIR"));
        }
        if (dir == null && System.getProperty("discovery.data.dir") != null) {
            dir = Path.of(System.getProperty("discovery.data.dir"));
        }
        if (dir == null) {
            dir = Path.of("..", "shared", "data");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data directory " + dir.toAbsolutePath()
                    + " not found: set DISCOVERY_DATA_DIR or pass --data-dir");
        }
        return dir;
    }
}
