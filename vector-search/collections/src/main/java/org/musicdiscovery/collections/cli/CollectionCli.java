package org.musicdiscovery.collections.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.musicdiscovery.collections.CollectionBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/build-index}: a new collection version from the catalogue's vector export. */
@Command(name = "build-index", mixinStandardHelpOptions = true,
        description = "Build a collection version (dot + angular Annoy indices, item map, manifest) and make it"
                + " CURRENT; a running vector-search picks it up within seconds.")
public final class CollectionCli implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "genre", description = "collection name")
    String name;
    @Option(names = "--sparse", description = "catalogue sparse export (genre-vectors.tsv)")
    Path sparse;
    @Option(names = "--dims", description = "dimension names (genre-dims.tsv), with --sparse")
    Path dims;
    @Option(names = "--dense", description = "dense vectors (vid TAB v1 ... vf)")
    Path dense;
    @Option(names = "--mapping", description = "vid TAB type TAB catalogueId, with --dense")
    Path mapping;
    @Option(names = "--out", defaultValue = "var/index", description = "index root")
    Path out;
    @Option(names = "--metrics", split = ",", defaultValue = "dot,angular")
    List<String> metrics;
    @Option(names = "--trees", defaultValue = "10")
    int trees;
    @Option(names = "--seed", defaultValue = "1234567890987654321")
    long seed;
    @Option(names = "--threads", defaultValue = "0", description = "0 = all cores")
    int threads;

    public static void main(String[] args) {
        var cli = new CommandLine(new CollectionCli());
        cli.setExecutionExceptionHandler((e, cmd, parse) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        CollectionBuilder.Items items;
        List<String> names = null;
        String source;
        if (sparse != null && dims != null) {
            names = new ArrayList<>();
            for (String line : Files.readAllLines(dims, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.split("\t", 2)[1].strip());
                }
            }
            items = CollectionBuilder.readSparse(sparse, names.size());
            source = sparse.toString();
        } else if (dense != null && mapping != null) {
            items = CollectionBuilder.readDense(dense, mapping);
            source = dense.toString();
        } else {
            throw new IllegalArgumentException("give --sparse with --dims, or --dense with --mapping");
        }
        System.err.printf("%s: %,d items × %d dims%n", name, items.vectors().length, items.vectors()[0].length);
        Path dir = CollectionBuilder.build(out, name, items, names, metrics, trees, seed, threads, source,
                msg -> System.err.println("  " + msg));
        System.err.printf("%s is now CURRENT (%.1f s)%n", dir, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
