package org.musicdiscovery.web.infra;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.musicdiscovery.keys.KeySchema;
import org.musicdiscovery.keys.KeyStore;

/**
 * Wires the api-keys library to the service's datasource and applies its migrations at start. PostgreSQL being
 * down at start does not stop the gateway: anonymous use needs no database, and key checks answer 503 until it
 * is back (the CLI and the next start migrate).
 */
@ApplicationScoped
public class KeyBeans {
    private static final Logger LOG = Logger.getLogger(KeyBeans.class);

    @Produces
    @Singleton
    KeyStore keyStore(AgroalDataSource dataSource) {
        return new KeyStore(dataSource);
    }

    void migrate(@Observes StartupEvent start, AgroalDataSource dataSource) {
        try {
            int applied = KeySchema.migrate(dataSource);
            LOG.infof("API key schema '%s' up to date (%d migrations applied)", KeySchema.SCHEMA, applied);
        } catch (RuntimeException e) {
            LOG.warnf("API key schema not migrated (PostgreSQL unavailable?): %s", e.getMessage());
        }
    }
}
