package org.musicdiscovery.catalogue.cli;

import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.source.DataDir;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/** Connection and location options shared by the subcommands; defaults come from the environment. */
final class CommonOptions {

    @Option(names = "--db-url", defaultValue = "${env:DISCOVERY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/discovery}",
            description = "JDBC URL of the catalogue database, created if absent (env DISCOVERY_DB_URL; default ${DEFAULT-VALUE})")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:DISCOVERY_DB_USER:-postgres}",
            description = "database user (env DISCOVERY_DB_USER; default ${DEFAULT-VALUE})")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:DISCOVERY_DB_PASSWORD:-}",
            description = "database password (env DISCOVERY_DB_PASSWORD; default empty)")
    String dbPassword;

    @Option(names = "--redis-url", defaultValue = "${env:DISCOVERY_REDIS_URL:-redis://127.0.0.1:6379/0}",
            description = "Redis URL, path = db index (env DISCOVERY_REDIS_URL; default ${DEFAULT-VALUE})")
    URI redisUrl;

    @Option(names = "--data-dir", description = "data dir with yes/, lastfm-hetrec-2k/, genres/ "
            + "(default: env DISCOVERY_DATA_DIR, else -Ddiscovery.data.dir, else ../shared/data)")
    Path dataDir;

    @Option(names = "--out-dir", defaultValue = "var/catalogue",
            description = "where genre-vector exports go (default ${DEFAULT-VALUE} under the current dir)")
    Path outDir;

    Database database() {
        return new Database(dbUrl, dbUser, dbPassword);
    }

    Path dataDir() {
        return DataDir.require(dataDir);
    }
}
