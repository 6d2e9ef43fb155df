import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core discovery's pipeline under concurrency, cache misses vs cache hits in the same run, with the per-stage
 * breakdown the responses report; then how close the top 10 of 20 genre-fluid queries come to the asked mix (L1).
 * Usage: java PipelineBench.java CORE_URL TOKEN [CONCURRENCY] [REQUESTS] [SEED]
 * The seed of the random mixes defaults to the clock, so a rerun within the cache TTL still misses; each run prints
 * how many answers really were misses and hits, and the miss and hit rows count only the answers in that state (a
 * mix drawn twice is a hit the second time).
 */
public class PipelineBench {
    static final String[] GENRES = {"blues", "rock", "jazz", "soul", "funk", "hip hop", "pop", "country", "folk",
        "rhythm and blues", "electronic", "reggae", "punk", "metal", "disco", "house", "indie rock", "classical"};
    static final String[] PHRASES = {"%s with a little %s", "mostly %s with some %s", "%s meets %s",
        "70%% %s 30%% %s", "a bit of %s and a lot of %s", "%s and %s playlists", "%s songs with a touch of %s"};
    /** Core's stage timings in pipeline order, then its total (as its answers name them). */
    static final List<String> STAGES = List.of("parse", "cache", "aggregate", "score", "filter", "populate", "compose",
            "total");
    static final Pattern STAGE = Pattern.compile("\"(" + String.join("|", STAGES) + ")\":([0-9.]+)");
    /** A miss's latency at the client less core's total: the wire and the waits before and after core's clock. */
    static final String OUTSIDE = "outside";

    static final Pattern CACHE = Pattern.compile("\"cache\":\"([a-z]+)\"");
    static final Map<String, Integer> CACHE_STATES = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final int WARM_UP_ROUNDS = 25;
    static final int MIN_WARM_UP_REQUESTS = 25_000;

    public static void main(String[] args) throws Exception {
        String core = args[0], token = args[1];
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 1600;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
        Random r = new Random(seed);
        List<String> misses = firstPages(r, requests), warmUp = new ArrayList<>();
        // the same work under other cache keys (pages from offset 1 on, another per round): the measured mixes stay
        // uncached, and a mix drawn again in a later round of the warm-up still misses
        for (int i = 0; i < WARM_UP_ROUNDS * requests; i++) {
            warmUp.add(body(mix(r), 10, 1 + i / requests, i % 7 == 0 ? "playlist" : "any"));
        }
        warmUp(core, token, warmUp, requests, concurrency);
        // then a round shaped like the measured one (first pages), after everything printed so far: classes loaded
        // after the warm-up (formatting, this report) made the JIT throw away compiled HTTP and regex code, and the
        // recompiling took the harness from ~0.12 to ~0.35 ms of CPU per answer in the run after, from the services
        List<String> priming = firstPages(r, requests);
        run(core, token, priming, concurrency, "priming", true).addStages(new ConcurrentHashMap<>());
        // the same pages again: a hit has its own path (core answers a page it holds on the event loop), which the
        // warm-up's few hits leave to the JIT's first tiers; the misses' path was warmed the same way above
        run(core, token, priming, concurrency, "priming-again", false);
        Map<String, double[]> stages = new ConcurrentHashMap<>(), tail = new ConcurrentHashMap<>();
        System.gc(); // with the young generation scripts/bench-pipeline gives, no collection pauses this client below
        CpuMeter cpu = CpuMeter.of(System.getenv("BENCH_PIDS"));
        Answers miss = run(core, token, misses, concurrency, "miss", true);
        String missCpu = cpu.perAnswer(misses.size());
        miss.addStages(stages);
        double[] missMs = miss.ms("miss");
        miss.addStages(tail, missMs.length == 0 ? 0 : missMs[(int) (missMs.length * 0.99)]);
        System.gc();
        cpu = CpuMeter.of(System.getenv("BENCH_PIDS"));
        Answers hit = run(core, token, misses, concurrency, "hit", false);
        String hitCpu = cpu.perAnswer(misses.size());
        System.out.printf(Locale.ROOT, "%d requests, %d concurrent clients, direct to core, seed %d%n", requests,
                concurrency, seed);
        System.out.println("answers by cache state: " + CACHE_STATES);
        report("cache miss", missMs);
        report("cache hit", hit.ms("hit"));
        breakdown("miss breakdown (mean ms):", stages);
        breakdown("slowest 1 % of misses (mean ms):", tail);
        if (!missCpu.isEmpty()) {
            System.out.println("CPU per answer, last warm-up round (ms): " + lastWarmUpCpu);
            System.out.println("CPU per answer, miss run (ms): " + missCpu);
            System.out.println("CPU per answer, hit run (ms): " + hitCpu);
        }
        fit(core, token);
    }

    /** Idle connections, one per client thread in flight (scripts/harness/KeepAliveClient). */
    static final java.util.Queue<KeepAliveClient> CONNECTIONS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * One POST on a pooled keep-alive connection, on the calling thread. java.net.http's client hands each exchange
     * between three threads; at 16 clients its CPU competed with the services measured (4.7 s of 16 in a run);
     * KeepAliveClient does a little less than HttpURLConnection did (see there).
     */
    static String post(String core, String token, String body) throws java.io.IOException {
        KeepAliveClient http = CONNECTIONS.poll();
        if (http == null) {
            http = new KeepAliveClient(core + "/internal/v1/discover", "X-Internal-Token", token);
        }
        KeepAliveClient.Answer answer = http.post(body.getBytes(StandardCharsets.UTF_8));
        CONNECTIONS.add(http);
        if (answer.status() != 200) {
            throw new IllegalStateException("HTTP " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    static String mix(Random r) {
        String a = GENRES[r.nextInt(GENRES.length)], b = GENRES[r.nextInt(GENRES.length)];
        int w = 51 + r.nextInt(45);
        return w + "% " + a + " " + (100 - w) + "% " + b;
    }

    /** First pages of random mixes at 1 % resolution (rarely repeated), every seventh asking for playlists. */
    static List<String> firstPages(Random r, int n) {
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(body(mix(r), 10, 0, i % 7 == 0 ? "playlist" : "any"));
        }
        return bodies;
    }

    static String body(String q, int limit, int offset, String type) {
        return "{\"q\":\"" + q + "\",\"type\":\"" + type + "\",\"limit\":" + limit + ",\"offset\":" + offset + "}";
    }

    /** CPU per answer of the last warm-up round, printed beside the measured runs'. */
    static String lastWarmUpCpu = "";

    /**
     * Warm-up in rounds of {@code round} requests until the last three rounds' median misses are within 5 % of the
     * three before (at most {@value #WARM_UP_ROUNDS} rounds). Right after a start the JIT is still compiling: core's C2
     * spends seconds per round on it for the first ~25,000 misses, and a run measured then reads up to twice as slow.
     * The latency levels off for a while on the way, so the test alone stopped a fresh core's warm-up after 9 and 13
     * rounds (one of those runs read 1.44× the CPU per miss of the run right after it): it waits for
     * {@value #MIN_WARM_UP_REQUESTS} requests first.
     */
    static void warmUp(String core, String token, List<String> bodies, int round, int concurrency) throws Exception {
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            CpuMeter cpu = CpuMeter.of(System.getenv("BENCH_PIDS")); // loaded and compiled before the measured runs
            // with a stage map like the measured run: the same code path, compiled before it counts
            Answers answers = run(core, token, bodies.subList(i * round, (i + 1) * round), concurrency, "warm-up",
                    true);
            lastWarmUpCpu = cpu.perAnswer(round);
            answers.addStages(new ConcurrentHashMap<>());
            double[] ms = answers.ms("miss");
            medians.add(ms.length == 0 ? Double.NaN : ms[ms.length / 2]);
            if (i >= 5 && (i + 1L) * round >= MIN_WARM_UP_REQUESTS
                    && mean(medians.subList(i - 2, i + 1)) >= 0.95 * mean(medians.subList(i - 5, i - 2))) {
                break;
            }
        }
        System.out.println("warm-up rounds of " + round + " requests, median miss ms: " + medians.stream()
                .map(m -> String.format(Locale.ROOT, "%.1f", m)).collect(java.util.stream.Collectors.joining(" ")));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Each answer's latency, cache state and (misses, if kept) stage timings as sent, in request order. */
    record Answers(double[] ms, String[] states, String[] timings) {
        /** Adds the misses' stage timings into sums and counts per stage. */
        void addStages(Map<String, double[]> stages) {
            addStages(stages, Double.NEGATIVE_INFINITY);
        }

        /**
         * The same for the misses that took at least {@code fromMs} at the client, plus "outside": their latency
         * less core's own total (the wire, the event loop's queue, the wait for a pipeline thread).
         */
        void addStages(Map<String, double[]> stages, double fromMs) {
            for (int i = 0; i < timings.length; i++) {
                String t = timings[i];
                if (t == null || ms[i] < fromMs) {
                    continue;
                }
                Matcher m = STAGE.matcher(t);
                while (m.find()) {
                    double v = Double.parseDouble(m.group(2));
                    add(stages, m.group(1), v);
                    if (m.group(1).equals("total")) {
                        add(stages, OUTSIDE, ms[i] - v);
                    }
                }
            }
        }

        private static void add(Map<String, double[]> stages, String stage, double v) {
            stages.merge(stage, new double[] {v, 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        }

        /** The sorted latencies of the answers in this cache state (null: all). */
        double[] ms(String state) {
            double[] out = new double[ms.length];
            int n = 0;
            for (int i = 0; i < ms.length; i++) {
                if (state == null || state.equals(states[i])) {
                    out[n++] = ms[i];
                }
            }
            out = Arrays.copyOf(out, n);
            Arrays.sort(out);
            return out;
        }
    }

    /**
     * @param keepTimings keep each miss's stage timings, parsed by {@link Answers#addStages} once the run's CPU is
     *                    read: the harness's own work stays out of both the latencies and its CPU per answer
     */
    static Answers run(String core, String token, List<String> bodies, int concurrency, String label,
            boolean keepTimings) throws Exception {
        double[] ms = new double[bodies.size()];
        String[] states = new String[bodies.size()];
        String[] timings = new String[bodies.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                String body = post(core, token, bodies.get(n));
                ms[n] = (System.nanoTime() - t0) / 1e6;
                Matcher c = CACHE.matcher(body);
                states[n] = c.find() ? c.group(1) : "?";
                CACHE_STATES.merge(label + ":" + states[n], 1, Integer::sum);
                if (keepTimings && "miss".equals(states[n])) {
                    timings[n] = body.substring(body.lastIndexOf("\"timings\""));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Answers(ms, states, timings);
    }

    /** Core's stages in pipeline order, then its total and the time outside it. */
    static void breakdown(String label, Map<String, double[]> stages) {
        System.out.print(label);
        List<String> shown = new ArrayList<>(STAGES);
        shown.add(OUTSIDE);
        for (String stage : shown) {
            double[] v = stages.get(stage);
            if (v != null) {
                System.out.printf(Locale.ROOT, " %s %.2f", stage, v[0] / v[1]);
            }
        }
        System.out.println();
    }

    static void report(String label, double[] sorted) {
        if (sorted.length == 0) {
            System.out.println(label + ": no answers in this state");
            return;
        }
        System.out.printf(Locale.ROOT, "%-11s n %5d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", label,
                sorted.length, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
                sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1]);
    }

    /** For 20 genre-fluid queries: L1 distance between the asked mix and the mean mix of the top 10. */
    static void fit(String core, String token) throws Exception {
        Random r = new Random(20);
        System.out.println("query | asked mix | mean top-10 mix (asked genres) | L1");
        double total = 0;
        for (int i = 0; i < 20; i++) {
            String a = GENRES[r.nextInt(8)], b = GENRES[r.nextInt(8)];
            if (a.equals(b)) {
                b = GENRES[8 + r.nextInt(GENRES.length - 8)];
            }
            String q = String.format(PHRASES[i % PHRASES.length], a, b);
            String json = post(core, token, body(q, 10, 0, "any"));
            Map<String, Double> asked = mix(json.substring(json.indexOf("\"parsed\"")), "genres");
            Map<String, Double> mean = new LinkedHashMap<>();
            int items = 0;
            // the items run from "items" to the next top-level field, whatever the order of the fields
            int start = json.indexOf("\"items\":[") + 9, end = json.length();
            for (String next : new String[] {"\"parsed\":", "\"degraded\":", "\"timings\":", "\"cache\":"}) {
                int at = json.indexOf(next, start);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            for (String item : json.substring(start, end).split("\\{\"type\"")) {
                if (!item.contains("\"genres\"")) {
                    continue;
                }
                items++;
                mix(item, "genres").forEach((g, w) -> mean.merge(g, w, Double::sum));
            }
            int n = Math.max(1, items);
            mean.replaceAll((g, w) -> w / n);
            double l1 = 0;
            for (String g : union(asked, mean)) {
                l1 += Math.abs(asked.getOrDefault(g, 0.0) - mean.getOrDefault(g, 0.0));
            }
            total += l1;
            Map<String, Double> shown = new LinkedHashMap<>();
            asked.keySet().forEach(g -> shown.put(g, Math.round(mean.getOrDefault(g, 0.0) * 100) / 100.0));
            System.out.printf(Locale.ROOT, "%s | %s | %s | %.2f%n", q, asked, shown, l1);
        }
        System.out.printf(Locale.ROOT, "mean L1 over 20 queries: %.3f%n", total / 20);
    }

    static List<String> union(Map<String, Double> a, Map<String, Double> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
        return keys;
    }

    static Map<String, Double> mix(String json, String field) {
        Map<String, Double> out = new LinkedHashMap<>();
        int at = json.indexOf("\"" + field + "\":{");
        if (at < 0) {
            return out;
        }
        String body = json.substring(at + field.length() + 4, json.indexOf('}', at));
        Matcher m = Pattern.compile("\"([^\"]+)\":([0-9.Ee-]+)").matcher(body);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }
}
