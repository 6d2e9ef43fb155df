package org.musicdiscovery.embeddings.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** {@code scripts/train-embeddings}: train, evaluate and inspect word2vec song/artist embeddings. */
@Command(name = "embeddings", mixinStandardHelpOptions = true, subcommands = {TrainCommand.class, EvaluateCommand.class},
        description = "Word2vec song and artist embeddings from the catalogue's playlists and HetRec listening lists.")
public final class EmbeddingsCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (errors print {@code error: message}, exit 1; -Dembeddings.trace=true adds the trace). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EmbeddingsCli());
        cli.setExecutionExceptionHandler((e, cmd, parse) -> {
            cmd.getErr().println("error: " + e.getMessage());
            if (Boolean.getBoolean("embeddings.trace")) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli;
    }

    /** Progress lines on stderr with the elapsed time. */
    static Consumer<String> progress(PrintWriter err) {
        long start = System.nanoTime();
        return message -> {
            err.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
            err.flush();
        };
    }
}
