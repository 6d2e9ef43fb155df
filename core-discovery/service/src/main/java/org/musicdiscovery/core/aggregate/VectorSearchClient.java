package org.musicdiscovery.core.aggregate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.musicdiscovery.platform.InternalToken;
import org.musicdiscovery.platform.RequestIds;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.SearchRequest;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/** vector-search as core sees it. */
@RegisterRestClient(configKey = "vector-search")
@Path("/v1/collections")
@ClientHeaderParam(name = InternalToken.HEADER, value = InternalToken.CLIENT_HEADER_VALUE)
public interface VectorSearchClient {
    /**
     * Questions go as Smile (platform.SmileBodies); answers come in the binary candidates layout, read in a fifth of
     * Smile's time (api.CandidatesCodec). Smile and JSON answers, from a replica without that layout, are read too.
     * (The JSON request writer parsed the method's parameter annotations anew on every call, looking for a Jackson
     * view.)
     */
    String ACCEPT_SMILE_TOO = SmileBodies.MEDIA_TYPE + ";q=0.8";
    String ACCEPT_JSON_TOO = MediaType.APPLICATION_JSON + ";q=0.5";

    @POST
    @Path("/{collection}/search")
    @Consumes(SmileBodies.MEDIA_TYPE)
    @Produces({CandidatesCodec.MEDIA_TYPE, ACCEPT_SMILE_TOO, ACCEPT_JSON_TOO})
    SearchResponse search(@PathParam("collection") String collection, SearchRequest request);

    /** Several searches in flight at once; the request id given explicitly, as it is read on the caller's thread. */
    @POST
    @Path("/{collection}/search")
    @Consumes(SmileBodies.MEDIA_TYPE)
    @Produces({CandidatesCodec.MEDIA_TYPE, ACCEPT_SMILE_TOO, ACCEPT_JSON_TOO})
    CompletionStage<SearchResponse> searchAsync(@HeaderParam(RequestIds.HEADER) String requestId,
            @PathParam("collection") String collection, SearchRequest request);

    /** Served collections and their versions (core's cache keys include them). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<CollectionStatus> collections();

    record CollectionStatus(String collection, String version, String lastError) {
    }
}
