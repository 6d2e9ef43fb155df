package org.musicdiscovery.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time per pipeline stage, in milliseconds, in the order the stages first ran (a stage run twice adds up). */
final class StageClock {
    private long start = System.nanoTime();
    private long last = start;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    void lap(String stage) {
        long now = System.nanoTime();
        timings.merge(stage, (now - last) / 1e6, Double::sum);
        last = now;
    }

    /** Leaves the time since the last lap out of every stage and of the total: a wait for a worker thread. */
    void skipWait() {
        long now = System.nanoTime();
        start += now - last;
        last = now;
    }

    Map<String, Double> timings() {
        timings.put("total", (System.nanoTime() - start) / 1e6);
        return timings;
    }
}
