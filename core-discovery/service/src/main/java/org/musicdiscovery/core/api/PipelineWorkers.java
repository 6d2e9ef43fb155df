package org.musicdiscovery.core.api;

import io.smallrye.context.SmallRyeManagedExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.MDC;
import org.musicdiscovery.platform.RequestIds;

/**
 * Where requests that are not answered from the heap run: at most {@code discovery.pipeline.max-concurrent} at once
 * (by default {@value #PER_CORE} per core), the rest waiting in arrival order. On a saturated machine, 32 requests
 * all in progress share the cores and every hop's time slices, and the unlucky ones finish very late; bounded, each
 * runs at the pace of a machine that is not overloaded and waits its turn. A request spends most of its time
 * waiting for vector-search, Redis or PostgreSQL, hence several per core. 0 runs each at once.
 */
@ApplicationScoped
public class PipelineWorkers {
    /** Load test, 32 clients on 2 cores: 6 in flight lost throughput, 14 kept more of the tail (docs/benchmarks.md). */
    static final int PER_CORE = 5;

    @Inject
    ManagedExecutor shared;
    @ConfigProperty(name = "discovery.pipeline.max-concurrent")
    int maxConcurrent;

    private ManagedExecutor executor;

    @PostConstruct
    void start() {
        int bound = maxConcurrent > 0 ? maxConcurrent : PER_CORE * Runtime.getRuntime().availableProcessors();
        // threads of its own, not Quarkus's Vert.x-aware workers: on one of those, fault tolerance's non-blocking
        // sources (aggregate.GenreSource) ran on a second worker and handed their answer back through a third
        executor = maxConcurrent == 0 ? shared : ((SmallRyeManagedExecutor.Builder) ManagedExecutor.builder())
                .withNewExecutorService().maxAsync(bound).maxQueued(-1).propagated(ThreadContext.ALL_REMAINING)
                .build();
    }

    ManagedExecutor executor() {
        return executor;
    }

    /**
     * {@code work} with the caller's request id in the log MDC while it runs: the request's Vert.x context, where
     * Quarkus keeps the MDC, does not come along to these threads (the request scope does, for {@link RequestIds}).
     */
    static <T> Supplier<T> withRequestId(Supplier<T> work) {
        Object id = MDC.get(RequestIds.MDC_KEY);
        if (id == null) {
            return work;
        }
        return () -> {
            MDC.put(RequestIds.MDC_KEY, id);
            try {
                return work.get();
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
        };
    }

    @PreDestroy
    void stop() {
        if (executor != shared) {
            executor.shutdownNow();
        }
    }
}
