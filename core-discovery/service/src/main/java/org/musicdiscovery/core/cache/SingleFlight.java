package org.musicdiscovery.core.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Collapses concurrent identical cache misses into one computation: the first caller computes, the others wait for
 * its result. Without it a popular query that just expired sends a stampede of identical pipelines at once.
 */
public final class SingleFlight<T> {
    private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight = new ConcurrentHashMap<>();

    /** Result of {@link #run}: the value and whether this caller computed it or shared another's. */
    public record Result<T>(T value, boolean shared) {
    }

    public Result<T> run(String key, Supplier<T> compute) {
        var mine = new CompletableFuture<T>();
        CompletableFuture<T> existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return new Result<>(await(existing), true);
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return new Result<>(value, false);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an identical request", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    int inFlight() {
        return inFlight.size();
    }
}
