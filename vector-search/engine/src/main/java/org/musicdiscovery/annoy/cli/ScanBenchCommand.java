package org.musicdiscovery.annoy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.musicdiscovery.annoy.Similarity;
import org.musicdiscovery.annoy.SparseIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the sparse index's two ways of answering compare on a built collection, per index file (all items and each
 * type's own): the pruned walk alone, the whole-list scan alone, and the rule the service runs (scan short lists, stop
 * a walk over its budget and scan). Queries are two-genre mixes of the commonest genres at 1 % steps, as the load
 * test asks them; the three answers must be identical, ids and dot products, or the run fails.
 */
@Command(name = "bench-scan", mixinStandardHelpOptions = true,
        description = "Sparse index: pruned walk vs whole-list scan vs the shipped rule, per index file of a collection.")
final class ScanBenchCommand implements Callable<Integer> {
    @Option(names = "--index-dir", required = true, description = "a collection version, e.g. var/index/genre/v…")
    Path dir;
    @Option(names = "--genres", defaultValue = "30", description = "mixes draw from this many commonest dimensions")
    int genres;
    @Option(names = "--queries", defaultValue = "300")
    int nQueries;
    @Option(names = "--k", defaultValue = "100")
    int k;
    @Option(names = "--passes", defaultValue = "4", description = "timed passes; each query's fastest counts")
    int passes;
    @Option(names = "--seed", defaultValue = "1")
    long seed;

    private static final String[] PATHS = {"walk", "scan", "rule"};
    /** How each path is chosen on this thread's searches, in the order of {@link #PATHS}. */
    private static final List<Consumer<SparseIndex>> CHOOSE = List.of(ix -> ix.scanRule(-1, 0),
            ix -> ix.scanRule(Integer.MAX_VALUE, 0), SparseIndex::scanRuleShipped);

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches("sparse(-\\w+)?\\.postings")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no sparse*.postings in " + dir);
        }
        List<float[]> queries;
        try (SparseIndex all = SparseIndex.open(files.getFirst())) {
            queries = mixes(all);
        }
        System.out.printf(Locale.ROOT, "%d two-genre mixes of the %d commonest dimensions, k = %d, single thread, "
                + "engine time (µs; each query's fastest of %d passes)%n", queries.size(), genres, k, passes);
        System.out.println("index               similarity  walk mean / p99   scan mean / p99   rule mean / p99   "
                + "rule vs walk (mean, p99)");
        for (Path file : files) {
            try (SparseIndex ix = SparseIndex.open(file)) {
                for (Similarity sim : Similarity.values()) {
                    row(file.getFileName().toString(), ix, sim, queries);
                }
            }
        }
        return 0;
    }

    private void row(String name, SparseIndex ix, Similarity sim, List<float[]> queries) {
        int[][] ids = new int[PATHS.length][k];
        double[][] dots = new double[PATHS.length][k];
        for (float[] q : queries) { // the same answer whichever path gives it
            for (int p = 0; p < PATHS.length; p++) {
                CHOOSE.get(p).accept(ix);
                int n = ix.search(q, sim, k, null, ids[p], dots[p], null);
                if (n != k || !Arrays.equals(ids[p], ids[0]) || !Arrays.equals(dots[p], dots[0])) {
                    throw new IllegalStateException(name + " " + sim + ": " + PATHS[p] + " answers differently");
                }
            }
        }
        Latency[] latency = new Latency[PATHS.length];
        for (int p = 0; p < PATHS.length; p++) {
            CHOOSE.get(p).accept(ix);
            latency[p] = Latency.measure(queries.size(), passes,
                    i -> ix.search(queries.get(i), sim, k, null, ids[0], dots[0], null));
        }
        ix.scanRuleShipped();
        System.out.printf(Locale.ROOT, "%-19s %-10s %7.0f / %6.0f   %7.0f / %6.0f   %7.0f / %6.0f   %.2fx, %.2fx%n",
                name, sim.name().toLowerCase(Locale.ROOT), latency[0].mean(), latency[0].p99(), latency[1].mean(),
                latency[1].p99(), latency[2].mean(), latency[2].p99(), latency[2].mean() / latency[0].mean(),
                latency[2].p99() / latency[0].p99());
    }

    /** Two of the commonest dimensions (longest lists over all items), weights w and 1 − w at 1 % steps. */
    private List<float[]> mixes(SparseIndex all) {
        int[] common = IntStream.range(0, all.nDims()).boxed()
                .sorted(Comparator.comparingInt(all::listLength).reversed()).limit(genres).mapToInt(i -> i).toArray();
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < nQueries; i++) {
            int a = r.nextInt(common.length), b;
            do {
                b = r.nextInt(common.length);
            } while (b == a);
            float w = (1 + r.nextInt(99)) / 100f;
            float[] q = new float[all.nDims()];
            q[common[a]] = w;
            q[common[b]] = 1 - w;
            out.add(q);
        }
        return out;
    }
}
