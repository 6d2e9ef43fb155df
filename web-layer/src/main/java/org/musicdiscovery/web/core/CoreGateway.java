package org.musicdiscovery.web.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.web.api.ApiProblem;

/**
 * Calls core discovery and turns its failures into {@link CoreUnavailableException}: a client must see "try again
 * later" (503), never a stack trace or a hang. Core's own 400/404 pass through as {@link ApiProblem}s.
 */
@ApplicationScoped
public class CoreGateway {
    private static final Logger LOG = Logger.getLogger(CoreGateway.class);

    @Inject
    @RestClient
    CoreClient core;

    public DiscoverResponse discover(DiscoverRequest request) {
        return call(() -> core.discover(request));
    }

    public CompletionStage<DiscoverResponse> discoverAsync(String requestId, DiscoverRequest request) {
        return call(() -> core.discoverAsync(requestId, request)).exceptionally(e -> {
            throw new CompletionException(translate(e instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e));
        });
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
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            // 401: our token is wrong, a deployment fault, not the client's
            LOG.warnf("core discovery answered %d", status);
            return new CoreUnavailableException("core discovery failed (HTTP " + status + ")");
        }
        if (e instanceof ProcessingException) {
            LOG.warnf("core discovery unreachable: %s", e.getMessage());
            return new CoreUnavailableException("core discovery is unreachable");
        }
        LOG.warn("core discovery call failed", e);
        return new CoreUnavailableException("core discovery failed");
    }
}
