package org.musicdiscovery.web.api;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.core.CoreGateway;

/** Free-text search: "adele", "blues playlists with a little rock". */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {
    @Inject
    CoreGateway core;
    @Inject
    RequestValidator validate;

    @GET
    @Operation(summary = "Search songs, playlists and artists with free text",
            description = "The text is parsed by core discovery: genre mixes with proportions, exclusions, item types, "
                    + "'like ...' similarity, otherwise keywords. `parsed` tells how it was understood.")
    @APIResponseSchema(value = DiscoverResponse.class, responseDescription = "a page of results")
    public Uni<byte[]> search(
            @Parameter(description = "the query, 1..500 characters") @QueryParam("q") String q,
            @Parameter(description = "song, playlist, artist or any (default)") @QueryParam("type") String type,
            @Parameter(description = "page size, 1..100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "items to skip, 0..1000 (default 0)") @QueryParam("offset") String offset) {
        var request = DiscoverRequest.keyword(validate.query(q), validate.type(type), validate.limit(limit),
                validate.offset(offset));
        return core.discover(RequestIds.current(), request);
    }
}
