package org.musicdiscovery.catalogue.db;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connection settings for the catalogue database, plus the two start-up chores: create the database when
 * it is absent (via the {@code postgres} maintenance database) and apply the Flyway migrations.
 */
public record Database(String url, String user, String password) {

    public static final String MIGRATIONS = "classpath:db/migration/catalogue";
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    public Database {
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("database url must look like jdbc:postgresql://host:port/name, got " + url);
        }
    }

    public String name() {
        Matcher m = URL.matcher(url);
        m.matches();
        return m.group(2);
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        return ds;
    }

    /** Creates the database if it does not exist; returns true when it was created. */
    public boolean ensureExists() throws SQLException {
        Matcher m = URL.matcher(url);
        m.matches();
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(admin, user, password == null ? "" : password);
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, name());
            if (q.executeQuery().next()) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name() + "\""); // name is validated by URL pattern
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // created concurrently by another ingest
                    return false;
                }
                throw e;
            }
        }
    }

    /** Never prints the password (records would). */
    @Override
    public String toString() {
        return "Database[" + url + ", user=" + user + "]";
    }

    /** Applies the catalogue migrations; returns the number applied. */
    public int migrate() {
        return Flyway.configure().dataSource(dataSource()).locations(MIGRATIONS)
                .table("catalogue_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate().migrationsExecuted;
    }
}
