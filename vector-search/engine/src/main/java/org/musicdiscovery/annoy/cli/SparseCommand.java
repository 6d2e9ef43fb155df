package org.musicdiscovery.annoy.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.musicdiscovery.annoy.Similarity;
import org.musicdiscovery.annoy.SparseIndex;
import org.musicdiscovery.annoy.SparseIndexBuilder;
import org.musicdiscovery.annoy.SparseManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/annoy sparse build|query|inspect}: the exact sparse index over the same vectors files. */
@Command(name = "sparse", mixinStandardHelpOptions = true,
        description = "Exact sparse index (posting lists per dimension) over non-negative vectors.",
        subcommands = {SparseCommand.Build.class, SparseCommand.Query.class, SparseCommand.Inspect.class})
final class SparseCommand {

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build a sparse index from a vectors file.")
    static final class Build implements Callable<Integer> {
        @Option(names = "--vectors", required = true, description = "id<TAB>v1 v2 ... vf per line, values >= 0")
        Path vectors;
        @Option(names = "--out", required = true, description = "index file to write (+ .manifest.json)")
        Path out;
        @Option(names = "--dim", defaultValue = "0", description = "dimension (default: from the file)")
        int dim;

        @Override
        public Integer call() throws Exception {
            VectorFile data = VectorFile.read(vectors, dim);
            System.err.printf("read %,d vectors of %d dims%n", data.size(), data.dimension());
            var builder = new SparseIndexBuilder(data.dimension());
            for (int i = 0; i < data.size(); i++) {
                builder.add(data.ids()[i], data.vectors()[i]);
            }
            SparseManifest m = builder.save(out);
            System.err.printf("wrote %s: %,d items, %d dims, %,d postings, %,d bytes, built in %d ms%n", out,
                    m.nItems(), m.nDims(), m.nPostings(), m.fileBytes(), m.buildMillis());
            return 0;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Print the exact top k ids per query line (ties by id).")
    static final class Query implements Callable<Integer> {
        @Option(names = "--index", required = true)
        Path index;
        @Option(names = "--queries", required = true, description = "id<TAB>v1 v2 ... vf per line")
        Path queries;
        @Option(names = "--similarity", defaultValue = "cosine", description = "dot or cosine")
        String similarity;
        @Option(names = "--k", defaultValue = "10")
        int k;
        @Option(names = "--scores", description = "print id:score")
        boolean scores;

        @Override
        public Integer call() throws Exception {
            Similarity sim = Similarity.of(similarity);
            try (SparseIndex ix = SparseIndex.open(index)) {
                VectorFile qs = VectorFile.read(queries, ix.nDims());
                int[] ids = new int[k];
                double[] dots = new double[k], cos = new double[k];
                var out = new StringBuilder();
                for (float[] q : qs.vectors()) {
                    int n = ix.search(q, sim, k, null, ids, dots, cos);
                    var line = new StringJoiner(" ");
                    for (int i = 0; i < n; i++) {
                        double s = sim.of(dots[i], cos[i]);
                        line.add(scores ? ids[i] + ":" + String.format(Locale.ROOT, "%.9g", s) : "" + ids[i]);
                    }
                    out.append(line).append('\n');
                }
                System.out.print(out);
            }
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true, description = "Describe a sparse index file.")
    static final class Inspect implements Callable<Integer> {
        @Option(names = "--index", required = true)
        Path index;

        @Override
        public Integer call() {
            try (SparseIndex ix = SparseIndex.open(index)) {
                int longest = 0;
                for (int d = 1; d < ix.nDims(); d++) {
                    longest = ix.listLength(d) > ix.listLength(longest) ? d : longest;
                }
                System.out.printf("file        %s%nitems       %,d%ndimensions  %d%npostings    %,d (%.2f per item)%n"
                        + "longest     dimension %d: %,d items%n", ix.file(), ix.nItems(), ix.nDims(),
                        ix.nPostings(), (double) ix.nPostings() / Math.max(1, ix.nItems()), longest,
                        ix.listLength(longest));
            }
            return 0;
        }
    }
}
