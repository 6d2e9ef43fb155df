package org.musicdiscovery.queryparser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.musicdiscovery.queryparser.lexicon.ModelFiles;

/**
 * The statistical half: the OpenNLP name finder for open classes (artist, track). The model is shared; a
 * {@link NameFinderME} is not thread-safe, so each thread gets its own, and adaptive data is cleared after every
 * query so one query never influences the next.
 */
final class EntityFinder {

    private final TokenNameFinderModel model;
    private final ThreadLocal<NameFinderME> finders;

    EntityFinder(TokenNameFinderModel model) {
        this.model = model;
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(this.model));
    }

    static EntityFinder fromClasspath() {
        try (InputStream in = EntityFinder.class.getClassLoader().getResourceAsStream(ModelFiles.ENTITIES)) {
            if (in == null) {
                throw new IllegalStateException("missing " + ModelFiles.ENTITIES
                        + " (is query-parser-models on the classpath? run scripts/train-parser)");
            }
            return new EntityFinder(new TokenNameFinderModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + ModelFiles.ENTITIES, e);
        }
    }

    /** Typed token spans ("artist", "track"). */
    Span[] find(String[] tokens) {
        if (tokens.length == 0) {
            return new Span[0];
        }
        NameFinderME finder = finders.get();
        try {
            return finder.find(tokens);
        } finally {
            finder.clearAdaptiveData();
        }
    }
}
