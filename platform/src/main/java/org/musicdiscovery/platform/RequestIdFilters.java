package org.musicdiscovery.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/** The server half of {@link RequestIds}: accept or mint the id, echo it ({@link InternalHttpClient} sends it on). */
public final class RequestIdFilters {
    private RequestIdFilters() {
    }

    /** Runs before everything else, so even a request refused by authentication carries an id. */
    @Provider
    @PreMatching
    @Priority(Priorities.AUTHENTICATION - 100)
    public static class Server implements ContainerRequestFilter, ContainerResponseFilter {
        @Inject
        CurrentRequestId current;

        @Override
        public void filter(ContainerRequestContext request) {
            String id = RequestIds.acceptOrNew(request.getHeaderString(RequestIds.HEADER));
            current.set(id);
            request.setProperty(RequestIds.MDC_KEY, id);
            MDC.put(RequestIds.MDC_KEY, id);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            Object id = request.getProperty(RequestIds.MDC_KEY);
            if (id != null) {
                response.getHeaders().putSingle(RequestIds.HEADER, id.toString());
            }
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
