import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Keyword-query latency through the public web layer and, as the peer in the same run, against core-discovery
 * directly: the difference is the gateway's overhead. Queries are real artist names and song titles drawn
 * (seeded) from yes.com's song list. Single client, sequential, after a warm-up.
 * Usage: java KeywordLatency.java WEB_URL CORE_URL TOKEN DATA_DIR [N [API_KEY]]
 */
public class KeywordLatency {
    public static void main(String[] args) throws Exception {
        String web = args[0], core = args[1], token = args[2];
        Path songs = Path.of(args[3], "yes/complete/song_hash.txt");
        int n = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        String apiKey = args.length > 5 ? args[5] : null; // without one, the anonymous per-address limit applies
        List<String> queries = queries(songs, n, new Random(42));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

        System.out.printf("%d keyword queries (real artists and titles, seed 42), 1 client, sequential%n", n);
        Req viaWebReq = q -> withKey(HttpRequest.newBuilder(URI.create(web + "/api/v1/search?limit=20&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))), apiKey).GET().build();
        Req directReq = q -> HttpRequest.newBuilder(URI.create(core + "/internal/v1/discover"))
                .header("Content-Type", "application/json").header("X-Internal-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\":\"" + q.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\",\"type\":\"any\",\"limit\":20,\"offset\":0}")).build();
        // core caches results in Redis: measured one after the other, the second path would hit the cache the
        // first filled. So: one priming pass (cold: the pipeline's real cost), then both paths interleaved on the
        // same, now cached, queries, which isolates what the gateway hop adds.
        long[] cold = run(http, queries, directReq, 0);
        long[][] both = interleaved(http, queries, viaWebReq, directReq);
        report("core, priming pass", cold);
        report("web-layer -> core", both[0]);
        report("core direct", both[1]);
        System.out.printf("gateway overhead (both on cached results): p50 %+.2f ms, p99 %+.2f ms (ratio p50 %.2fx)%n",
                (pct(both[0], 50) - pct(both[1], 50)) / 1e6, (pct(both[0], 99) - pct(both[1], 99)) / 1e6,
                (double) pct(both[0], 50) / pct(both[1], 50));
    }

    /** Each query through both paths, alternating which goes first. */
    static long[][] interleaved(HttpClient http, List<String> queries, Req a, Req b) throws Exception {
        // warm-up of both paths, two passes: the gateway's JIT needs a few thousand requests (one pass of 200 left
        // the overhead at +1.2 to +1.9 ms on a web layer fresh from start, against +0.9 ms once warm)
        for (int i = 0; i < 2 * queries.size(); i++) {
            http.send(a.make(queries.get(i % queries.size())), HttpResponse.BodyHandlers.discarding());
            http.send(b.make(queries.get(i % queries.size())), HttpResponse.BodyHandlers.discarding());
        }
        long[] ta = new long[queries.size()];
        long[] tb = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            boolean aFirst = i % 2 == 0;
            long[] first = aFirst ? ta : tb;
            long[] second = aFirst ? tb : ta;
            first[i] = time(http, (aFirst ? a : b).make(queries.get(i)));
            second[i] = time(http, (aFirst ? b : a).make(queries.get(i)));
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        return new long[][] {ta, tb};
    }

    static long time(HttpClient http, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long t = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return t;
    }

    static HttpRequest.Builder withKey(HttpRequest.Builder b, String apiKey) {
        return apiKey == null ? b : b.header("X-Api-Key", apiKey);
    }

    interface Req {
        HttpRequest make(String q);
    }

    static long[] run(HttpClient http, List<String> queries, Req req, int warmUp) throws Exception {
        for (int i = 0; i < warmUp; i++) { // warm-up: JIT, connection pools, PostgreSQL caches
            http.send(req.make(queries.get(i % queries.size())), HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[queries.size()];
        int errors = 0;
        for (int i = 0; i < queries.size(); i++) {
            long t0 = System.nanoTime();
            var response = http.send(req.make(queries.get(i)), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                errors++;
            }
        }
        if (errors > 0) {
            System.out.println("  errors: " + errors);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static void report(String name, long[] sorted) {
        System.out.printf("%-18s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name,
                pct(sorted, 50) / 1e6, pct(sorted, 95) / 1e6, pct(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    static List<String> queries(Path songHash, int n, Random random) throws Exception {
        List<String> lines = Files.readAllLines(songHash, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String[] f = lines.get(random.nextInt(lines.size())).split("\t");
            if (f.length < 3) {
                continue;
            }
            String q = random.nextBoolean() ? f[2] : f[1].replace("\\/", "/");
            q = q.replaceAll("[^\\p{L}\\p{N} '&.-]", " ").strip();
            if (!q.isEmpty() && q.length() <= 100) {
                out.add(q);
            }
        }
        return out;
    }
}
