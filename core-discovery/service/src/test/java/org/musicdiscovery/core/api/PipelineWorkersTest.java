package org.musicdiscovery.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

class PipelineWorkersTest {

    private static PipelineWorkers workers(int maxConcurrent, ManagedExecutor shared) {
        PipelineWorkers w = new PipelineWorkers();
        w.maxConcurrent = maxConcurrent;
        w.shared = shared;
        w.start();
        return w;
    }

    @Test
    void atMostTheBoundRunAtOnceAndTheRestStartInArrivalOrder() throws Exception {
        PipelineWorkers w = workers(3, null);
        try {
            AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> started = new ArrayList<>();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                all.add(w.executor().runAsync(() -> {
                    synchronized (started) {
                        started.add(n);
                    }
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        release.await(5, TimeUnit.SECONDS);
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                }));
            }
            Thread.sleep(100);
            assertEquals(3, running.get(), "three run, nine wait");
            release.countDown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(3, most.get());
            synchronized (started) {
                assertEquals(12, started.size());
                assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11), started.subList(3, 12), "the waiting ones in order");
            }
        } finally {
            w.stop();
        }
    }

    @Test
    void zeroRunsEachOnTheSharedExecutor() {
        ManagedExecutor shared = ManagedExecutor.builder().build();
        try {
            PipelineWorkers w = workers(0, shared);
            assertSame(shared, w.executor());
            w.stop();
            assertTrue(!shared.isShutdown(), "the shared executor is not ours to stop");
        } finally {
            shared.shutdownNow();
        }
    }
}
