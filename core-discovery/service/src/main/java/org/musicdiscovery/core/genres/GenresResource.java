package org.musicdiscovery.core.genres;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.musicdiscovery.catalogue.store.CatalogueUnavailableException;
import org.musicdiscovery.platform.ApiError;

/** GET /internal/v1/genres: the pickable genre vocabulary with hierarchy, aliases and item counts. */
@Path("/internal/v1/genres")
@Produces(MediaType.APPLICATION_JSON)
public class GenresResource {
    @Inject
    GenreVocabularyService vocabulary;

    @GET
    public Response genres() {
        try {
            return Response.ok(vocabulary.vocabulary()).build();
        } catch (CatalogueUnavailableException e) {
            return ApiError.response(503, "catalogue_unavailable", "the catalogue database is unavailable", null);
        }
    }
}
