package org.musicdiscovery.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.catalogue.db.Database;
import org.musicdiscovery.catalogue.db.TestNamespace;

/** The key store on the machine's real PostgreSQL, in a test database of its own. */
class KeyStoreTest {
    static DataSource ds;
    static KeyStore store;

    @BeforeAll
    static void setUp() throws Exception {
        var db = new Database(TestNamespace.db("discovery_keys_test"), "postgres", "");
        db.ensureExists();
        ds = db.dataSource();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS web CASCADE");
        }
        assertEquals(1, KeySchema.migrate(ds));
        assertEquals(0, KeySchema.migrate(ds), "migrating twice is a no-op");
        store = new KeyStore(ds);
    }

    @Test
    void keysAreRandomWellFormedAndHashed() {
        String a = ApiKeys.generate();
        String b = ApiKeys.generate();
        assertNotEquals(a, b);
        assertTrue(ApiKeys.wellFormed(a), a);
        assertFalse(ApiKeys.wellFormed(a + "x"));
        assertFalse(ApiKeys.wellFormed("mdk_short"));
        assertFalse(ApiKeys.wellFormed(null));
        assertEquals(32, ApiKeys.hash(a).length);
        assertArrayEquals(ApiKeys.hash(a), ApiKeys.hash(a));
    }

    @Test
    void aCreatedKeyIsFoundByItsValueAndStoredOnlyAsAHash() throws Exception {
        var created = store.create("test app", 120);
        var found = store.lookup(created.key()).orElseThrow();
        assertEquals(created.stored().id(), found.id());
        assertEquals(120, found.ratePerMinute());
        assertFalse(found.revoked());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM web.api_keys WHERE id = " + found.id())) {
            rs.next();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                assertFalse(String.valueOf(rs.getObject(i)).contains(created.key().substring(12)),
                        "the key itself is not stored in column " + rs.getMetaData().getColumnName(i));
            }
        }
        assertTrue(store.lookup(ApiKeys.generate()).isEmpty(), "a never-issued key is unknown");
        assertTrue(store.lookup("not a key").isEmpty());
    }

    @Test
    void revokingByIdOrPrefixMarksTheKeyRevokedOnce() {
        var byId = store.create("by id", 60);
        assertEquals(1, store.revoke(String.valueOf(byId.stored().id())).size());
        assertTrue(store.lookup(byId.key()).orElseThrow().revoked());
        assertTrue(store.revoke(String.valueOf(byId.stored().id())).isEmpty(), "already revoked");
        var byPrefix = store.create("by prefix", 60);
        assertEquals(1, store.revoke(byPrefix.stored().prefix()).size());
        assertTrue(store.lookup(byPrefix.key()).orElseThrow().revoked());
        assertTrue(store.list().stream().anyMatch(k -> k.id() == byPrefix.stored().id() && k.revoked()));
    }

    @Test
    void badNamesAndRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.create(" ", 10));
        assertThrows(IllegalArgumentException.class, () -> store.create("x".repeat(101), 10));
        assertThrows(IllegalArgumentException.class, () -> store.create("ok", 0));
    }
}
