package org.musicdiscovery.catalogue.source;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real data lives: env {@code DISCOVERY_DATA_DIR}, else system property {@code discovery.data.dir},
 * else {@code ../shared/data} relative to the current directory (the repository root).
 */
public final class DataDir {

    public static final String ENV = "DISCOVERY_DATA_DIR";
    public static final String PROPERTY = "discovery.data.dir";

    private DataDir() {
    }

    /** The configured data dir; not checked for existence. */
    public static Path resolve() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        return Path.of("..", "shared", "data");
    }

    /** The explicit dir when given, else {@link #resolve()}; fails clearly when the dir does not exist. */
    public static Path require(Path explicit) {
        Path dir = (explicit != null ? explicit : resolve()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data dir " + dir + " does not exist; set --data-dir or " + ENV);
        }
        return dir;
    }
}
