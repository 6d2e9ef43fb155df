package org.musicdiscovery.catalogue.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the catalogue jar: {@code java -jar catalogue-*-cli.jar ingest|export-vectors|summary|genres}. */
@Command(name = "catalogue", mixinStandardHelpOptions = true, version = "catalogue 0.1.0",
        description = "Builds and inspects the music catalogue (PostgreSQL + Redis + genre-vector files).",
        subcommands = {IngestCommand.class, ExportVectorsCommand.class, SummaryCommand.class, GenresCommand.class,
                CommandLine.HelpCommand.class})
public final class CatalogueCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so the JUL logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING); // migration chatter would drown the progress lines
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests to run subcommands in-process). */
    public static CommandLine commandLine() {
        return new CommandLine(new CatalogueCli())
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (Boolean.getBoolean("catalogue.trace")) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
