package org.musicdiscovery.catalogue.cli;

import org.musicdiscovery.catalogue.ingest.IngestJob;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingests songs, artists, playlists and genre vectors into PostgreSQL and Redis and exports the vectors.",
                "Idempotent: re-running never duplicates; safe to interrupt and rerun. Progress goes to stderr,",
                "the summary to stdout."})
final class IngestCommand extends CatalogueCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var out = out();
        IngestJob.Result r = new IngestJob(options.database(), options.redisUrl, options.dataDir(),
                options.outDir.toAbsolutePath(), progress()).run();
        out.println("== catalogue summary ==");
        out.print(r.stats().toText());
        out.printf(Locale.ROOT, "vectors          %,10d   over %d dims in %s%n", r.export().items(), r.export().dims(), r.export().dir());
        out.printf(Locale.ROOT, "time taken       %10.1f s%n", r.seconds());
        out.flush();
        return 0;
    }
}
