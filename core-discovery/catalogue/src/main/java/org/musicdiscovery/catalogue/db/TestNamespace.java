package org.musicdiscovery.catalogue.db;

/**
 * Where tests keep their data on the machine's real PostgreSQL and Redis. Two checkouts testing at once (CI and a
 * developer, or parallel worktrees) set {@code DISCOVERY_TEST_DB_PREFIX} and {@code DISCOVERY_TEST_REDIS_PORT} so
 * their fixtures never overwrite each other; unset, tests use their fixed names on the default ports.
 */
public final class TestNamespace {

    private TestNamespace() {
    }

    /** JDBC URL of the test database {@code name}, prefixed when a namespace is set. */
    public static String db(String name) {
        String prefix = System.getenv().getOrDefault("DISCOVERY_TEST_DB_PREFIX", "");
        return "jdbc:postgresql://127.0.0.1:5432/" + prefix + name;
    }

    /** Redis URL of logical db {@code db} on the test Redis port. */
    public static String redis(int db) {
        String port = System.getenv().getOrDefault("DISCOVERY_TEST_REDIS_PORT", "6379");
        return "redis://127.0.0.1:" + port + "/" + db;
    }
}
