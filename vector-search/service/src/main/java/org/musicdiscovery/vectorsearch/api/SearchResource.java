package org.musicdiscovery.vectorsearch.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.musicdiscovery.platform.ApiError;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.search.BadQueryException;
import org.musicdiscovery.vectorsearch.search.UnknownItemException;
import org.musicdiscovery.vectorsearch.search.SearchService;
import org.musicdiscovery.vectorsearch.search.UnknownCollectionException;

/** The one question core asks: which items are close to this mix, vector or item, and how close under each metric. */
@Path("/v1/collections/{name}/search")
// JSON unless the caller sends and asks for Smile, or asks for the binary candidates body (core does both:
// platform.SmileBodies, api.CandidatesCodec)
@Consumes({MediaType.APPLICATION_JSON, SmileBodies.MEDIA_TYPE})
@Produces({MediaType.APPLICATION_JSON, SmileBodies.MEDIA_TYPE, CandidatesCodec.MEDIA_TYPE})
public class SearchResource {
    @Inject
    SearchService service;

    // On the event loop: a search is sub-millisecond CPU work on mapped memory (no I/O to wait for), and handing
    // body and response between a worker thread and the event loop cost more than the search itself.
    @NonBlocking
    @POST
    @Operation(summary = "Best k under dot and/or cosine: exactly from the sparse index or from the trees"
            + " (strategy auto, trees or exact; the response says which answered)")
    public SearchResponse search(@PathParam("name") String name, SearchRequest request) {
        if (request == null) {
            throw new BadQueryException("body", "a JSON body is required");
        }
        return service.search(name, request);
    }

    @Provider
    public static class BadQuery implements ExceptionMapper<BadQueryException> {
        @Override
        public Response toResponse(BadQueryException e) {
            return ApiError.badRequest(e.field(), e.getMessage());
        }
    }

    @Provider
    public static class UnknownItem implements ExceptionMapper<UnknownItemException> {
        @Override
        public Response toResponse(UnknownItemException e) {
            return ApiError.response(404, "unknown_item", e.getMessage(), "item");
        }
    }

    @Provider
    public static class UnknownCollection implements ExceptionMapper<UnknownCollectionException> {
        @Override
        public Response toResponse(UnknownCollectionException e) {
            return ApiError.response(404, "unknown_collection", e.getMessage(), "name");
        }
    }
}
