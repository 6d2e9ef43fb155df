package org.musicdiscovery.web.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.musicdiscovery.api.DiscoverRequest;
import org.musicdiscovery.api.DiscoverResponse;

/**
 * Calls core discovery and turns its failures into {@link CoreUnavailableException}: a client must see "try again
 * later" (503), never a stack trace or a hang.
 */
@ApplicationScoped
public class CoreGateway {
    private static final Logger LOG = Logger.getLogger(CoreGateway.class);

    @Inject
    @RestClient
    CoreClient core;

    public DiscoverResponse discover(DiscoverRequest request) {
        try {
            return core.discover(request);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500 || status == 401) { // 401: our token is wrong, a deployment fault, not the client's
                LOG.warnf("core discovery answered %d", status);
                throw new CoreUnavailableException("core discovery failed (HTTP " + status + ")");
            }
            throw e;
        } catch (ProcessingException e) {
            LOG.warnf("core discovery unreachable: %s", e.getMessage());
            throw new CoreUnavailableException("core discovery is unreachable");
        }
    }
}
