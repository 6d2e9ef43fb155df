import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.musicdiscovery.platform.SmileBodies;
import org.musicdiscovery.vectorsearch.api.CandidatesCodec;
import org.musicdiscovery.vectorsearch.api.SearchResponse;

/**
 * The body of core's question's answer, read and written as Smile (the peer) and as the binary candidates layout,
 * on real answers: 20 two-genre mixes asked of the running vector-search as core asks them (k = 100, with the
 * vectors). Single thread, after a warm-up, the two formats alternating in rounds; µs per answer and the ratio.
 * Usage: java -cp <core's jars> CodecBench.java VECTOR_URL TOKEN [rounds (5)]
 */
public class CodecBench {
    static final String[] GENRES = {"pop", "rock", "jazz", "soul", "blues", "funk", "country", "hip hop", "dance",
        "folk"};

    public static void main(String[] a) throws Exception {
        int rounds = a.length > 2 ? Integer.parseInt(a[2]) : 5;
        ObjectMapper smile = SmileBodies.mapper();
        HttpClient http = HttpClient.newHttpClient();
        Random r = new Random(3);
        List<byte[]> smileBodies = new ArrayList<>();
        List<SearchResponse> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String x = GENRES[r.nextInt(GENRES.length)], y = GENRES[(r.nextInt(GENRES.length - 1) + 1 + i) % GENRES.length];
            double w = (1 + r.nextInt(99)) / 100.0;
            String body = x.equals(y) ? "{\"genres\":{\"%s\":1},\"k\":100,\"includeVectors\":true}".formatted(x)
                    : String.format(Locale.ROOT, "{\"genres\":{\"%s\":%.2f,\"%s\":%.2f},\"k\":100,\"includeVectors\":true}",
                            x, w, y, 1 - w);
            var req = HttpRequest.newBuilder(URI.create(a[0] + "/v1/collections/genre/search"))
                    .header("X-Internal-Token", a[1]).header("Content-Type", "application/json")
                    .header("Accept", SmileBodies.MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(res.statusCode() + " " + new String(res.body()));
            }
            smileBodies.add(res.body());
            answers.add(smile.readValue(res.body(), SearchResponse.class));
        }
        List<byte[]> binaryBodies = answers.stream().map(CandidatesCodec::write).toList();
        long smileBytes = smileBodies.stream().mapToLong(b -> b.length).sum();
        long binaryBytes = binaryBodies.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "20 real answers of 100 candidates: Smile %,d bytes each on average, binary %,d"
                + " (%.2fx)%n", smileBytes / 20, binaryBytes / 20, (double) binaryBytes / smileBytes);
        int n = 2000; // passes over the 20 answers per measurement
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round <= rounds; round++) { // round 0 warms up
            double[] us = {
                time(n, i -> smile.readValue(smileBodies.get(i % 20), SearchResponse.class).candidates().size()),
                time(n, i -> CandidatesCodec.read(binaryBodies.get(i % 20)).candidates().size()),
                time(n, i -> smile.writeValueAsBytes(answers.get(i % 20)).length),
                time(n, i -> CandidatesCodec.write(answers.get(i % 20)).length)};
            if (round > 0) {
                for (int j = 0; j < 4; j++) {
                    best[j] = Math.min(best[j], us[j]);
                }
                System.out.printf(Locale.ROOT, "round %d  read: Smile %5.1f µs, binary %5.1f µs   write: Smile %5.1f µs,"
                        + " binary %5.1f µs%n", round, us[0], us[1], us[2], us[3]);
            }
        }
        System.out.printf(Locale.ROOT, "best of %d rounds: read %.1f -> %.1f µs (%.2fx), write %.1f -> %.1f µs (%.2fx)%n",
                rounds, best[0], best[1], best[1] / best[0], best[2], best[3], best[3] / best[2]);
    }

    interface Step {
        int run(int i) throws Exception;
    }

    /** µs per call over {@code n} × 20 calls; the sum of the results keeps the JIT from dropping them. */
    static double time(int n, Step step) throws Exception {
        long sink = 0, t0 = System.nanoTime();
        for (int i = 0; i < 20 * n; i++) {
            sink += step.run(i);
        }
        double us = (System.nanoTime() - t0) / 1e3 / (20.0 * n);
        if (sink == 42) {
            System.out.print("");
        }
        return us;
    }
}
