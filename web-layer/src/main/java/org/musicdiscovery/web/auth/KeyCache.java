package org.musicdiscovery.web.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.keys.ApiKeys;
import org.musicdiscovery.keys.KeyStore;
import org.musicdiscovery.web.api.ApiProblem;

/**
 * Key lookups remembered for {@code discovery.keys.cache-seconds} (unknown keys too, so a client hammering with a
 * bad key costs no database queries): a request with a key costs a map probe, and a revocation takes effect
 * within that many seconds. Entries are held by the key's hash, never the key.
 */
@ApplicationScoped
public class KeyCache {
    private static final int MAX_ENTRIES = 50_000;

    @Inject
    KeyStore store;
    @ConfigProperty(name = "discovery.keys.cache-seconds")
    int cacheSeconds;

    private record Entry(Optional<KeyStore.StoredKey> key, long until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** True when {@link #lookup} would answer without asking PostgreSQL (an event loop may call it then). */
    public boolean holds(String key) {
        return !ApiKeys.wellFormed(key) || held(id(key), System.nanoTime()) != null;
    }

    public Optional<KeyStore.StoredKey> lookup(String key) {
        if (!ApiKeys.wellFormed(key)) {
            return Optional.empty();
        }
        String id = id(key);
        long now = System.nanoTime();
        Entry e = held(id, now);
        if (e != null) {
            return e.key();
        }
        Optional<KeyStore.StoredKey> found;
        try {
            found = store.lookup(key);
        } catch (KeyStore.UnavailableException ex) {
            throw new ApiProblem(503, "auth_unavailable", "API keys cannot be checked right now; please retry shortly",
                    null, 2);
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // crude but bounded; refilled from PostgreSQL within one cache period
        }
        entries.put(id, new Entry(found, now + cacheSeconds * 1_000_000_000L));
        return found;
    }

    /** Entries are filed under the key's hash: the cache never holds a key in plain text. */
    private static String id(String key) {
        return HexFormat.of().formatHex(ApiKeys.hash(key));
    }

    /** The entry for this id if it has not expired, else null. */
    private Entry held(String id, long now) {
        Entry e = entries.get(id);
        return e != null && now - e.until() < 0 ? e : null;
    }
}
