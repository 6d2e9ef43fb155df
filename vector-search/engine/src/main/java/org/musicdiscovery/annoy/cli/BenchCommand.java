package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.musicdiscovery.annoy.AnnoyIndex;
import org.musicdiscovery.annoy.ExactSearch;
import org.musicdiscovery.annoy.Metric;
import org.musicdiscovery.annoy.Similarity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Our engine against C++ Annoy (the driver built by scripts/annoy-oracle) and an exact scan, in one run. Query
 * speed is compared on the very same file (the one C++ built), where both return identical results, so the ratio
 * is at equal recall. Our own build is timed against C++'s, each in a process of its own ({@link ForkedBuild}),
 * and its recall reported beside.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Recall@k and QPS: ours vs C++ Annoy vs exact scan; writes CSV and an SVG plot.")
final class BenchCommand implements Callable<Integer> {
    /**
     * Alternating measuring rounds per engine and setting; the median of each is reported. Five, not three: on the
     * Firecracker VMs here one engine's second of queries (or one build) can run up to 2× slower than the next, and
     * a median of three let two such seconds on one side decide a ratio.
     */
    static final int ROUNDS = 5;
    /** Datasets up to this many items build {@link #ROUNDS} times per engine; up to {@link #BIG}, three times. */
    static final int SMALL = 200_000;
    /**
     * Datasets above this many items build once per engine (a round of 10M-item builds takes many minutes); up to
     * it three alternating rounds at least, as one round of 1M-item builds moved by ±15 % between runs on this VM.
     */
    static final int BIG = 2_000_000;

    @Option(names = "--vectors", description = "a vectors file (e.g. the catalogue's genre-vectors.dense.tsv)")
    Path vectors;
    @Option(names = "--mtg", description = "MTG-Jamendo folder (autotagging_genre-*.tsv)")
    Path mtg;
    @Option(names = "--synthetic", defaultValue = "0", description = "synthetic genre-like items (e.g. 1000000)")
    int synthetic;
    @Option(names = "--synthetic-dim", defaultValue = "64")
    int syntheticDim;
    @Option(names = "--metrics", split = ",", defaultValue = "angular,dot")
    List<String> metrics;
    @Option(names = "--trees", split = ",", defaultValue = "10")
    List<Integer> trees;
    @Option(names = "--search-k", split = ",", defaultValue = "-1,1000,10000")
    List<Integer> searchKs;
    @Option(names = "--queries", defaultValue = "500")
    int nQueries;
    @Option(names = "--k", defaultValue = "10")
    int k;
    @Option(names = "--oracle", description = "C++ driver (default: the one scripts/annoy-oracle builds)")
    Path oracle;
    @Option(names = "--out", defaultValue = "target/bench", description = "folder for CSV, SVG and index files")
    Path out;

    @Option(names = "--hnsw", description = "also Lucene's HNSW (lucene-core) on the same items, as a peer")
    boolean hnsw;
    @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW graph degree")
    int hnswM;
    @Option(names = "--hnsw-beam", defaultValue = "100", description = "HNSW construction beam width")
    int hnswBeam;
    @Option(names = "--hnsw-candidates", split = ",", defaultValue = "10,40,100,400",
            description = "HNSW search effort (efSearch) values to sweep")
    List<Integer> hnswCandidates;
    private final List<String> peersCsv = new ArrayList<>(List.of(
            "dataset,n,dim,metric,engine,effort,recall_ids,recall_ties,qps,build_ms"));

    @Option(names = "--replot", description = "redraw the SVG from an earlier run's CSV; runs nothing")
    Path replot;

    @Override
    public Integer call() throws Exception {
        if (replot != null) {
            List<BenchRow> rows = Files.readAllLines(replot, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith(BenchRow.CSV_HEADER)).map(BenchRow::parse).toList();
            Path svg = replot.resolveSibling("annoy-bench.svg");
            Files.writeString(svg, SvgPlot.recallVsQps(rows));
            System.err.println("wrote " + svg);
            return 0;
        }
        Files.createDirectories(out);
        oracle = Driver.find(oracle, "C++ columns left empty");
        boolean cpp = oracle != null;
        List<Datasets> data = new ArrayList<>();
        if (vectors != null) {
            data.add(Datasets.file(vectors, nQueries, 11));
        }
        if (mtg != null) {
            data.add(Datasets.mtgJamendo(mtg, nQueries, 12));
        }
        if (synthetic > 0) {
            data.add(Datasets.synthetic(synthetic, syntheticDim, nQueries, 13));
        }
        if (data.isEmpty()) {
            throw new IllegalArgumentException("give --vectors, --mtg and/or --synthetic");
        }
        List<BenchRow> rows = new ArrayList<>();
        System.out.println(BenchRow.HEADER);
        for (Datasets d : data) {
            for (String metric : metrics) {
                for (int t : trees) {
                    rows.addAll(run(d, Metric.of(metric), t, cpp));
                }
            }
        }
        Path csv = out.resolve("annoy-bench.csv");
        List<String> lines = new ArrayList<>(List.of(BenchRow.CSV_HEADER));
        rows.forEach(r -> lines.add(r.csv()));
        Files.write(csv, lines, StandardCharsets.UTF_8);
        if (hnsw) {
            Files.write(out.resolve("peers-bench.csv"), peersCsv, StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolve("annoy-bench.svg"), SvgPlot.recallVsQps(rows));
        System.err.println("wrote " + csv + " and " + out.resolve("annoy-bench.svg"));
        return 0;
    }

    private List<BenchRow> run(Datasets d, Metric metric, int nTrees, boolean cpp) throws Exception {
        int f = d.items()[0].length;
        String tag = d.name() + "-" + metric.name() + "-" + nTrees;
        Path itemsFile = out.resolve(tag + ".items.tsv");
        Path queryFile = out.resolve(tag + ".queries.tsv");
        VectorFile.write(itemsFile, d.items());
        VectorFile.write(queryFile, d.queries());
        Path ours = out.resolve(tag + ".ours.annoy");
        Path cppFile = out.resolve(tag + ".cpp.annoy");
        // one-thread builds of ours and C++ alternate, the median of each (as for queries); one round on big sets
        int rounds = d.items().length > BIG ? 1 : d.items().length > SMALL ? 3 : ROUNDS;
        double[] ours1 = new double[rounds];
        double[] cold = new double[rounds];
        double[] cppBuilds = new double[rounds];
        double[] cpp628Builds = new double[rounds];
        // dot: C++ also builds with PR #628's math (the driver's dot628), the algorithm ours runs; 1.17.0's dot
        // two-means measures a bare -p·x (no centroid norms, no extra dimension) and is the released files' own
        boolean dot628 = cpp && metric.name().equals("dot");
        for (int r = 0; r < rounds; r++) {
            ForkedBuild b = ForkedBuild.run(itemsFile, metric, nTrees, 1, ours);
            ours1[r] = b.warmMs();
            cold[r] = b.coldMs();
            cppBuilds[r] = !cpp ? Double.NaN : cppBuild(metric.name(), f, nTrees, itemsFile, cppFile);
            cpp628Builds[r] = !dot628 ? Double.NaN : cppBuild("dot628", f, nTrees, itemsFile, cpp628File(tag));
        }
        Files.deleteIfExists(cpp628File(tag)); // 24+4f: no released reader loads it, so nothing queries it
        double oursBuild1 = median(ours1);
        double cppBuild = median(cppBuilds);
        double cpp628Build = median(cpp628Builds);
        Path oursMt = out.resolve(tag + ".ours-mt.annoy");
        double oursBuildAll = ForkedBuild.run(itemsFile, metric, nTrees, 0, oursMt).warmMs();
        String warmUp = d.items().length <= AnnoyCli.Build.WARM_UP_ALL_TREES ? "all trees" : "one tree";
        System.err.printf(Locale.ROOT, "%s: one-thread builds, fresh JVM each: timed %s ms after a warm-up build of "
                + "%s ms (%s); C++ %s ms%s%n", tag, java.util.Arrays.toString(ours1), java.util.Arrays.toString(cold),
                warmUp, java.util.Arrays.toString(cppBuilds),
                dot628 ? "; C++ with #628's math " + java.util.Arrays.toString(cpp628Builds) + " ms" : "");
        List<BenchRow> rows = new ArrayList<>();
        try (AnnoyIndex ourIndex = AnnoyIndex.open(ours);
             AnnoyIndex shared = cpp ? AnnoyIndex.openBare(cppFile, metric, f, true) : null) {
            AnnoyIndex speedFile = shared != null ? shared : ourIndex;
            int[][] truth = truth(ourIndex, d.queries());
            double exactQps = qps(q -> new ExactSearch(ourIndex).search(q, k), d.queries());
            TieTruth ties = hnsw ? TieTruth.of(d, metric, k) : null;
            for (int searchK : searchKs) {
                // ours and C++ in alternating rounds, the median of each: this VM's speed drifts by tens of percent
                // between seconds, and one block per engine let a drift land on one side of the ratio
                double[] oursRounds = new double[ROUNDS];
                double[] denseRounds = new double[ROUNDS];
                double[] cppRounds = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    oursRounds[r] = qps(q -> speedFile.search(q, k, searchK), d.queries());
                    speedFile.sparseQueries(false); // what reading every dimension, as C++ does, costs us
                    denseRounds[r] = qps(q -> speedFile.search(q, k, searchK), d.queries());
                    speedFile.sparseQueries(true);
                    cppRounds[r] = cpp ? cppQps(metric, f, cppFile, queryFile, searchK, oursRounds[r],
                            d.queries().length) : Double.NaN;
                }
                double oursQps = median(oursRounds);
                double cppQps = median(cppRounds);
                double oursQpsAll = qpsAllThreads(speedFile, d.queries(), searchK);
                double recallShared = recall(truth, d.queries(), q -> speedFile.search(q, k, searchK));
                double recallOursBuilt = recall(truth, d.queries(), q -> ourIndex.search(q, k, searchK));
                var row = new BenchRow(d.name(), d.items().length, f, metric.name(), nTrees, searchK, recallShared,
                        recallOursBuilt, oursQps, oursQpsAll, cppQps, exactQps, oursBuild1, oursBuildAll, cppBuild,
                        Files.size(ours), median(denseRounds), cpp628Build);
                System.out.println(row.text());
                rows.add(row);
                if (ties != null) {
                    peer(d, metric, "annoy-trees", "search_k=" + searchK, recallShared, ties.recall(d.queries(),
                            q -> speedFile.search(q, k, searchK)), oursQps, oursBuild1);
                }
            }
            if (ties != null) {
                luceneHnsw(d, metric, truth, ties);
            }
        }
        return rows;
    }

    /** One C++ build of the items, one thread; its own timing of {@code build()} in ms (reading excluded). */
    private double cppBuild(String metric, int f, int nTrees, Path items, Path file)
            throws IOException, InterruptedException {
        return Double.parseDouble(Driver.run(oracle, "build", metric, "" + f, "" + nTrees, "1234567890987654321",
                items.toString(), file.toString()).getFirst().trim());
    }

    private Path cpp628File(String tag) {
        return out.resolve(tag + ".cpp628.annoy");
    }

    /** Lucene's HNSW on the same items and queries, recall against the same exact truth, single thread. */
    private void luceneHnsw(Datasets d, Metric metric, int[][] truth, TieTruth ties) throws IOException {
        Path dir = out.resolve(d.name() + "-" + metric.name() + ".lucene");
        try (LuceneHnsw graph = LuceneHnsw.build(d.items(), metric, hnswM, hnswBeam, dir)) {
            for (int candidates : hnswCandidates) {
                Searcher search = q -> graph.search(q, k, candidates);
                peer(d, metric, "lucene-hnsw", "M=" + hnswM + ",beam=" + hnswBeam + ",ef=" + candidates,
                        recall(truth, d.queries(), search), ties.recall(d.queries(), search), qps(search,
                                d.queries()), graph.buildMs);
            }
        } catch (IllegalArgumentException e) { // e.g. a zero vector under cosine, which Lucene refuses
            System.out.printf("%s %s lucene-hnsw skipped: %s%n", d.name(), metric.name(), e.getMessage());
        }
    }

    private void peer(Datasets d, Metric metric, String engine, String effort, double recallIds, double recallTies,
            double qps, double buildMs) {
        System.out.printf(Locale.ROOT, "%-26s %-8s %-12s %-28s recall %.3f, ties counted %.3f  qps %9.0f  build %8.0f ms%n",
                d.name() + " (" + d.items().length + ")", metric.name(), engine, effort, recallIds, recallTies, qps,
                buildMs);
        peersCsv.add(String.join(",", d.name(), "" + d.items().length, "" + d.items()[0].length, metric.name(),
                engine, effort.replace(',', ';'), "" + recallIds, "" + recallTies, "" + qps, "" + buildMs));
    }

    /**
     * Recall that counts a returned item as right when it scores at least the true k-th, by {@link ExactTruth}'s rule
     * (as bench-sparse counts it): many catalogue items share one vector, and an engine that returns another of the
     * tied items is not wrong (the id recall says it is). The exhaustive tops are computed once per dataset and
     * metric. Angular and dot only (their exact scores are {@link Similarity}'s); NaN for euclidean.
     */
    private record TieTruth(ExactTruth exact, Similarity sim, ExactTruth.Top[] tops) {
        static TieTruth of(Datasets d, Metric metric, int k) {
            if (metric.name().equals("euclidean")) {
                return new TieTruth(null, null, null);
            }
            Similarity sim = Similarity.of(metric.name());
            ExactTruth exact = new ExactTruth(d.items());
            ExactTruth.Top[] tops = new ExactTruth.Top[d.queries().length];
            for (int i = 0; i < tops.length; i++) {
                tops[i] = exact.top(d.queries()[i], sim, k);
            }
            return new TieTruth(exact, sim, tops);
        }

        double recall(float[][] queries, Searcher s) {
            if (exact == null) {
                return Double.NaN;
            }
            double sum = 0;
            for (int i = 0; i < queries.length; i++) {
                sum += exact.recall(s.search(queries[i]), tops[i], queries[i], sim);
            }
            return sum / queries.length;
        }
    }

    interface Searcher {
        int[] search(float[] q);
    }

    private int[][] truth(AnnoyIndex index, float[][] queries) {
        var exact = new ExactSearch(index);
        int[][] t = new int[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            t[i] = exact.search(queries[i], k);
        }
        return t;
    }

    private static double recall(int[][] truth, float[][] queries, Searcher s) {
        double sum = 0;
        for (int i = 0; i < queries.length; i++) {
            var set = new HashSet<Integer>();
            for (int id : truth[i]) {
                set.add(id);
            }
            int hit = 0;
            for (int id : s.search(queries[i])) {
                hit += set.contains(id) ? 1 : 0;
            }
            sum += (double) hit / Math.max(1, truth[i].length);
        }
        return sum / queries.length;
    }

    /** Single-thread queries per second, after a warm-up pass, over at least ~1 s. */
    private static double qps(Searcher s, float[][] queries) {
        // warm-up for a second, not one pass: at low effort one pass of Lucene's deep call graph left its JIT cold
        // (ef=10 measured slower than ef=40)
        long warm = System.nanoTime();
        do {
            for (float[] q : queries) {
                s.search(q);
            }
        } while (System.nanoTime() - warm < 1_000_000_000L);
        long t0 = System.nanoTime();
        long n = 0;
        do {
            for (float[] q : queries) {
                s.search(q);
            }
            n += queries.length;
        } while (System.nanoTime() - t0 < 1_000_000_000L);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private double qpsAllThreads(AnnoyIndex index, float[][] queries, int searchK) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Double>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> qps(q -> index.search(q, k, searchK), queries)));
            }
            double total = 0;
            for (Future<Double> p : parts) {
                total += p.get();
            }
            return total;
        }
    }

    /** C++ queries per second on the same file and queries: about one second of its work at similar speed. */
    private double cppQps(Metric metric, int f, Path cppFile, Path queryFile, int searchK, double oursQps,
            int nQueries) throws Exception {
        int repeats = (int) Math.max(1, Math.ceil(oursQps / nQueries));
        double us = Double.parseDouble(Driver.run(oracle, "bench", metric.name(), "" + f, cppFile.toString(),
                queryFile.toString(), "" + k, "" + searchK, "" + repeats).getFirst().split(" ")[0]);
        return 1e6 / us;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }
}
