package org.musicdiscovery.web.api;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.core.CoreGateway;
import org.musicdiscovery.web.genres.GenreCatalog;
import org.musicdiscovery.web.infra.Workers;

/** The genre mixer's endpoint: an explicit mix instead of text. */
@Path("/api/v1/discover")
@Tag(name = "search")
public class DiscoverResource {
    @Inject
    CoreGateway core;
    @Inject
    RequestValidator validate;
    @Inject
    GenreCatalog genres;
    @Inject
    Workers workers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discover by an explicit genre mix",
            description = "Body: {\"genres\": {\"blues\": 0.8, \"rock\": 0.2}, \"exclude\": [\"pop\"], \"type\": \"playlist\", "
                    + "\"limit\": 20, \"offset\": 0}. Unknown fields, unknown genres and non-finite or negative weights are 400s.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MixBody.class)))
    @APIResponseSchema(value = DiscoverResponse.class, responseDescription = "a page of results")
    public Uni<byte[]> discover(byte[] body) {
        String requestId = RequestIds.current();
        // checking the genres may need a fresh vocabulary from core, at most once a minute
        return workers.run(!genres.fresh(), () -> request(JsonBodies.read(body, MixBody.class)))
                .chain(request -> core.discover(requestId, request));
    }

    private DiscoverRequest request(MixBody b) {
        return DiscoverRequest.mix(validate.mix(b.genres()), validate.exclude(b.exclude()), validate.type(b.type()),
                validate.limit(b.limit()), validate.offset(b.offset()));
    }
}
