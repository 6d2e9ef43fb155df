package org.musicdiscovery.keys;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The web layer's own corner of the database: schema {@value #SCHEMA} with its own Flyway history table, so its
 * migrations never mix with the catalogue's ({@code catalogue_schema_history} in {@code public}).
 */
public final class KeySchema {
    public static final String SCHEMA = "web";
    public static final String HISTORY_TABLE = "web_schema_history";
    public static final String LOCATION = "classpath:db/migration/web";

    private KeySchema() {
    }

    /** Applies pending migrations; returns how many ran. Safe to call from several processes at once. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(KeySchema.class.getClassLoader()).dataSource(dataSource).schemas(SCHEMA)
                .table(HISTORY_TABLE).locations(LOCATION).load().migrate().migrationsExecuted;
    }
}
