package org.musicdiscovery.core.api;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.core.pipeline.DiscoveryPipeline;
import org.musicdiscovery.core.pipeline.ItemTypes;
import org.musicdiscovery.platform.ApiError;

/**
 * The internal contract to the web layer. Validates again: it must be safe to call without the gateway.
 * <p>
 * Runs on the event loop: a page this replica holds is answered right there; anything else (the parser's model,
 * Redis, vector-search, PostgreSQL) runs on a worker thread, with the request's context. Handing every request to a
 * worker cost a hit about as much CPU as the Redis read the heap copy saves.
 */
@Path("/internal/v1/discover")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiscoverResource {
    static final int MAX_GENRES = 20;
    @Inject
    DiscoveryPipeline pipeline;
    @Inject
    PipelineWorkers workers;
    @ConfigProperty(name = "discovery.limits.max-limit")
    int maxLimit;
    @ConfigProperty(name = "discovery.limits.max-offset")
    int maxOffset;

    @POST
    public Uni<Response> discover(DiscoverRequest request) {
        Response refused = refusal(request);
        if (refused != null) {
            return Uni.createFrom().item(refused);
        }
        var started = pipeline.start(request);
        byte[] held = pipeline.fromHeap(started);
        if (held != null) {
            return Uni.createFrom().item(ok(held));
        }
        return Uni.createFrom().item(PipelineWorkers.withRequestId(() -> ok(pipeline.discover(started))))
                .runSubscriptionOn(workers.executor());
    }

    private static Response ok(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The 400 answer for a request that cannot be served, or null. */
    private Response refusal(DiscoverRequest request) {
        if (request == null) {
            return ApiError.badRequest("body", "a JSON body is required");
        }
        boolean hasMix = request.genres() != null && !request.genres().isEmpty();
        if (request.similarTo() != null && ItemTypes.parseRef(request.similarTo()).isEmpty()) {
            return ApiError.badRequest("similarTo", "similarTo must look like song:123, playlist:7 or artist:42");
        }
        if (!hasMix && request.similarTo() == null && (request.q() == null || request.q().isBlank())) {
            return ApiError.badRequest("q", "q must not be empty (or give an explicit genres mix)");
        }
        if (hasMix) {
            if (request.genres().size() > MAX_GENRES) {
                return ApiError.badRequest("genres", "at most " + MAX_GENRES + " genres");
            }
            for (var e : request.genres().entrySet()) {
                Double w = e.getValue();
                if (e.getKey() == null || e.getKey().isBlank() || w == null || !Double.isFinite(w) || w < 0) {
                    return ApiError.badRequest("genres", "genre weights must be finite and >= 0 (" + e.getKey() + ")");
                }
            }
            if (request.genres().values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                return ApiError.badRequest("genres", "at least one genre weight must be positive");
            }
        }
        if (request.exclude() != null && request.exclude().size() > MAX_GENRES) {
            return ApiError.badRequest("exclude", "at most " + MAX_GENRES + " excluded genres");
        }
        if (request.limit() < 1 || request.limit() > maxLimit) {
            return ApiError.badRequest("limit", "limit must be between 1 and " + maxLimit);
        }
        if (request.offset() < 0 || request.offset() > maxOffset) {
            return ApiError.badRequest("offset", "offset must be between 0 and " + maxOffset);
        }
        try {
            ItemTypes.filter(request.type());
        } catch (IllegalArgumentException e) {
            return ApiError.badRequest("type", "type must be song, playlist, artist or any");
        }
        return null;
    }
}
