package org.musicdiscovery.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.musicdiscovery.platform.ApiError;

/**
 * Any refusal the public API answers with the one error body: bad input (400), missing or invalid key (401),
 * revoked key (403), not found (404), over the rate limit (429), core unavailable (503). {@code retryAfter}
 * (seconds) becomes the Retry-After header.
 * <p>
 * An answer, not a fault, so it carries no stack trace: floods of bad, over-limit or shed requests are made of
 * them, and each one walked the whole event-loop and RESTEasy stack to fill one in (scripts/bench-refusals).
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Integer retryAfter;

    public ApiProblem(int status, String code, String message, String field, Integer retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Integer retryAfter() {
        return retryAfter;
    }

    public ApiError body() {
        return ApiError.of(code, getMessage(), field);
    }

    public Response toResponse() {
        var response = Response.fromResponse(ApiError.response(status, code, getMessage(), field));
        if (retryAfter != null) {
            response.header("Retry-After", String.valueOf(retryAfter));
        }
        return response.build();
    }

    @Provider
    public static class Mapper implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem e) {
            return e.toResponse();
        }
    }
}
