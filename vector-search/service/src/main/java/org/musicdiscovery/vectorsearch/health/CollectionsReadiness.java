package org.musicdiscovery.vectorsearch.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.musicdiscovery.vectorsearch.index.CollectionRegistry;

/** Ready only when every required collection has a version loaded: before that there is nothing to search. */
@Readiness
@ApplicationScoped
public class CollectionsReadiness implements HealthCheck {
    @Inject
    CollectionRegistry registry;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("collections").status(registry.ready());
        registry.statuses().forEach(s -> builder.withData(s.collection(),
                s.version() == null ? "not loaded: " + s.lastError() : s.version()
                        + (s.lastError() == null ? "" : " (refused newer: " + s.lastError() + ")")));
        return builder.build();
    }
}
