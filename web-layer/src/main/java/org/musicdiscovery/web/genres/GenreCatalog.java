package org.musicdiscovery.web.genres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.web.core.CoreGateway;

/**
 * The genre vocabulary as the gateway serves it: fetched from core at most once a minute, kept serialised with
 * its ETag (so the page's autocomplete list costs a 304 on revisits), and used to resolve and check the genres of
 * explicit mixes before they reach core. A failed refresh keeps serving the last good copy.
 */
@ApplicationScoped
public class GenreCatalog {
    private static final Logger LOG = Logger.getLogger(GenreCatalog.class);
    private static final long TTL_NANOS = 60_000_000_000L;

    /** One fetched copy of the vocabulary. */
    public record Snapshot(GenreVocabularyView view, byte[] json, String etag, Map<String, String> canonical,
                           long fetchedAt) {
    }

    @Inject
    CoreGateway core;
    @Inject
    ObjectMapper json;

    private volatile Snapshot snapshot;

    /** True while {@link #current} answers without asking core (an event loop may call it then). */
    public boolean fresh() {
        return fresh(snapshot);
    }

    private static boolean fresh(Snapshot s) {
        return s != null && System.nanoTime() - s.fetchedAt() < TTL_NANOS;
    }

    public Snapshot current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s;
        }
        synchronized (this) {
            if (fresh(snapshot)) {
                return snapshot;
            }
            try {
                snapshot = build(core.genres());
            } catch (RuntimeException e) {
                if (snapshot == null) {
                    throw e;
                }
                LOG.warnf("genre vocabulary refresh failed, serving the last copy: %s", e.getMessage());
                snapshot = new Snapshot(snapshot.view(), snapshot.json(), snapshot.etag(), snapshot.canonical(),
                        System.nanoTime() - TTL_NANOS + 5_000_000_000L); // retry in 5 s
            }
            return snapshot;
        }
    }

    /** The canonical genre for a name, display name or alias ("R&B", "rnb", "Hip-Hop"), if the vocabulary has it. */
    public Optional<String> canonical(String anySpelling) {
        return Optional.ofNullable(current().canonical().get(key(anySpelling)));
    }

    /** Genres whose name, display name or an alias starts with the text (or has a word that does), most used first. */
    public List<GenreVocabularyView.Entry> matching(String prefix, int limit) {
        String p = key(prefix);
        return current().view().genres().stream()
                .filter(e -> matches(e.name(), p) || matches(e.displayName(), p)
                        || e.aliases() != null && e.aliases().stream().anyMatch(a -> matches(a, p)))
                .sorted(Comparator.comparingInt(GenreVocabularyView.Entry::items).reversed())
                .limit(limit).toList();
    }

    private static boolean matches(String name, String prefix) {
        String k = key(name);
        return k.startsWith(prefix) || k.contains(" " + prefix);
    }

    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").strip();
    }

    private Snapshot build(GenreVocabularyView view) {
        Map<String, String> canonical = new HashMap<>();
        for (var e : view.genres()) {
            canonical.put(key(e.name()), e.name());
            canonical.putIfAbsent(key(e.displayName()), e.name());
            if (e.aliases() != null) {
                e.aliases().forEach(a -> canonical.putIfAbsent(key(a), e.name()));
            }
        }
        try {
            byte[] bytes = json.writeValueAsBytes(view);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"g" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
            return new Snapshot(view, bytes, etag, Map.copyOf(canonical), System.nanoTime());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
