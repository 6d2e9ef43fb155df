package org.musicdiscovery.annoy.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.musicdiscovery.annoy.AnnoyBuilder;
import org.musicdiscovery.annoy.AnnoyIndex;
import org.musicdiscovery.annoy.IndexManifest;
import org.musicdiscovery.annoy.Metric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/annoy}: build, query, inspect and benchmark Annoy-format indices. */
@Command(name = "annoy", mixinStandardHelpOptions = true, version = "annoy-engine 0.1 (Annoy 1.17 format)",
        description = "Pure-Java Annoy-format indices, byte-compatible with Spotify Annoy <= 1.17.3.",
        subcommands = {AnnoyCli.Build.class, AnnoyCli.Query.class, AnnoyCli.Inspect.class, BenchCommand.class,
            SparseCommand.class, SparseBenchCommand.class, ScanBenchCommand.class})
public final class AnnoyCli {

    public static void main(String[] args) {
        var cli = new CommandLine(new AnnoyCli());
        cli.setExecutionExceptionHandler((e, cmd, parse) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build an index from a vectors file.")
    static final class Build implements Callable<Integer> {
        /** {@code --warm-up} builds all the trees up to this many items, else one tree (enough for C2, and quick). */
        static final int WARM_UP_ALL_TREES = 200_000;
        @Option(names = "--vectors", required = true, description = "id<TAB>v1 v2 ... vf per line")
        Path vectors;
        @Option(names = "--metric", required = true, description = "angular, dot or euclidean")
        String metric;
        @Option(names = "--out", required = true, description = "index file to write (+ .manifest.json)")
        Path out;
        @Option(names = "--trees", defaultValue = "10", description = "number of trees (-1: Annoy's 2x rule)")
        int trees;
        @Option(names = "--seed", defaultValue = "1234567890987654321")
        long seed;
        @Option(names = "--threads", defaultValue = "1", description = "build threads (0 = all cores)")
        int threads;
        @Option(names = "--dim", defaultValue = "0", description = "dimension (default: from the file)")
        int dim;
        @Option(names = "--warm-up", description = "first build the same items once, untimed and not kept "
                + "(all trees up to " + WARM_UP_ALL_TREES + " items, else one tree), so the kept build runs compiled "
                + "code (benchmarks)")
        boolean warmUp;

        @Override
        public Integer call() throws Exception {
            PrintStream err = System.err;
            VectorFile data = VectorFile.read(vectors, dim);
            err.printf("read %,d vectors of %d dims%n", data.size(), data.dimension());
            if (warmUp) {
                int warmTrees = data.size() <= WARM_UP_ALL_TREES ? trees : 1;
                try (var w = builder(data)) {
                    w.build(warmTrees, done -> { });
                    err.printf("warm-up build: %d ms (%d trees)%n", w.buildMillis(), warmTrees);
                }
            }
            try (var builder = builder(data)) {
                builder.build(trees, done -> err.printf("\rtrees built: %d%s", done, trees > 0 ? "/" + trees : ""));
                err.println();
                IndexManifest m = builder.save(out);
                err.printf("wrote %s: %,d items, %d trees, %,d nodes, %,d bytes, built in %d ms%n", out, m.nItems(),
                        m.nTrees(), m.nNodes(), m.fileBytes(), m.buildMillis());
            }
            return 0;
        }

        private AnnoyBuilder builder(VectorFile data) {
            var builder = new AnnoyBuilder(Metric.of(metric), data.dimension()).seed(seed).threads(threads)
                    .expectItems(Arrays.stream(data.ids()).max().orElse(-1) + 1);
            for (int i = 0; i < data.size(); i++) {
                builder.addItem(data.ids()[i], data.vectors()[i]);
            }
            return builder;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Print the nearest ids per query line (bare Annoy files need --metric and --dim).")
    static final class Query implements Callable<Integer> {
        @Option(names = "--index", required = true)
        Path index;
        @Option(names = "--queries", required = true, description = "id<TAB>v1 v2 ... vf per line")
        Path queries;
        @Option(names = "--metric", description = "for bare files without a manifest")
        String metric;
        @Option(names = "--dim", defaultValue = "0", description = "for bare files without a manifest")
        int dim;
        @Option(names = "--k", defaultValue = "10")
        int k;
        @Option(names = "--search-k", defaultValue = "-1")
        int searchK;
        @Option(names = "--distances", description = "print id:distance")
        boolean distances;

        @Override
        public Integer call() throws Exception {
            try (AnnoyIndex ix = IndexOpening.open(index, metric, dim)) {
                VectorFile qs = VectorFile.read(queries, ix.dimension());
                int[] ids = new int[k];
                float[] dist = new float[k];
                var out = new StringBuilder();
                for (float[] q : qs.vectors()) {
                    int n = ix.search(q, k, searchK, ids, dist);
                    var line = new StringJoiner(" ");
                    for (int i = 0; i < n; i++) {
                        line.add(distances ? ids[i] + ":" + dist[i] : Integer.toString(ids[i]));
                    }
                    out.append(line).append('\n');
                }
                System.out.print(out);
            }
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe an index file.")
    static final class Inspect implements Callable<Integer> {
        @Option(names = "--index", required = true)
        Path index;
        @Option(names = "--metric")
        String metric;
        @Option(names = "--dim", defaultValue = "0")
        int dim;

        @Override
        public Integer call() {
            try (AnnoyIndex ix = IndexOpening.open(index, metric, dim)) {
                System.out.printf("file        %s%nmetric      %s%ndimension   %d%nnode size   %d bytes%n"
                        + "items       %,d%ntrees       %d%nnodes       %,d (items %,d, tree nodes %,d, root copies %d)%n"
                        + "leaf K      %d%n", ix.file(), ix.metric().name(), ix.dimension(), ix.nodeSize(),
                        ix.nItems(), ix.nTrees(), ix.nNodes(), ix.nItems(), ix.nNodes() - ix.nItems() - ix.nTrees(),
                        ix.nTrees(), ix.metric().leafCapacity(ix.dimension()));
            }
            return 0;
        }
    }
}
