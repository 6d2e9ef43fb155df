package org.musicdiscovery.core.genres;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.catalogue.store.UsedGenres;
import org.musicdiscovery.core.cache.ResultCache;

/**
 * The vocabulary clients pick genres from, read once per catalogue version: it only changes with an ingest, and
 * the query costs about half a second on the real catalogue. The version is re-checked at most every 10 s.
 */
@ApplicationScoped
public class GenreVocabularyService {
    private static final long RECHECK_NANOS = 10_000_000_000L;

    @Inject
    UsedGenres genres;
    @Inject
    ResultCache cache;

    private volatile GenreVocabularyView view;
    private volatile long checkedAt;

    public GenreVocabularyView vocabulary() {
        GenreVocabularyView current = view;
        long now = System.nanoTime();
        if (current != null && now - checkedAt < RECHECK_NANOS) {
            return current;
        }
        synchronized (this) {
            String version = cache.catalogueVersion().orElse("unknown");
            if (view == null || !view.version().equals(version) || "unknown".equals(version)) {
                view = new GenreVocabularyView(version, genres.load().stream()
                        .map(r -> new GenreVocabularyView.Entry(r.name(), r.displayName(), r.parent(), r.depth(),
                                r.aliases(), r.items()))
                        .toList());
            }
            checkedAt = now;
            return view;
        }
    }
}
