package org.musicdiscovery.annoy.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-query engine time, single thread, in microseconds: each query's fastest of the timed passes (on a shared
 * machine that drops the passes another process preempted), then p50, p99 and the mean over the queries.
 */
record Latency(double p50, double p99, double mean) {

    interface Query {
        void run(int i);
    }

    /** One warm-up pass, then {@code passes} timed passes over queries 0..n-1. */
    static Latency measure(int n, int passes, Query query) {
        for (int i = 0; i < n; i++) {
            query.run(i);
        }
        long[] ns = new long[n];
        Arrays.fill(ns, Long.MAX_VALUE);
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                query.run(i);
                ns[i] = Math.min(ns[i], System.nanoTime() - t0);
            }
        }
        Arrays.sort(ns);
        return new Latency(ns[ns.length / 2] / 1e3, ns[ns.length * 99 / 100] / 1e3,
                Arrays.stream(ns).average().orElse(0) / 1e3);
    }

    /** The C++ driver's "p50 p99 mean ..." line. */
    static Latency parse(String line) {
        String[] f = line.trim().split(" ");
        return new Latency(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
    }

    String text() {
        return String.format(Locale.ROOT, "%8.1f %8.1f", p50, p99);
    }
}
