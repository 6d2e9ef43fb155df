import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites one generated block of docs/benchmarks.md, between {@code <!-- bench:NAME -->} and
 * {@code <!-- /bench:NAME -->}, with a harness's latest output: the command, when and where it ran, its raw output,
 * and, for the engine harness's CSVs, the ratios at equal recall. Everything outside the markers (the hand-written
 * reading of the figures) is left alone.
 * Usage: java BenchReport.java DOC NAME OUTPUT_FILE COMMAND [CSV ...]
 */
public class BenchReport {
    static final double[] RECALLS = {0.5, 0.8, 0.9, 0.95};

    public static void main(String[] args) throws IOException {
        Path doc = Path.of(args[0]);
        String name = args[1];
        String output = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        String command = args[3];
        var block = new StringBuilder();
        block.append("Last run: `").append(command).append("` — ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(", ")
                .append(machine()).append(".\n\n```text\n").append(output.strip()).append("\n```\n");
        for (int i = 4; i < args.length; i++) {
            Path csv = Path.of(args[i]);
            if (!Files.exists(csv)) {
                continue;
            }
            List<Map<String, String>> rows = readCsv(csv);
            if (csv.getFileName().toString().startsWith("peers")) {
                block.append("\n").append(equalRecall(rows));
            } else if (csv.getFileName().toString().startsWith("annoy-bench")) {
                block.append("\n").append(sameFileRatios(rows));
            }
        }
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String open = "<!-- bench:" + name + " -->", close = "<!-- /bench:" + name + " -->";
        int from = text.indexOf(open), to = text.indexOf(close);
        if (from < 0 || to < from) {
            throw new IllegalStateException(doc + " has no block " + open + " … " + close
                    + ": add the two markers where this harness's figures belong");
        }
        Files.writeString(doc, text.substring(0, from + open.length()) + "\n" + block + text.substring(to),
                StandardCharsets.UTF_8);
        System.err.println("updated block '" + name + "' of " + doc);
    }

    static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        return String.format(Locale.ROOT, "%d CPUs (%s), JDK %s, load average before %s",
                Runtime.getRuntime().availableProcessors(), model, Runtime.version().feature(),
                System.getenv().getOrDefault("BENCH_LOAD_BEFORE", "?"));
    }

    static List<Map<String, String>> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.getFirst().split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Ours and C++ query the same C++-built file and return the same ids: each row is already at equal recall. "Dense
     * path": ours reading every dimension of each node, as C++ does; "C++ #628": dot only, ours against C++ building
     * with PR #628's split math, the algorithm ours builds dot with (both blank in runs that predate the columns).
     */
    static String sameFileRatios(List<Map<String, String>> rows) {
        var sb = new StringBuilder("Ours / C++ on the same file (identical answers, so equal recall by construction):\n\n"
                + "| dataset | metric | search_k | recall@k | ours QPS | C++ QPS | ours / C++ | dense path / C++ "
                + "| build ours / C++ (1 thread) | build ours / C++ #628 |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (var r : rows) {
            double dense = d(r, "ours_dense_qps") / d(r, "cpp_qps");
            double build628 = d(r, "ours_build_ms") / d(r, "cpp628_build_ms");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %,.0f | %,.0f | **%.2f** | %s | %.2f× | %s |%n",
                    r.get("dataset"), r.get("metric"), r.get("search_k"), d(r, "recall"), d(r, "ours_qps"),
                    d(r, "cpp_qps"), d(r, "ours_qps") / d(r, "cpp_qps"),
                    Double.isNaN(dense) ? "" : String.format(Locale.ROOT, "%.2f", dense),
                    d(r, "ours_build_ms") / d(r, "cpp_build_ms"),
                    Double.isNaN(build628) ? "" : String.format(Locale.ROOT, "%.2f×", build628)));
        }
        return sb.toString();
    }

    /**
     * Each engine's QPS at a given recall (ties counted), read off its sweep: log-QPS interpolated linearly between
     * the two settings that straddle the recall, never extrapolated ("–": the sweep never reached it).
     */
    static String equalRecall(List<Map<String, String>> rows) {
        Map<String, Map<String, List<double[]>>> curves = new LinkedHashMap<>(); // dataset/metric → engine → points
        for (var r : rows) {
            curves.computeIfAbsent(r.get("dataset") + " " + r.get("metric"), x -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("engine"), x -> new ArrayList<>())
                    .add(new double[] {d(r, "recall_ties"), d(r, "qps")});
        }
        var sb = new StringBuilder("QPS at equal recall (ties counted; log-QPS interpolated between the two settings"
                + " of an engine's sweep that straddle the recall; where even its fastest setting is above it, that"
                + " setting's QPS; –: never reached):\n\n"
                + "| dataset, metric | recall | Annoy trees QPS | Lucene HNSW QPS | trees / HNSW |\n|---|---|---|---|---|\n");
        curves.forEach((set, engines) -> {
            for (double target : RECALLS) {
                double trees = qpsAt(engines.get("annoy-trees"), target);
                double hnsw = qpsAt(engines.get("lucene-hnsw"), target);
                sb.append(String.format(Locale.ROOT, "| %s | %.2f | %s | %s | %s |%n", set, target, fmt(trees),
                        fmt(hnsw), Double.isNaN(trees) || Double.isNaN(hnsw) ? "–" : String.format(Locale.ROOT,
                                "**%.2f**", trees / hnsw)));
            }
        });
        return sb.toString();
    }

    static double qpsAt(List<double[]> points, double recall) {
        if (points == null || points.isEmpty()) {
            return Double.NaN;
        }
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        double best = Double.NaN; // the fastest setting already at or above the recall
        for (double[] p : sorted) {
            if (p[0] >= recall && (Double.isNaN(best) || p[1] > best)) {
                best = p[1];
            }
        }
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double[] a = sorted.get(i), b = sorted.get(i + 1);
            if (a[0] < recall && b[0] >= recall && b[0] > a[0]) {
                double t = (recall - a[0]) / (b[0] - a[0]);
                double interpolated = Math.exp(Math.log(a[1]) + t * (Math.log(b[1]) - Math.log(a[1])));
                best = Double.isNaN(best) ? interpolated : Math.max(best, interpolated);
            }
        }
        return best;
    }

    static String fmt(double qps) {
        return Double.isNaN(qps) ? "–" : String.format(Locale.ROOT, "%,.0f", qps);
    }

    static double d(Map<String, String> row, String key) {
        String v = row.get(key);
        return v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v);
    }
}
