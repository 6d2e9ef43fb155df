package org.musicdiscovery.web.core;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.GenreVocabularyView;
import org.musicdiscovery.api.ItemDetails;
import org.musicdiscovery.platform.ApiError;
import org.musicdiscovery.platform.InternalToken;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.web.api.ApiProblem;

/** core-discovery's internal API as seen from the gateway. */
@RegisterRestClient(configKey = "core")
@Path("/internal/v1")
@ClientHeaderParam(name = InternalToken.HEADER, value = InternalToken.CLIENT_HEADER_VALUE)
public interface CoreClient {

    /** Core's answer as it wrote it ({@code DiscoverResponse}): the public page, passed on without decoding. */
    @POST
    @Path("/discover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<byte[]> discover(@HeaderParam(RequestIds.HEADER) String requestId, DiscoverRequest request);

    @GET
    @Path("/items/{type}/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ItemDetails item(@PathParam("type") String type, @PathParam("id") long id);

    @GET
    @Path("/genres")
    @Produces(MediaType.APPLICATION_JSON)
    GenreVocabularyView genres();

    /** Core's own 400/404 (it validates too) reach the client as they are, not as a gateway failure. */
    @ClientExceptionMapper
    static RuntimeException rejected(Response response) {
        int status = response.getStatus();
        if (status != 400 && status != 404) {
            return null; // the gateway turns the rest into 503
        }
        ApiError.Detail d = response.readEntity(ApiError.class).error();
        return new ApiProblem(status, d.code(), d.message(), d.field(), null);
    }
}
