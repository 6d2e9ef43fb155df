package org.musicdiscovery.embeddings.cli;

import org.musicdiscovery.catalogue.source.DataDir;
import org.musicdiscovery.embeddings.train.TrainJob;
import org.musicdiscovery.embeddings.train.TrainParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train song and artist vectors and write them (engine format + mapping + embeddings.json).")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DbOptions db;

    @Option(names = "--data-dir", description = "data dir holding lastfm-hetrec-2k/ (default: env DISCOVERY_DATA_DIR, "
            + "else -Ddiscovery.data.dir, else ../shared/data)")
    Path dataDir;
    @Option(names = "--no-hetrec", description = "train artists on playlists only")
    boolean noHetrec;
    @Option(names = "--out-dir", defaultValue = "var/embeddings", description = "output dir (default ${DEFAULT-VALUE})")
    Path outDir;

    @Option(names = "--dim", defaultValue = "48", description = "vector size (default ${DEFAULT-VALUE})")
    int dim;
    @Option(names = "--window", defaultValue = "5", description = "context window (default ${DEFAULT-VALUE})")
    int window;
    @Option(names = "--min-count", defaultValue = "3", description = "minimum occurrences to get a vector (default ${DEFAULT-VALUE})")
    int minCount;
    @Option(names = "--epochs", defaultValue = "5", description = "passes over the corpus (default ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--negative", defaultValue = "5", description = "negative samples (default ${DEFAULT-VALUE})")
    int negative;
    @Option(names = "--sampling", defaultValue = "1e-3", description = "sub-sampling of frequent items, 0 = off (default ${DEFAULT-VALUE})")
    double sampling;
    @Option(names = "--learning-rate", defaultValue = "0.025", description = "initial learning rate (default ${DEFAULT-VALUE})")
    double learningRate;
    @Option(names = "--min-learning-rate", defaultValue = "1e-4", description = "final learning rate (default ${DEFAULT-VALUE})")
    double minLearningRate;
    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--workers", defaultValue = "1",
            description = "training threads; only 1 is reproducible (default ${DEFAULT-VALUE})")
    int workers;

    @Override
    public Integer call() throws Exception {
        TrainParams params = new TrainParams(dim, window, minCount, epochs, negative, sampling, learningRate,
                minLearningRate, seed, workers);
        Path hetrec = noHetrec ? null : DataDir.require(dataDir).resolve("lastfm-hetrec-2k");
        var progress = EmbeddingsCli.progress(spec.commandLine().getErr());
        Map<String, Object> meta = new TrainJob(db.dataSource(), hetrec, outDir, progress).run(params);
        spec.commandLine().getOut().println("songs: " + meta.get("songs"));
        spec.commandLine().getOut().println("artists: " + meta.get("artists"));
        return 0;
    }
}
