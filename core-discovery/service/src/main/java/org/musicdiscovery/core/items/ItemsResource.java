package org.musicdiscovery.core.items;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.musicdiscovery.catalogue.model.ItemRef;
import org.musicdiscovery.catalogue.store.CatalogueUnavailableException;
import org.musicdiscovery.core.pipeline.ItemTypes;
import org.musicdiscovery.platform.ApiError;

/** GET /internal/v1/items/{type}/{id}: one item in full; 404 when the catalogue does not hold it. */
@Path("/internal/v1/items/{type}/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {
    @Inject
    ItemDetailService items;

    @GET
    public Response item(@PathParam("type") String type, @PathParam("id") String id) {
        Optional<ItemRef> ref = ItemTypes.parseRef(type + ":" + id);
        if (ref.isEmpty()) {
            return ApiError.badRequest("item", "items are addressed as /items/{song|playlist|artist}/{id >= 0}");
        }
        try {
            return items.details(ref.get()).map(d -> Response.ok(d).build())
                    .orElseGet(() -> ApiError.response(404, "not_found", "no " + type + " with id " + id, null));
        } catch (CatalogueUnavailableException e) {
            return ApiError.response(503, "catalogue_unavailable", "the catalogue database is unavailable", null);
        }
    }
}
