package org.musicdiscovery.web.auth;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.musicdiscovery.web.api.ApiProblem;
import org.musicdiscovery.web.limit.RateLimiter;

/**
 * Identifies and rate-limits every {@code /api/v1} call before it reaches a resource (see {@link Authenticator}),
 * and tells the caller its budget in {@code X-RateLimit-Limit} / {@code X-RateLimit-Remaining}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String CALLER = "web.caller";
    static final String DECISION = "web.limit";

    @Inject
    Authenticator auth;
    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        try {
            Caller caller = auth.identify(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                    request.getHeaderString(Authenticator.KEY_HEADER), http.remoteAddress().hostAddress());
            request.setProperty(CALLER, caller);
            request.setProperty(DECISION, auth.admit(caller));
        } catch (ApiProblem p) {
            request.abortWith(p.toResponse());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
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
