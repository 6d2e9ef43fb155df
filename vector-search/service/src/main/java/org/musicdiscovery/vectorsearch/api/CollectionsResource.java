package org.musicdiscovery.vectorsearch.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.musicdiscovery.vectorsearch.index.CollectionRegistry;

/** The served collections and their versions; reload picks up new versions now instead of at the next poll. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {
    @Inject
    CollectionRegistry registry;

    @GET
    @Path("/collections")
    @Operation(summary = "Served collections, versions, and the last refused version if any")
    public List<CollectionRegistry.Status> list() {
        return registry.statuses();
    }

    @POST
    @Path("/admin/reload")
    @Operation(summary = "Load new index versions named by CURRENT files now (validated; a bad one is refused)")
    public List<CollectionRegistry.Status> reload() {
        return registry.reload();
    }
}
