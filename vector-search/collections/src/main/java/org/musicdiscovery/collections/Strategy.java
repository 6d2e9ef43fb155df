package org.musicdiscovery.collections;

import java.util.Locale;

/**
 * How a query is answered: by the Annoy trees (approximate, any query), or exactly by the collection's sparse index
 * (recall 1.0; for genre mixes also the faster path). {@link #AUTO}, the default, answers exactly every sparse query
 * on a collection that has a sparse index — non-negative weights, at most {@value #AUTO_EXACT_MAX_TERMS} of them
 * non-zero (genre mixes and item seeds of the genre collection) — and by the trees otherwise (dense vectors, dense
 * collections, versions built before the sparse index existed).
 */
public enum Strategy {
    AUTO, TREES, EXACT;

    /**
     * The most genres a catalogue item carries, so every genre mix and every item seed qualifies. The exact cost
     * grows with the terms (measured on the catalogue, cosine, k = 100, p50: 2 genres 0.25 ms, 3–5 0.85 ms, 12 about
     * 5 ms; for genre mixes far below what the trees need for recall 0.95, docs/benchmarks.md), and a query with
     * more non-zero weights than any item has is a dense vector in all but name: auto leaves it to the trees.
     */
    public static final int AUTO_EXACT_MAX_TERMS = 12;

    /** "auto" (also for null), "trees" or "exact", any case. */
    public static Strategy parse(String name) {
        if (name == null) {
            return AUTO;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "trees" -> TREES;
            case "exact" -> EXACT;
            default -> throw new IllegalArgumentException("strategy must be auto, trees or exact, got " + name);
        };
    }

    /** The name on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Why {@code query} cannot be answered exactly on {@code c}, or null if it can. */
    public static String whyNotExact(LoadedCollection c, float[] query) {
        if (c.sparse() == null) {
            return "collection " + c.manifest().name() + " (version " + c.manifest().version()
                    + ") has no sparse index; use strategy trees or auto";
        }
        for (float v : query) {
            if (v < 0) {
                return "exact search needs non-negative weights; use strategy trees or auto";
            }
        }
        return null;
    }

    /** TREES or EXACT: what answers {@code query} on {@code c} under this strategy. */
    public Strategy resolve(LoadedCollection c, float[] query) {
        return switch (this) {
            case TREES -> TREES;
            case EXACT -> {
                String why = whyNotExact(c, query);
                if (why != null) {
                    throw new IllegalArgumentException(why);
                }
                yield EXACT;
            }
            case AUTO -> whyNotExact(c, query) == null && nonZeros(query) <= AUTO_EXACT_MAX_TERMS ? EXACT : TREES;
        };
    }

    private static int nonZeros(float[] query) {
        int n = 0;
        for (float v : query) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }
}
