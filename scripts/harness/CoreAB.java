import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two builds of core-discovery side by side over the same vector-search, Redis and PostgreSQL, the requests
 * alternating between them: each round measures both in the same seconds, so the VM's drift (±25–30 % within a
 * session here) moves both alike. Prints each one's CPU per answer (from /proc) and its misses' latency, then B/A.
 * The questions are PipelineBench's genre mixes, pages 0–23 of them so that few repeat.
 * Usage: java CoreAB.java TOKEN URL_A PID_A URL_B PID_B [clients (16)] [warm-up s (60)] [round s (20)] [rounds (4)]
 */
public class CoreAB {
    record Answer(double ms, boolean miss) {
    }

    public static void main(String[] args) throws Exception {
        String token = args[0];
        String[] urls = {args[1], args[3]};
        long[] pids = {Long.parseLong(args[2]), Long.parseLong(args[4])};
        int clients = arg(args, 5, 16), warmUp = arg(args, 6, 60), seconds = arg(args, 7, 20), rounds = arg(args, 8, 4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        List<ConcurrentLinkedQueue<Answer>> answers = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        AtomicLong sent = new AtomicLong();
        AtomicBoolean recording = new AtomicBoolean(), stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long seed = 31L * c + System.nanoTime();
            threads.add(Thread.ofPlatform().start(() -> {
                Random r = new Random(seed);
                while (!stop.get()) {
                    long n = sent.getAndIncrement();
                    int side = (int) (n & 1);
                    String body = PipelineBench.body(PipelineBench.mix(r), 10, r.nextInt(24),
                            n % 7 == 0 ? "playlist" : "any");
                    var request = HttpRequest.newBuilder(URI.create(urls[side] + "/internal/v1/discover"))
                            .header("Content-Type", "application/json").header("X-Internal-Token", token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (recording.get()) {
                            answers.get(side).add(new Answer(ms, response.body().startsWith("{\"cache\":\"miss\"")));
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        System.out.printf(Locale.ROOT, "A %s, B %s: %d clients alternating, %d s warm-up, %d rounds of %d s%n",
                urls[0], urls[1], clients, warmUp, rounds, seconds);
        Thread.sleep(warmUp * 1000L);
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            answers.forEach(ConcurrentLinkedQueue::clear);
            long[] ticks = {CpuMeter.ticks(pids[0]), CpuMeter.ticks(pids[1])};
            recording.set(true);
            Thread.sleep(seconds * 1000L);
            recording.set(false);
            double[] cpu = new double[2];
            StringBuilder line = new StringBuilder("round " + (round + 1));
            for (int side = 0; side < 2; side++) {
                List<Answer> got = new ArrayList<>(answers.get(side));
                cpu[side] = (CpuMeter.ticks(pids[side]) - ticks[side]) * CpuMeter.MS_PER_TICK / got.size();
                double[] misses = got.stream().filter(Answer::miss).mapToDouble(Answer::ms).sorted().toArray();
                line.append(String.format(Locale.ROOT, " | %s: %d answers (%d misses), CPU %.3f ms per answer, misses"
                        + " p50 %.2f p99 %.2f ms", side == 0 ? "A" : "B", got.size(), misses.length, cpu[side],
                        at(misses, 0.50), at(misses, 0.99)));
            }
            ratios[round] = cpu[1] / cpu[0];
            System.out.println(line.append(String.format(Locale.ROOT, " | B/A CPU %.3f", ratios[round])));
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "B/A CPU per answer: median %.3f (%.3f–%.3f); failed requests %d%n",
                ratios[rounds / 2], ratios[0], ratios[rounds - 1], failures.get());
        System.exit(0);
    }

    static double at(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }
}
