package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import org.musicdiscovery.annoy.AnnoyBuilder;
import org.musicdiscovery.annoy.AnnoyIndex;
import org.musicdiscovery.annoy.Metric;
import org.musicdiscovery.annoy.Similarity;
import org.musicdiscovery.annoy.SparseIndex;
import org.musicdiscovery.annoy.SparseIndexBuilder;
import org.musicdiscovery.annoy.SparseManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Exact sparse search against the trees, in one run on the same items and queries, single thread, engine time only:
 * the sparse index (recall must be 1.0, ids and order identical to an exhaustive scan), our trees on our own files,
 * our reader on C++-built files, and C++ Annoy (the driver from scripts/annoy-oracle) on those same files. The
 * trees' search_k is swept upwards until each reaches the target recall; ratios are taken there.
 */
@Command(name = "bench-sparse", mixinStandardHelpOptions = true,
        description = "Exact sparse index vs trees (ours, C++ Annoy) on genre-mix queries: p50/p99, recall, ratios.")
final class SparseBenchCommand implements Callable<Integer> {
    @Option(names = "--vectors", required = true, description = "vectors file, e.g. var/catalogue/genre-vectors.dense.tsv")
    Path vectors;
    @Option(names = "--queries", defaultValue = "500")
    int nQueries;
    @Option(names = "--seed", defaultValue = "42", description = "seed of the genre-mix draw")
    long seed;
    @Option(names = "--k", defaultValue = "10")
    int k;
    @Option(names = "--trees", defaultValue = "10")
    int trees;
    @Option(names = "--search-k", split = ",",
            defaultValue = "-1,1000,2000,5000,10000,20000,30000,50000,100000,200000")
    List<Integer> searchKs;
    @Option(names = "--target-recall", defaultValue = "0.95")
    double target;
    @Option(names = "--passes", defaultValue = "3", description = "timed passes over the queries (after a warm-up);"
            + " each query's fastest counts")
    int passes;
    @Option(names = "--similarities", split = ",", defaultValue = "cosine,dot")
    List<String> similarities;
    @Option(names = "--exact-only", description = "time the sparse index alone (no trees, no C++)")
    boolean exactOnly;
    @Option(names = "--index-dir", description = "a collection version holding our dot.annoy/angular.annoy (default:"
            + " build them here)")
    Path indexDir;
    @Option(names = "--oracle", description = "C++ driver (default: the one scripts/annoy-oracle builds)")
    Path oracle;
    @Option(names = "--out", defaultValue = "target/bench-sparse", description = "folder for index files and CSV")
    Path out;

    private record Row(String similarity, String engine, int searchK, double recall, Latency latency) {
        String csv() {
            return String.join(",", similarity, engine, "" + searchK, "" + recall, "" + latency.p50(),
                    "" + latency.p99(), "" + latency.mean());
        }
    }

    private float[][] items;
    private float[][] queries;
    private Path queryFile;
    private final List<Row> rows = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        oracle = Driver.find(oracle, "C++ rows left out");
        boolean cpp = oracle != null;
        items = VectorFile.read(vectors, 0).vectors();
        queries = Datasets.frequencyMixes(items, nQueries, seed);
        queryFile = out.resolve("queries.tsv");
        VectorFile.write(queryFile, queries);
        int f = items[0].length;
        var truth = new ExactTruth(items);
        Path sparseFile = out.resolve("items.sparse");
        var builder = new SparseIndexBuilder(f);
        for (int i = 0; i < items.length; i++) {
            builder.add(i, items[i]);
        }
        SparseManifest m = builder.save(sparseFile);
        System.out.printf(Locale.ROOT, "%s: %,d items × %d dims, %,d non-zeros; %d two-genre mixes (seed %d), k=%d,"
                + " %d trees, 1 thread, %d timed passes%nsparse index: %,d bytes, built in %d ms%n",
                vectors.getFileName(), items.length, f, m.nPostings(), nQueries, seed, k, trees, passes,
                m.fileBytes(), m.buildMillis());
        try (SparseIndex sparse = SparseIndex.open(sparseFile)) {
            for (String name : similarities) {
                runSimilarity(Similarity.of(name), sparse, truth, cpp);
            }
        }
        Files.write(out.resolve("bench-sparse.csv"), rows.stream().map(Row::csv).toList(), StandardCharsets.UTF_8);
        System.err.println("wrote " + out.resolve("bench-sparse.csv"));
        return 0;
    }

    /**
     * The service searches both similarities, the second pruning from the floor the first one's top k gives (their
     * lowest score under the second): measured here against pruning from nothing, which {@code unseeded} timed.
     */
    private void fromTheOtherFloor(Similarity sim, SparseIndex sparse, int[][] expected, Latency unseeded)
            throws Exception {
        Similarity other = sim == Similarity.DOT ? Similarity.COSINE : Similarity.DOT;
        double[] floors = new double[queries.length];
        int[] ids = new int[k];
        double[] dots = new double[k], cosines = new double[k];
        for (int i = 0; i < queries.length; i++) {
            int n = sparse.search(queries[i], other, k, null, ids, dots, cosines);
            floors[i] = SparseIndex.floorOf(sim, n, k, dots, cosines);
        }
        Latency seeded = Latency.measure(queries.length, passes, i -> sparse.search(queries[i], sim, k, null, ids,
                null, null, floors[i]));
        long evaluated = 0;
        int identical = 0;
        for (int i = 0; i < queries.length; i++) {
            int n = sparse.search(queries[i], sim, k, null, ids, null, null, floors[i]);
            evaluated += sparse.lastEvaluated();
            identical += Arrays.equals(ids, 0, n, expected[i], 0, n) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "exact sparse from %s's floor: p50 %.1f µs, mean %.1f µs (%.2f× the time from"
                + " nothing), %.0f items scored per query, same answer for %d/%d queries%n", other, seeded.p50(),
                seeded.mean(), seeded.mean() / unseeded.mean(), (double) evaluated / queries.length, identical,
                queries.length);
    }

    /**
     * The service always filters by item type: timed here with every other id kept, against the unfiltered time,
     * and checked against the same search unpruned.
     */
    private void filtered(Similarity sim, SparseIndex sparse, Latency unfiltered) throws Exception {
        IntPredicate even = item -> (item & 1) == 0;
        int[] ids = new int[k], reference = new int[k];
        Latency time = Latency.measure(queries.length, passes, i -> sparse.search(queries[i], sim, k, even, ids,
                null, null));
        long evaluated = 0;
        int identical = 0;
        for (float[] query : queries) {
            int n = sparse.search(query, sim, k, even, ids, null, null);
            evaluated += sparse.lastEvaluated();
            int m = sparse.search(query, sim, k, even, reference, null, null, false);
            identical += Arrays.equals(ids, 0, n, reference, 0, m) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "exact sparse, every other id filtered out: p50 %.1f µs, mean %.1f µs (%.2f×"
                + " the unfiltered time), %.0f items scored per query, same answer as unpruned for %d/%d queries%n",
                time.p50(), time.mean(), time.mean() / unfiltered.mean(), (double) evaluated / queries.length,
                identical, queries.length);
    }

    private void runSimilarity(Similarity sim, SparseIndex sparse, ExactTruth truth, boolean cpp) throws Exception {
        String metric = sim == Similarity.DOT ? "dot" : "angular";
        ExactTruth.Top[] tops = new ExactTruth.Top[queries.length];
        for (int i = 0; i < queries.length; i++) {
            tops[i] = truth.top(queries[i], sim, k);
        }
        int[][] got = new int[queries.length][k];
        int[] ids = new int[k];
        Latency exact = Latency.measure(queries.length, passes, i -> sparse.search(queries[i], sim, k, null, ids,
                null, null));
        long evaluated = 0;
        int identical = 0, fromPairs = 0;
        double recall = 0;
        for (int i = 0; i < queries.length; i++) {
            int n = sparse.search(queries[i], sim, k, null, got[i], null, null);
            evaluated += sparse.lastEvaluated();
            fromPairs += sparse.lastFromPairs() ? 1 : 0;
            identical += Arrays.equals(Arrays.copyOf(got[i], n), tops[i].ids()) ? 1 : 0;
            recall += truth.recall(Arrays.copyOf(got[i], n), tops[i], queries[i], sim);
        }
        recall /= queries.length;
        rows.add(new Row(sim.name(), "exact-sparse", 0, recall, exact));
        System.out.printf(Locale.ROOT, "%n== %s (trees: %s) ==%nexact sparse   recall %.3f, ids and order identical to"
                + " the exhaustive scan for %d/%d queries, %.0f items scored per query, %d answered from the pair"
                + " lists (%,d bytes)%n", sim, metric, recall, identical, queries.length,
                (double) evaluated / queries.length, fromPairs, sparse.pairBytes());
        fromTheOtherFloor(sim, sparse, got, exact);
        filtered(sim, sparse, exact);
        if (exactOnly) {
            System.out.printf(Locale.ROOT, "exact sparse   p50 %.1f µs, p99 %.1f µs, mean %.1f µs%n", exact.p50(),
                    exact.p99(), exact.mean());
            return;
        }
        Map<String, Row> reached = sweep(sim, metric, tops, truth, cpp);
        System.out.printf(Locale.ROOT, "%-22s %8s %7s %8s %8s  %s%n", "engine", "search_k", "recall", "p50 µs",
                "p99 µs", "p50 ratio to exact sparse");
        System.out.printf(Locale.ROOT, "%-22s %8s %7.3f %s  1.00%n", "exact sparse", "-", recall, exact.text());
        for (var e : reached.entrySet()) {
            Row r = e.getValue();
            if (r == null) {
                System.out.printf(Locale.ROOT, "%-22s did not reach recall %.2f by search_k %d%n", e.getKey(), target,
                        searchKs.getLast());
            } else {
                System.out.printf(Locale.ROOT, "%-22s %8d %7.3f %s  %.2f (exact sparse is %.1f× faster)%n", e.getKey(),
                        r.searchK(), r.recall(), r.latency().text(), r.latency().p50() / exact.p50(),
                        r.latency().p50() / exact.p50());
            }
        }
    }

    /**
     * A given index is scored against the vectors file's rows, so its item i must be row i. A served collection
     * numbers its items by popularity (its tie rule), not in export order: such a file is refused, not measured at
     * a recall near zero.
     */
    private Path sameOrder(Path file) {
        float[] stored = new float[items[0].length];
        try (AnnoyIndex index = AnnoyIndex.open(file, false, false)) {
            for (int i = 0; i < Math.min(items.length, 1000); i++) {
                index.itemVector(i, stored);
                if (!Arrays.equals(stored, items[i])) {
                    throw new CommandLine.ParameterException(new CommandLine(this), file + ": item " + i
                            + " is not row " + i + " of " + vectors + " (a served collection orders its items by"
                            + " popularity); leave out --index-dir to build our trees from the vectors file");
                }
            }
        }
        return file;
    }

    /** search_k upwards until every tree engine reaches the target recall; the first row that does, per engine. */
    private Map<String, Row> sweep(Similarity sim, String metric, ExactTruth.Top[] tops, ExactTruth truth,
            boolean cpp) throws Exception {
        int f = items[0].length;
        Path ours = indexDir != null ? sameOrder(indexDir.resolve(metric + ".annoy")) : build(metric);
        Path cppFile = out.resolve("cpp-" + metric + ".annoy");
        if (cpp) {
            Driver.run(oracle, "build", metric, "" + f, "" + trees, "1234567890987654321", vectors.toString(),
                    cppFile.toString());
        }
        Map<String, Row> reached = new LinkedHashMap<>();
        reached.put("our trees (our file)", null);
        if (cpp) {
            reached.put("our trees (C++ file)", null);
            reached.put("C++ Annoy (C++ file)", null);
        }
        System.out.printf(Locale.ROOT, "%-22s %8s %7s %8s %8s%n", "trees", "search_k", "recall", "p50 µs", "p99 µs");
        try (AnnoyIndex own = AnnoyIndex.open(ours, true, false);
             AnnoyIndex shared = cpp ? AnnoyIndex.openBare(cppFile, Metric.of(metric), f, true) : null) {
            for (int searchK : searchKs) {
                if (!reached.containsValue(null)) {
                    break;
                }
                measure(reached, "our trees (our file)", sim, searchK, own, tops, truth);
                if (cpp) {
                    measure(reached, "our trees (C++ file)", sim, searchK, shared, tops, truth);
                    measureCpp(reached, sim, metric, searchK, cppFile, tops, truth);
                }
            }
        }
        return reached;
    }

    private void measure(Map<String, Row> reached, String engine, Similarity sim, int searchK, AnnoyIndex index,
            ExactTruth.Top[] tops, ExactTruth truth) {
        if (reached.get(engine) != null) {
            return;
        }
        Latency latency = Latency.measure(queries.length, passes, i -> index.search(queries[i], k, searchK));
        double recall = 0;
        for (int i = 0; i < queries.length; i++) {
            recall += truth.recall(index.search(queries[i], k, searchK), tops[i], queries[i], sim);
        }
        record(reached, new Row(sim.name(), engine, searchK, recall / queries.length, latency));
    }

    private void measureCpp(Map<String, Row> reached, Similarity sim, String metric, int searchK, Path file,
            ExactTruth.Top[] tops, ExactTruth truth) throws IOException, InterruptedException {
        String engine = "C++ Annoy (C++ file)";
        if (reached.get(engine) != null) {
            return;
        }
        String f = "" + items[0].length;
        Latency latency = Latency.parse(Driver.run(oracle, "latency", metric, f, file.toString(),
                queryFile.toString(), "" + k, "" + searchK, "" + passes).getFirst());
        List<String> lines = Driver.run(oracle, "query", metric, f, file.toString(), queryFile.toString(), "" + k,
                "" + searchK);
        double recall = 0;
        for (int i = 0; i < queries.length; i++) {
            String line = lines.get(i).trim();
            int[] ids = line.isEmpty() ? new int[0]
                    : Arrays.stream(line.split(" ")).mapToInt(t -> Integer.parseInt(t.split(":")[0])).toArray();
            recall += truth.recall(ids, tops[i], queries[i], sim);
        }
        record(reached, new Row(sim.name(), engine, searchK, recall / queries.length, latency));
    }

    private void record(Map<String, Row> reached, Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "%-22s %8d %7.3f %s%n", row.engine(), row.searchK(), row.recall(),
                row.latency().text());
        if (row.recall() >= target) {
            reached.put(row.engine(), row);
        }
    }

    private Path build(String metric) throws IOException {
        Path file = out.resolve("ours-" + metric + ".annoy");
        try (var b = new AnnoyBuilder(Metric.of(metric), items[0].length).threads(0).expectItems(items.length)) {
            for (int i = 0; i < items.length; i++) {
                b.addItem(i, items[i]);
            }
            b.build(trees, done -> { });
            b.save(file);
        }
        return file;
    }
}
