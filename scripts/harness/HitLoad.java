import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained cache hits straight to core (scripts/bench-hits): 400 genre-mix pages are asked once, then re-asked by
 * N closed-loop clients in rounds of S seconds — unwarmed rounds first, until the JIT has compiled the hit path, then
 * the measured ones. The pipeline harness's hit run is one pass of 1,600 requests (a fifth of a second here), too
 * short for a steady p99; this one prints hits/s, latency and each process's CPU per hit for every measured round.
 */
public class HitLoad {
    public static void main(String[] args) throws Exception {
        String url = args[0] + "/internal/v1/discover", token = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        int warm = args.length > 4 ? Integer.parseInt(args[4]) : 8, rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        String[] genres = {"blues", "rock", "jazz", "soul", "funk", "hip hop", "pop", "country", "folk", "reggae"};
        Random r = new Random(7);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int w = 51 + r.nextInt(45);
            String q = w + "% " + genres[r.nextInt(genres.length)] + " " + (100 - w) + "% " + genres[r.nextInt(genres.length)];
            pages.add(PipelineBench.body(q, 10, 0, "any").getBytes(StandardCharsets.UTF_8));
        }
        try (var c = new KeepAliveClient(url, "X-Internal-Token", token)) {
            for (byte[] p : pages) {
                c.post(p);
            }
        }
        System.out.printf(Locale.ROOT, "%d pages, %d clients, rounds of %.0f s: %d unmeasured, then %d measured%n",
                pages.size(), clients, seconds, warm, rounds);
        for (int round = 0; round < warm + rounds; round++) {
            var cpu = CpuMeter.of(System.getenv("BENCH_PIDS"));
            long[] ms = round(url, token, pages, clients, seconds);
            if (round >= warm) {
                System.out.printf(Locale.ROOT, "hits %7.0f/s  p50 %5.2f  p95 %5.2f  p99 %5.2f ms  not hits %d | CPU per hit (ms): %s%n",
                        (ms.length - 1) / seconds, q(ms, 0.5), q(ms, 0.95), q(ms, 0.99), ms[ms.length - 1],
                        cpu.perAnswer(ms.length - 1));
            }
        }
    }

    /** Latencies in ns, sorted, with the count of answers that were not hits appended last. */
    static long[] round(String url, String token, List<byte[]> pages, int clients, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        var all = new ConcurrentLinkedQueue<long[]>();
        var notHits = new AtomicLong();
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int first = t * 37;
            threads[t] = Thread.ofPlatform().start(() -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                try (var c = new KeepAliveClient(url, "X-Internal-Token", token)) {
                    for (int i = first; System.nanoTime() < end && n < lat.length; i++) {
                        long t0 = System.nanoTime();
                        var answer = c.post(pages.get(i % pages.size()));
                        lat[n++] = System.nanoTime() - t0;
                        if (!answer.body().contains("\"cache\":\"hit\"")) {
                            notHits.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                all.add(Arrays.copyOf(lat, n));
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long[] out = Arrays.copyOf(sorted, sorted.length + 1);
        out[sorted.length] = notHits.get();
        return out;
    }

    static double q(long[] withCount, double quantile) {
        int n = withCount.length - 1;
        return withCount[Math.min(n - 1, (int) (n * quantile))] / 1e6;
    }
}
