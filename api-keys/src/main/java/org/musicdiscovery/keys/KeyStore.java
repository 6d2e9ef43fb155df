package org.musicdiscovery.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** API keys in PostgreSQL ({@code web.api_keys}). Every statement uses bind parameters. */
public final class KeyStore {

    /** A stored key as listings and the gateway see it (never the key itself). */
    public record StoredKey(long id, String name, String prefix, int ratePerMinute, Instant createdAt,
                            Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A key just created: {@code key} is shown to its owner once and never stored. */
    public record CreatedKey(StoredKey stored, String key) {
    }

    /** PostgreSQL could not answer: the gateway answers 503, not 401, since the key may well be valid. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(SQLException cause) {
            super("API key store unavailable: " + cause.getMessage(), cause);
        }
    }

    private static final String COLUMNS = "id, name, prefix, rate_per_minute, created_at, revoked_at";
    private final DataSource dataSource;

    public KeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public CreatedKey create(String name, int ratePerMinute) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a key needs a name of 1..100 characters");
        }
        if (ratePerMinute < 1 || ratePerMinute > 1_000_000) {
            throw new IllegalArgumentException("rate per minute must be 1..1000000");
        }
        String key = ApiKeys.generate();
        String sql = "INSERT INTO web.api_keys (name, prefix, key_hash, rate_per_minute) VALUES (?, ?, ?, ?)"
                + " RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name.strip());
            ps.setString(2, ApiKeys.prefix(key));
            ps.setBytes(3, ApiKeys.hash(key));
            ps.setInt(4, ratePerMinute);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CreatedKey(row(rs), key);
            }
        } catch (SQLException e) {
            throw new UnavailableException(e);
        }
    }

    /** The stored key matching a presented key, revoked or not; empty when no such key was ever issued. */
    public Optional<StoredKey> lookup(String key) {
        if (!ApiKeys.wellFormed(key)) {
            return Optional.empty();
        }
        List<StoredKey> found = query("SELECT " + COLUMNS + " FROM web.api_keys WHERE key_hash = ?", ApiKeys.hash(key));
        return found.stream().findFirst();
    }

    public List<StoredKey> list() {
        return query("SELECT " + COLUMNS + " FROM web.api_keys ORDER BY id");
    }

    /** Revokes by id ("7") or by prefix ("mdk_AbCdEfGh"); returns the keys revoked now (already revoked: none). */
    public List<StoredKey> revoke(String idOrPrefix) {
        boolean byId = idOrPrefix.chars().allMatch(Character::isDigit) && !idOrPrefix.isEmpty()
                && idOrPrefix.length() < 19;
        String sql = "UPDATE web.api_keys SET revoked_at = now() WHERE revoked_at IS NULL AND "
                + (byId ? "id = ?" : "prefix = ?") + " RETURNING " + COLUMNS;
        return byId ? query(sql, Long.parseLong(idOrPrefix)) : query(sql, idOrPrefix);
    }

    private List<StoredKey> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<StoredKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new UnavailableException(e);
        }
    }

    private static StoredKey row(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp(6);
        return new StoredKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
