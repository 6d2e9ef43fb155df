package org.musicdiscovery.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.musicdiscovery.platform.RequestIds;

class PipelineWorkersTest {

    private static PipelineWorkers workers(int maxConcurrent, ManagedExecutor shared) {
        PipelineWorkers w = new PipelineWorkers();
        w.maxConcurrent = maxConcurrent;
        w.shared = shared;
        w.start();
        return w;
    }

    /** Runs {@code n} tasks that each record their start and wait for {@code release}. */
    private static CompletableFuture<Void> submit(PipelineWorkers w, int n, CountDownLatch release, List<Integer> started,
            AtomicInteger running, AtomicInteger most) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int task = i;
            all.add(w.executor().runAsync(() -> {
                synchronized (started) {
                    started.add(task);
                }
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(5, TimeUnit.SECONDS);
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    @Test
    void atMostTheBoundRunAtOnce() throws Exception {
        PipelineWorkers w = workers(3, null);
        try {
            AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> started = new ArrayList<>();
            CompletableFuture<Void> done = submit(w, 12, release, started, running, most);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (running.get() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(50); // time for a fourth to start, were it allowed to
            assertEquals(3, running.get(), "three run, nine wait");
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
            assertEquals(3, most.get());
            assertEquals(12, started.size());
        } finally {
            w.stop();
        }
    }

    @Test
    void theWaitingOnesStartInArrivalOrder() throws Exception {
        PipelineWorkers w = workers(1, null); // one at a time: the start order is the queue's order
        try {
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> started = new ArrayList<>();
            CompletableFuture<Void> done = submit(w, 8, release, started, new AtomicInteger(), new AtomicInteger());
            release.countDown();
            done.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), started);
        } finally {
            w.stop();
        }
    }

    @Test
    void theCallersRequestIdIsInTheLogContextWhileTheWorkRuns() throws Exception {
        PipelineWorkers w = workers(2, null);
        try {
            MDC.put(RequestIds.MDC_KEY, "rid-7");
            var work = PipelineWorkers.withRequestId(() -> MDC.get(RequestIds.MDC_KEY));
            MDC.remove(RequestIds.MDC_KEY);
            assertEquals("rid-7", w.executor().supplyAsync(work).get(5, TimeUnit.SECONDS));
            assertNull(w.executor().supplyAsync(() -> MDC.get(RequestIds.MDC_KEY)).get(5, TimeUnit.SECONDS),
                    "and is gone afterwards");
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
            assertFalse(shared.isShutdown(), "the shared executor is not ours to stop");
        } finally {
            shared.shutdownNow();
        }
    }
}
