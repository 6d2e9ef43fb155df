package org.musicdiscovery.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.musicdiscovery.platform.ApiError;

/** A public input broke a rule: 400 naming the field. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    @Provider
    public static class Mapper implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return ApiError.badRequest(e.field, e.getMessage());
        }
    }
}
