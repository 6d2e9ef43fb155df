package org.musicdiscovery.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error body of every tier: {@code {"error": {"code", "message", "field"}}}. Clients branch on
 * {@code code}; {@code field} names the offending input when there is one.
 */
public record ApiError(Detail error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String code, String message, String field) {
    }

    public static ApiError of(String code, String message, String field) {
        return new ApiError(new Detail(code, message, field));
    }

    public static Response response(int status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(of(code, message, field)).build();
    }

    public static Response badRequest(String field, String message) {
        return response(400, "invalid_" + field, message, field);
    }
}
