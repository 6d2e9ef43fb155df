package org.musicdiscovery.core.aggregate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.ParsedQuery;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.model.ItemType;
import org.musicdiscovery.core.pipeline.ItemTypes;

/**
 * Asks every source the query needs, concurrently, and merges their candidates by item. Each source has its own
 * timeout, circuit breaker and fallback, so a failed source only shrinks the answer and is named in
 * {@code degraded}.
 */
@ApplicationScoped
public class CandidateAggregator {
    /**
     * How long a request waits for its sources, past their own timeouts (at most 2 s). A source's answer, timeout and
     * fallback all complete on a worker thread; with more concurrent misses than workers, every worker could be
     * blocked here and none would ever complete (seen with 6 workers and 16 clients: requests hung until the client
     * gave up). Past this wait the source counts as failed and the worker is freed.
     */
    static final long WAIT_MS = 2500;
    private static final Logger LOG = Logger.getLogger(CandidateAggregator.class);

    long waitMs = WAIT_MS; // tests shorten it

    @Inject
    GenreSource genre;
    @Inject
    KeywordSource keyword;
    @Inject
    SimilarSource similar;

    /** @param versions the index versions that answered ({@code collection@version}) */
    public record Aggregated(List<Candidate> candidates, List<String> degraded, List<String> versions) {
    }

    public Aggregated collect(ParsedQuery query, int depth) {
        Optional<ItemType> type = ItemTypes.filter(query.itemType());
        List<String> types = type.map(t -> List.of(ItemTypes.name(t))).orElse(List.of());
        List<CompletionStage<SourceResult>> calls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        switch (query.mode()) {
            case genre -> {
                calls.add(genre.candidates(query.genres(), types, depth));
                names.add(GenreSource.NAME);
                if (query.artists() != null && !query.artists().isEmpty()) {
                    calls.add(keyword.candidates(String.join(" ", query.artists()), type, depth));
                    names.add(KeywordSource.NAME);
                }
            }
            case similar -> {
                calls.add(similar.candidates(query.seed(), types, depth));
                names.add(SimilarSource.NAME);
            }
            case keyword -> {
                calls.add(keyword.candidates(query.text(), type, depth));
                names.add(KeywordSource.NAME);
            }
        }
        Map<ItemRef, Candidate> merged = new LinkedHashMap<>();
        List<String> degraded = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (int i = 0; i < calls.size(); i++) {
            SourceResult result = await(calls.get(i), names.get(i), deadline);
            if (result.failed()) {
                degraded.add(result.source());
            }
            if (result.version() != null) {
                versions.add(result.version());
            }
            for (Candidate c : result.candidates()) {
                merged.merge(c.ref(), c, Candidate::merge);
            }
        }
        if (merged.isEmpty() && query.mode() == ParsedQuery.Mode.similar && query.seed() != null) {
            // an unknown seed is not an error: search its words instead
            String words = (nullToEmpty(query.seed().track()) + " " + nullToEmpty(query.seed().artist())).strip();
            if (!words.isEmpty()) {
                await(keyword.candidates(words, type, depth), KeywordSource.NAME,
                        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs)).candidates()
                        .forEach(c -> merged.put(c.ref(), c));
            }
        }
        return new Aggregated(new ArrayList<>(merged.values()), degraded, versions);
    }

    /** A source's result by the deadline, else (or if it failed outside its own fallback) a failed result. */
    private static SourceResult await(CompletionStage<SourceResult> call, String source, long deadline) {
        try {
            return call.toCompletableFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("source %s did not complete by the request's deadline (no worker thread free?): degraded",
                    source);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "source %s failed past its fallback: degraded", source);
        }
        return SourceResult.failed(source);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
