package org.musicdiscovery.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    @Test
    void concurrentIdenticalCallsComputeOnce() throws Exception {
        var flight = new SingleFlight<String>();
        var computations = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<SingleFlight.Result<String>>> results = new ArrayList<>();
            results.add(pool.submit(() -> flight.run("k", () -> {
                computations.incrementAndGet();
                started.countDown();
                await(release);
                return "value";
            })));
            started.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < 7; i++) {
                results.add(pool.submit(() -> flight.run("k", () -> {
                    computations.incrementAndGet();
                    return "other";
                })));
            }
            Thread.sleep(100); // let the seven join the flight
            release.countDown();
            int shared = 0;
            for (var f : results) {
                var r = f.get(5, TimeUnit.SECONDS);
                assertEquals("value", r.value());
                shared += r.shared() ? 1 : 0;
            }
            assertEquals(1, computations.get());
            assertEquals(7, shared);
        }
        assertEquals(0, flight.inFlight(), "finished flights are forgotten");
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotRemembered() {
        var flight = new SingleFlight<String>();
        assertThrows(IllegalArgumentException.class, () -> flight.run("k", () -> {
            throw new IllegalArgumentException("boom");
        }));
        assertEquals("ok", flight.run("k", () -> "ok").value());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
