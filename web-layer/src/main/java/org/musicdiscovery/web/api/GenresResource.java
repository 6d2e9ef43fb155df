package org.musicdiscovery.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.musicdiscovery.web.genres.GenreCatalog;

/** The genre vocabulary for pickers and autocomplete. */
@Path("/api/v1/genres")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "genres")
public class GenresResource {
    static final int MAX_AGE_SECONDS = 3600;

    @Inject
    GenreCatalog catalog;
    @Inject
    RequestValidator validate;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Genres the catalogue uses, with hierarchy (parent, depth), aliases and item counts",
            description = "Without prefix: the whole vocabulary (about 400 genres), ETag + Cache-Control so clients "
                    + "fetch it once. With prefix: the best matches by name, display name or alias, most used first.")
    public Response genres(
            @Parameter(description = "autocomplete text, 1..100 characters") @QueryParam("prefix") String prefix,
            @Parameter(description = "matches to return with a prefix, 1..100 (default 20)") @QueryParam("limit") String limit,
            @Context HttpHeaders headers) throws JsonProcessingException {
        var snapshot = catalog.current();
        String p = validate.prefix(prefix);
        if (p.isEmpty()) {
            return Caching.conditional(headers, snapshot.json(), snapshot.etag(), MAX_AGE_SECONDS);
        }
        byte[] body = json.writeValueAsBytes(Map.of("version", snapshot.view().version(),
                "genres", catalog.matching(p, validate.limit(limit))));
        return Caching.conditional(headers, body, Caching.etagOf(body), MAX_AGE_SECONDS);
    }
}
