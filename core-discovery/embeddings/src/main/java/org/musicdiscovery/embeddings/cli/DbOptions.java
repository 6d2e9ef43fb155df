package org.musicdiscovery.embeddings.cli;

import org.musicdiscovery.catalogue.db.Database;
import picocli.CommandLine.Option;

import javax.sql.DataSource;

/**
 * The catalogue database. User and password come from the catalogue CLI's environment variables
 * ({@code DISCOVERY_DB_USER}, default postgres; {@code DISCOVERY_DB_PASSWORD}, default empty).
 */
final class DbOptions {

    @Option(names = "--db-url", defaultValue = "${env:DISCOVERY_DB_URL:-jdbc:postgresql://127.0.0.1:5432/discovery}",
            description = "JDBC URL of the ingested catalogue (env DISCOVERY_DB_URL; default ${DEFAULT-VALUE})")
    String dbUrl;

    DataSource dataSource() {
        return new Database(dbUrl, env("DISCOVERY_DB_USER", "postgres"), env("DISCOVERY_DB_PASSWORD", "")).dataSource();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
