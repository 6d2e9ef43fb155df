import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of the whole stack through the public web layer. Closed loop (N clients, each sending its next request
 * when the last is answered) and open loop (Poisson arrivals at a fixed rate, latency counted from the scheduled
 * send time so a stalled server cannot hide its queue: no coordinated omission), each with cache misses (queries
 * that never repeat) and cache hits (a warmed pool). Prints one line per step, writes CSV and a PNG plot, names
 * the knee of each curve.
 * Usage: java LoadTest.java WEB_URL API_KEY DATA_DIR OUT_DIR [seconds-per-step] [concurrencies] [rates] [caches]
 */
public class LoadTest {
    /**
     * {@code missed}: answers core computed (its "cache" said miss or bypass), the rest came from its cache.
     * {@code shed}: 503 "overloaded", the web layer's refusal at once when its bound to core is full — the designed
     * answer to more load than the machine computes, counted apart from {@code serverErrors} (every other 5xx).
     * {@code cpu}: each process's CPU per answer over the step (BENCH_PIDS, {@link CpuMeter}), empty without it.
     */
    record Step(String loop, String cache, int level, double seconds, int ok, int clientErrors, int shed,
            int serverErrors, int failures, int missed, long[] sortedNanos, Map<String, long[]> sortedByKind,
            String cpu) {
        double throughput() {
            return ok / seconds;
        }

        double pct(double p) {
            return pct(sortedNanos, p);
        }

        static double pct(long[] sortedNanos, double p) {
            return sortedNanos.length == 0 ? Double.NaN
                    : sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p / 100))] / 1e6;
        }

        double missShare() {
            return ok == 0 ? Double.NaN : (double) missed / ok;
        }

        String csv() {
            return String.format(Locale.ROOT, "%s,%s,%d,%.1f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%d,%.3f", loop, cache,
                    level, throughput(), pct(50), pct(95), pct(99), pct(100), clientErrors, shed, serverErrors,
                    failures, missShare());
        }
    }

    static final String HEADER =
            "loop    cache  level   req/s     p50 ms   p95 ms   p99 ms   max ms  4xx  shed  5xx  fail  missed";

    public static void main(String[] a) throws Exception {
        System.setProperty("http.maxConnections", "256"); // idle keep-alive connections kept per host (default 5)
        String web = a[0], key = a[1];
        Path data = Path.of(a[2]), out = Path.of(a[3]);
        double seconds = a.length > 4 ? Double.parseDouble(a[4]) : 15;
        int[] concurrencies = ints(a.length > 5 ? a[5] : "1,8,32,64");
        int[] rates = ints(a.length > 6 ? a[6] : "100,200,400,800");
        List<String> caches = List.of((a.length > 7 ? a[7] : "miss,hit").split(","));
        Files.createDirectories(out);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        QueryMix mix = new QueryMix(QueryMix.topGenres(http, web, key, 30), data, 8);
        List<String> pool = mix.pool(300);
        System.out.println("warming up (JIT, pools, the hit pool into the result cache) ...");
        warmUp(web, key, misses(mix, 9)); // odd page sizes: the warm-up's pages never answer a measured step
        for (int pass = 0; pass < 2; pass++) {
            closed(web, key, source("hit", mix, pool), 8, 3, "warm", "hit");
        }
        System.out.println(HEADER);
        List<Step> steps = new ArrayList<>();
        for (String cache : caches) {
            Source source = source(cache, mix, pool);
            for (int c : concurrencies) {
                steps.add(print(closed(web, key, source, c, seconds, "closed", cache)));
            }
            for (int r : rates) {
                steps.add(print(open(web, key, source, r, seconds, cache)));
            }
        }
        List<String> csv = new ArrayList<>(
                List.of("loop,cache,level,throughput,p50_ms,p95_ms,p99_ms,max_ms,4xx,shed_503,5xx,failures,miss_share"));
        steps.forEach(s -> csv.add(s.csv()));
        Files.write(out.resolve("loadtest.csv"), csv);
        LatencyPlot.write(out.resolve("loadtest.png"), steps);
        for (String cache : caches) {
            for (String loop : List.of("closed", "open")) {
                System.out.println(knee(steps.stream().filter(s -> s.loop().equals(loop) && s.cache().equals(cache))
                        .toList()));
            }
        }
        System.out.println("wrote " + out.resolve("loadtest.csv") + " and " + out.resolve("loadtest.png"));
    }

    /** The requests of a step, by index. */
    interface Source {
        QueryMix.Request request(int i);
    }

    /**
     * Misses at 8 clients in rounds of 5 s until the last three rounds' real misses per second are within 5 % of the
     * three before (at most 20 rounds). A fresh stack's JIT is still compiling for its first ~25,000 misses, and a step
     * measured then reads up to twice as slow as later ones.
     */
    static void warmUp(String web, String key, Source misses) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Step round = closed(web, key, misses, 8, 5, "warm", "miss");
            rates.add(round.missed() / round.seconds()); // answers core computed: repeats in the mix come back cached
            if (i >= 5 && mean(rates.subList(i - 2, i + 1)) <= 1.05 * mean(rates.subList(i - 5, i - 2))) {
                break;
            }
        }
        System.out.println("warm-up rounds of 5 s, real misses/s at 8 clients: " + rates.stream()
                .map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(java.util.stream.Collectors.joining(" ")));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static Source source(String cache, QueryMix mix, List<String> pool) {
        return cache.equals("hit") ? i -> new QueryMix.Request(pool.get(i % pool.size()), 10) : misses(mix, 10);
    }

    /** Requests new to the cache, at even page sizes from {@code limit} (10) up or odd ones (9), see QueryMix. */
    static Source misses(QueryMix mix, int limit) {
        // one cursor for every step: each step's index starts at 0, and reusing it made later "miss" steps ask what
        // earlier steps had just cached (they were mostly hits)
        List<QueryMix.Request> fresh = mix.unique(400_000, limit);
        AtomicInteger cursor = new AtomicInteger();
        return i -> fresh.get(Math.floorMod(cursor.getAndIncrement(), fresh.size()));
    }

    /**
     * Before each step, so that no collection of this client's pauses it inside one: a pause stalls every request in
     * flight and adds itself to their latencies (G1 paused it up to 140 ms). scripts/loadtest gives Serial a young
     * generation larger than a step allocates.
     */
    static void collectGarbage() {
        System.gc();
    }

    static Step closed(String web, String key, Source source, int clients, double seconds,
            String loop, String cache) throws Exception {
        collectGarbage();
        Recorder rec = new Recorder();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        QueryMix.Request q = source.request(next.getAndIncrement());
                        rec.record(q.q(), send(web, key, q), System.nanoTime() - t0);
                    }
                });
            }
        }
        return rec.step(loop, cache, clients, seconds);
    }

    static Step open(String web, String key, Source source, int rate, double seconds, String cache)
            throws Exception {
        collectGarbage();
        Recorder rec = new Recorder();
        var rnd = new java.util.Random(rate);
        Semaphore outstanding = new Semaphore(4096); // beyond this the client itself would be the bottleneck
        long start = System.nanoTime(), end = start + (long) (seconds * 1e9);
        long at = start;
        int i = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (at < end) {
                at += (long) (-Math.log(1 - rnd.nextDouble()) / rate * 1e9); // Poisson arrivals
                long wait = at - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!outstanding.tryAcquire()) {
                    rec.failures.incrementAndGet();
                    continue;
                }
                long scheduled = at;
                QueryMix.Request q = source.request(i++);
                pool.submit(() -> {
                    try {
                        rec.record(q.q(), send(web, key, q), System.nanoTime() - scheduled);
                    } finally {
                        outstanding.release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
        return rec.step("open", cache, rate, seconds);
    }

    /**
     * What came back: the HTTP status (−1 when the request failed or took longer than 10 s) and, for an answer, core's
     * cache state, for an error its code.
     */
    record Answer(int status, String state) {
    }

    static final Pattern CACHE_STATE = Pattern.compile("\"cache\":\"([a-z]+)\"");
    static final Pattern ERROR_CODE = Pattern.compile("\"code\":\"([a-z_]+)\"");

    /**
     * One GET on a pooled keep-alive connection, on the calling (virtual) thread. java.net.http's client hands each
     * exchange between its own threads, CPU the stack under test needs on this 2-core machine.
     */
    static Answer send(String web, String key, QueryMix.Request q) {
        try {
            var http = (java.net.HttpURLConnection) URI.create(QueryMix.searchUri(web, q.q(), q.limit())).toURL()
                    .openConnection();
            http.setRequestProperty("X-Api-Key", key);
            http.setConnectTimeout(2000);
            http.setReadTimeout(10_000);
            int status = http.getResponseCode();
            try (var in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                Matcher m = (status < 400 ? CACHE_STATE : ERROR_CODE).matcher(body);
                return new Answer(status, m.find() ? m.group(1) : "?");
            }
        } catch (Exception e) {
            return new Answer(-1, "?");
        }
    }

    static final class Recorder {
        final AtomicInteger ok = new AtomicInteger(), client = new AtomicInteger(), shed = new AtomicInteger(),
                server = new AtomicInteger(), failures = new AtomicInteger(), missed = new AtomicInteger();
        final List<Long> nanos = new ArrayList<>();
        final Map<String, List<Long>> byKind = new TreeMap<>();
        final CpuMeter cpu = CpuMeter.of(System.getenv("BENCH_PIDS"), true); // from the step's start

        void record(String query, Answer answer, long ns) {
            int status = answer.status();
            if (status >= 200 && status < 300) {
                ok.incrementAndGet();
                if (answer.state().equals("miss") || answer.state().equals("bypass")) {
                    missed.incrementAndGet();
                }
                synchronized (nanos) {
                    nanos.add(ns);
                    byKind.computeIfAbsent(QueryMix.kind(query), k -> new ArrayList<>()).add(ns);
                }
            } else if (status >= 400 && status < 500) {
                client.incrementAndGet();
            } else if (status == 503 && answer.state().equals("overloaded")) {
                shed.incrementAndGet();
            } else if (status >= 500) {
                server.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
        }

        Step step(String loop, String cache, int level, double seconds) {
            long[] sorted;
            Map<String, long[]> kinds = new TreeMap<>();
            synchronized (nanos) {
                sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
                byKind.forEach((k, v) -> kinds.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
            }
            return new Step(loop, cache, level, seconds, ok.get(), client.get(), shed.get(), server.get(),
                    failures.get(), missed.get(), sorted, kinds, cpu.perAnswer(Math.max(1, ok.get())));
        }
    }

    static Step print(Step s) {
        System.out.printf(Locale.ROOT, "%-7s %-5s %6d %8.1f %9.2f %8.2f %8.2f %8.2f %4d %5d %4d %5d  %5.1f%%%n",
                s.loop(), s.cache(), s.level(), s.throughput(), s.pct(50), s.pct(95), s.pct(99), s.pct(100),
                s.clientErrors(), s.shed(), s.serverErrors(), s.failures(), 100 * s.missShare());
        if (s.cache().equals("miss")) { // which kinds of query make the tail
            StringBuilder line = new StringBuilder("  by kind:");
            s.sortedByKind().forEach((kind, ns) -> line.append(String.format(Locale.ROOT,
                    "  %s %.0f%% p50 %.2f p99 %.2f ms", kind, 100.0 * ns.length / s.sortedNanos().length,
                    Step.pct(ns, 50), Step.pct(ns, 99))));
            System.out.println(line);
        }
        if (!s.cpu().isEmpty()) { // where the machine's two cores went, so a slow step says which tier cost it
            System.out.println("  CPU ms per answer:  " + s.cpu());
        }
        return s;
    }

    /**
     * The knee: the last step before the curve bends — throughput gains under 10 % (closed loop) or achieved rate
     * below 95 % of the offered one (open loop), or p99 above three times the lightest step's. None when the open
     * loop's lightest step is already saturated.
     */
    static String knee(List<Step> curve) {
        if (curve.isEmpty()) {
            return "";
        }
        Step base = curve.getFirst();
        if (base.loop().equals("open") && base.throughput() < 0.95 * base.level()) {
            return String.format(Locale.ROOT, "knee (open loop, cache %s): below the lightest step, %d req/s offered, "
                    + "%.0f answered", base.cache(), base.level(), base.throughput());
        }
        Step knee = base;
        for (int i = 1; i < curve.size(); i++) {
            Step s = curve.get(i), prev = curve.get(i - 1);
            boolean saturated = s.loop().equals("open") ? s.throughput() < 0.95 * s.level()
                    : s.throughput() < 1.10 * prev.throughput();
            if (saturated || s.pct(99) > 3 * base.pct(99)) {
                break;
            }
            knee = s;
        }
        return String.format(Locale.ROOT, "knee (%s loop, cache %s): level %d, %.0f req/s, p99 %.2f ms", base.loop(),
                base.cache(), knee.level(), knee.throughput(), knee.pct(99));
    }

    static int[] ints(String csv) {
        return csv.isBlank() ? new int[0] : Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
