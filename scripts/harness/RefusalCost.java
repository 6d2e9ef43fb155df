import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a refusal costs the web layer (scripts/bench-refusals): floods of requests it refuses — bad input (400), an
 * anonymous caller over its limit (429) — beside the peer, a search it answers from core's cached page, measured in
 * the same run. N keep-alive clients per flood, S seconds measured after one unmeasured second; prints answers/s,
 * the statuses seen, and the web layer's CPU per answer (from /proc) with its ratio to the answered search's. A flood
 * of refusals is what abuse and overload are made of: each should cost a fraction of a real answer.
 */
public class RefusalCost {
    private static final String GOOD = "{\"genres\": {\"blues\": 0.7, \"rock\": 0.3}, \"limit\": 10}";
    private static final String BAD = "{\"genres\": {\"blues\": -1}, \"limit\": 10}";

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/api/v1/discover", key = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        long webPid = Long.parseLong(args[4]);
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8), bad = BAD.getBytes(StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d clients, %.0f s per flood, POST /api/v1/discover%n", clients, seconds);
        // unmeasured first: the answered path (REST client, Jackson) compiles for longer than a second of the same,
        // so it runs until its CPU per answer stops falling; the short refusal paths get one flood each
        StringBuilder warm = new StringBuilder("warm-up, answered search, web CPU per answer (ms):");
        double last = Double.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            double ms = flood("", url, good, clients, seconds, webPid, false, 0, "X-API-Key", key);
            warm.append(String.format(Locale.ROOT, " %.3f", ms));
            if (ms > 0.9 * last) {
                break;
            }
            last = ms;
        }
        flood("", url, bad, clients, seconds, webPid, false, 0, "X-API-Key", key);
        flood("", url, good, clients, seconds, webPid, false, 0);
        System.out.println(warm);
        System.out.println("flood                 answers/s  statuses                 web CPU per answer  ratio");
        double served = flood("answered (cache hit)", url, good, clients, seconds, webPid, true, 0, "X-API-Key", key);
        flood("bad input", url, bad, clients, seconds, webPid, true, served, "X-API-Key", key);
        flood("anonymous over limit", url, good, clients, seconds, webPid, true, served);
    }

    /** One flood; returns the web layer's CPU per answer in ms. */
    private static double flood(String name, String url, byte[] body, int clients, double seconds, long pid,
            boolean print, double peer, String... headers) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(), stop = new AtomicBoolean();
        AtomicLong answers = new AtomicLong();
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                try (var c = new KeepAliveClient(url, headers)) {
                    while (!stop.get()) {
                        int status = c.post(body).status();
                        if (measuring.get()) {
                            answers.incrementAndGet();
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        Thread.sleep(1000);
        long ticks = CpuMeter.ticks(pid), t0 = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double wall = (System.nanoTime() - t0) / 1e9;
        long n = Math.max(1, answers.get());
        double ms = (CpuMeter.ticks(pid) - ticks) * CpuMeter.MS_PER_TICK / n;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        if (print) {
            System.out.printf(Locale.ROOT, "%-21s %10.0f  %-24s %12.3f ms      %s%n", name, n / wall,
                    new TreeMap<>(statuses), ms, peer > 0 ? String.format(Locale.ROOT, "%.2f", ms / peer) : "peer");
        }
        return ms;
    }
}
