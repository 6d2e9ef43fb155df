package org.musicdiscovery.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.core.CoreGateway;

/** One item in full, and items like it ("more like this"). */
@Path("/api/v1/items/{type}/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "items")
public class ItemsResource {
    static final int MAX_AGE_SECONDS = 300;

    @Inject
    CoreGateway core;
    @Inject
    RequestValidator validate;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "An item's details: a song with the playlists holding it, a playlist's songs, an artist's "
            + "top songs", description = "Carries an ETag; send If-None-Match to get 304 when unchanged.")
    public Response item(@PathParam("type") String type, @PathParam("id") String id, @Context HttpHeaders headers)
            throws JsonProcessingException {
        ItemDetails details = core.item(validate.itemType(type), validate.itemId(id));
        byte[] body = json.writeValueAsBytes(details);
        return Caching.conditional(headers, body, Caching.etagOf(body), MAX_AGE_SECONDS);
    }

    @GET
    @Path("/similar")
    @Operation(summary = "Items like this one (genre mix or playlist co-occurrence neighbours)")
    @APIResponseSchema(value = DiscoverResponse.class, responseDescription = "a page of results")
    public Uni<byte[]> similar(@PathParam("type") String type, @PathParam("id") String id,
            @Parameter(description = "song, playlist, artist or any (default)") @QueryParam("type") String resultType,
            @Parameter(description = "page size, 1..100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "items to skip, 0..1000 (default 0)") @QueryParam("offset") String offset) {
        String seed = validate.itemType(type) + ":" + validate.itemId(id);
        var request = DiscoverRequest.similar(seed, null, validate.type(resultType), validate.limit(limit),
                validate.offset(offset));
        return core.discover(RequestIds.current(), request);
    }
}
