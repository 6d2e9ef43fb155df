package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the C++ Annoy driver (and the bench's other child processes) and returns what they printed. */
final class Driver {
    private Driver() {
    }

    /** The driver to use ({@code given}, else the one scripts/annoy-oracle builds), or null with a note if absent. */
    static Path find(Path given, String leftOut) {
        Path driver = given != null ? given
                : Path.of(System.getProperty("user.home"), ".cache/music-discovery/annoy-oracle/annoy_driver");
        if (Files.isExecutable(driver)) {
            return driver;
        }
        System.err.println("no C++ oracle at " + driver + ": run scripts/annoy-oracle; " + leftOut);
        return null;
    }

    static List<String> run(Path driver, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(driver.toString()));
        cmd.addAll(List.of(args));
        return output(cmd, false);
    }

    /**
     * Runs {@code cmd} and returns the lines it printed: standard output, and standard error too if
     * {@code mergeErrors} (else that goes to ours). A non-zero exit is an error naming the command and those lines.
     */
    static List<String> output(List<String> cmd, boolean mergeErrors) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Process p = (mergeErrors ? pb.redirectErrorStream(true) : pb.redirectError(ProcessBuilder.Redirect.INHERIT))
                .start();
        List<String> out;
        try (var r = p.inputReader(StandardCharsets.UTF_8)) {
            out = r.lines().toList();
        }
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + String.join(" ", cmd) + "\n" + String.join("\n", out));
        }
        return out;
    }
}
