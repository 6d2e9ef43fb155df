package org.musicdiscovery.web.core;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;
import org.musicdiscovery.platform.InternalToken;

/** core-discovery's internal API as seen from the gateway. */
@RegisterRestClient(configKey = "core")
@Path("/internal/v1")
@ClientHeaderParam(name = InternalToken.HEADER, value = "${" + InternalToken.CONFIG_TOKEN + "}")
public interface CoreClient {

    @POST
    @Path("/discover")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    DiscoverResponse discover(DiscoverRequest request);
}
