package org.musicdiscovery.web.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.musicdiscovery.web.api.ApiProblem;
import org.musicdiscovery.web.infra.Workers;
import org.musicdiscovery.web.limit.RateLimiter;

/**
 * Identifies and rate-limits every {@code /api/v1} call before it reaches a resource (see {@link Authenticator}),
 * and tells the caller its budget in {@code X-RateLimit-Limit} / {@code X-RateLimit-Remaining}.
 * <p>
 * Searches are served on the event loop, and so is this filter for them: a key that {@link KeyCache} does not
 * hold is looked up on a worker, so an event loop never waits for PostgreSQL.
 */
public class ApiAccessFilter {
    static final String CALLER = "web.caller";
    static final String DECISION = "web.limit";

    @Inject
    Authenticator auth;
    @Inject
    Workers workers;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> admit(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeaderString(Authenticator.KEY_HEADER);
        String address = http.remoteAddress().hostAddress();
        return workers.run(auth.mayBlock(authorization, apiKey), () -> refusal(request, authorization, apiKey, address));
    }

    /** Null to go on to the resource, else the 401/403/429 answer. */
    private Response refusal(ContainerRequestContext request, String authorization, String apiKey, String address) {
        try {
            Caller caller = auth.identify(authorization, apiKey, address);
            request.setProperty(CALLER, caller);
            request.setProperty(DECISION, auth.admit(caller));
            return null;
        } catch (ApiProblem p) {
            return p.toResponse();
        }
    }

    @ServerResponseFilter
    public void budget(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision d) {
            response.getHeaders().putSingle("X-RateLimit-Limit", d.limit());
            response.getHeaders().putSingle("X-RateLimit-Remaining", d.remaining());
        }
    }

    /** The caller of the current request (set by the filter). */
    public static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(CALLER);
    }
}
