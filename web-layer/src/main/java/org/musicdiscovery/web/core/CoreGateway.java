package org.musicdiscovery.web.core;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.platform.InternalHttpClient;
import org.musicdiscovery.platform.InternalHttpClient.Refused;
import org.musicdiscovery.web.api.ApiProblem;

/**
 * Calls core discovery and turns its failures into {@link CoreUnavailableException}: a client must see "try again
 * later" (503), never a stack trace or a hang. Core's own 400/404 pass through as {@link ApiProblem}s.
 * <p>
 * At most {@code discovery.core.max-in-flight} searches wait for core at once; the next is answered 503
 * "overloaded" right away. Offered more than the machine computes, the backlog would otherwise grow until every
 * answer came seconds late and then timed out; bounded, the admitted ones wait about the bound divided by the
 * throughput behind it (Little's law), and the rest learn at once to retry.
 */
@ApplicationScoped
public class CoreGateway {
    private static final Logger LOG = Logger.getLogger(CoreGateway.class);

    @Inject
    CoreClient core;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "discovery.core.max-in-flight")
    int maxInFlight;

    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * Asks core without holding a thread while it works, so the public searches are served on the event loop. The
     * answer is core's page as JSON bytes ({@code DiscoverResponse}), which is also the public result page: decoding
     * it and writing it again took a third of the web layer's CPU per search. The request id is given explicitly
     * because the WebSocket path has no HTTP request to take it from.
     */
    public Uni<byte[]> discover(String requestId, DiscoverRequest request) {
        return Uni.createFrom().deferred(() -> {
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                meters.counter("discovery.core.overloaded").increment();
                return Uni.createFrom().failure(new ApiProblem(503, "overloaded",
                        "the service is at capacity; please retry shortly", null, 1));
            }
            return Uni.createFrom().completionStage(() -> holdUntilAnswered(requestId, request))
                    .onFailure().transform(e -> translate(e instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : e));
        });
    }

    /**
     * The place is given back when core answers, not when our client goes away: a search whose client disconnected
     * is still computed by core, and freeing its place early would let more than the bound reach core. The caller
     * gets a dependent stage, so cancelling it leaves the call to core, and the place, to run out.
     */
    private CompletionStage<byte[]> holdUntilAnswered(String requestId, DiscoverRequest request) {
        CompletionStage<byte[]> call;
        try {
            call = core.discover(requestId, request);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
        call.whenComplete((answer, failure) -> inFlight.decrementAndGet());
        // a cancelled dependent runs no actions of its own, so the release above hangs on the call itself
        return call.thenApply(answer -> answer);
    }

    public ItemDetails item(String type, long id) {
        return call(() -> core.item(type, id));
    }

    public GenreVocabularyView genres() {
        return call(core::genres);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(Throwable e) {
        if (e instanceof ApiProblem p) {
            return p;
        }
        if (e instanceof Refused r) {
            // 401: our token is wrong, a deployment fault, not the client's
            LOG.warnf("core discovery answered %d", r.status());
            return new CoreUnavailableException("core discovery failed (HTTP " + r.status() + ")");
        }
        if (e instanceof IOException || e instanceof InternalHttpClient.Unreachable || e instanceof VertxException) {
            LOG.warnf("core discovery unreachable: %s", e.getMessage());
            return new CoreUnavailableException("core discovery is unreachable");
        }
        LOG.warn("core discovery call failed", e);
        return new CoreUnavailableException("core discovery failed");
    }
}
