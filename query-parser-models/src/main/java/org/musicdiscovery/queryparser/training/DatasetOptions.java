package org.musicdiscovery.queryparser.training;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that fix a dataset (shared by trainer and evaluator so both rebuild the same split). */
public final class DatasetOptions {

    @Option(names = "--data-dir", description = "real data dir (default: $DISCOVERY_DATA_DIR or ../shared/data)")
    public Path dataDir;
    @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
    public long seed = 42;
    @Option(names = "--generated", description = "generated training queries (default: ${DEFAULT-VALUE})")
    public int generated = 30000;
}
