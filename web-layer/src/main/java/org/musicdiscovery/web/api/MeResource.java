package org.musicdiscovery.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.musicdiscovery.web.auth.ApiAccessFilter;
import org.musicdiscovery.web.auth.Authenticator;
import org.musicdiscovery.web.auth.Caller;

/** GET /api/v1/me: which key a client app is using and its limit (needs a key: 401 without one). */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys")
public class MeResource {
    @Inject
    Authenticator auth;

    public record Me(long keyId, String name, int ratePerMinute, int burst) {
    }

    @GET
    @Operation(summary = "The API key in use: its id, name and rate limit")
    public Me me(@Context ContainerRequestContext request) {
        Caller caller = ApiAccessFilter.caller(request);
        auth.requireKey(caller);
        return new Me(caller.keyId(), caller.name(), caller.perMinute(), caller.burst());
    }
}
