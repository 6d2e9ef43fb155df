package org.musicdiscovery.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Turns every failure into the {@link ApiError} body, so no tier ever answers with a stack trace. */
public final class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    @Provider
    public static class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException u) {
                return ApiError.response(400, "unknown_field", "unknown field '" + u.getPropertyName() + "'",
                        u.getPropertyName());
            }
            return ApiError.response(400, "malformed_json", "request body is not valid JSON for this endpoint: "
                    + e.getOriginalMessage(), null);
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String code = switch (status) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 415 -> "unsupported_media_type";
                default -> status >= 500 ? "internal_error" : "bad_request";
            };
            return ApiError.response(status, code, e.getMessage(), null);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException w) {
                return new Http().toResponse(w);
            }
            LOG.error("unexpected failure", e);
            return ApiError.response(500, "internal_error", "unexpected server error; see the service log", null);
        }
    }
}
