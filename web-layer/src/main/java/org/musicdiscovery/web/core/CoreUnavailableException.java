package org.musicdiscovery.web.core;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.musicdiscovery.platform.ApiError;

/** Core discovery is down or failing: the gateway answers 503 with a Retry-After hint. */
public class CoreUnavailableException extends RuntimeException {
    public CoreUnavailableException(String message) {
        super(message);
    }

    @Provider
    public static class Mapper implements ExceptionMapper<CoreUnavailableException> {
        @Override
        public Response toResponse(CoreUnavailableException e) {
            return Response.fromResponse(ApiError.response(503, "core_unavailable",
                    e.getMessage() + "; please retry shortly", null)).header("Retry-After", "2").build();
        }
    }
}
