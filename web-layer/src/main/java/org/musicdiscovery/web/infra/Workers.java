package org.musicdiscovery.web.infra;

import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Public searches are served on the event loop, which must never wait for PostgreSQL or a blocking call to core.
 * The rare step that may (a key not yet cached, a genre vocabulary to refresh) goes to a worker; the request
 * context and request id travel with it.
 */
@ApplicationScoped
public class Workers {
    @Inject
    ManagedExecutor workers;

    /** The work, run on subscription: here when it cannot block or this thread may block, else on a worker. */
    public <T> Uni<T> run(boolean mayBlock, Supplier<T> work) {
        Uni<T> here = Uni.createFrom().item(work);
        return mayBlock && !BlockingOperationControl.isBlockingAllowed() ? here.runSubscriptionOn(workers) : here;
    }
}
