package org.musicdiscovery.core.infra;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Core's default number of Vert.x event loops: one per two CPUs, where Quarkus's own default is two per CPU.
 * <p>
 * Core's event loops only move bytes and answer hits from the heap; the pipeline runs on its own threads. On the
 * two-core machine the services, the stores and the clients share, one loop cut the median of the sustained hits' p99
 * at 16 clients by about a third and core's CPU per miss by 6–16 % against four (docs/benchmarks.md, core section).
 * The ordinal is below application.properties, so a line there, {@code QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE} or a
 * {@code -D} still decides.
 */
public final class EventLoopsDefault implements ConfigSource {
    static final String KEY = "quarkus.vertx.event-loops-pool-size";

    private final Map<String, String> values;

    public EventLoopsDefault() {
        this(Runtime.getRuntime().availableProcessors());
    }

    EventLoopsDefault(int cpus) {
        values = Map.of(KEY, Integer.toString(loops(cpus)));
    }

    static int loops(int cpus) {
        return Math.max(1, cpus / 2);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "core event loops: one per two CPUs";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
