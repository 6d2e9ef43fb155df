package org.musicdiscovery.annoy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the C++ Annoy driver and returns its standard output lines. */
final class Driver {
    private Driver() {
    }

    static List<String> run(Path driver, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(driver.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> out;
        try (var r = p.inputReader(StandardCharsets.UTF_8)) {
            out = r.lines().toList();
        }
        if (p.waitFor() != 0) {
            throw new IOException("C++ driver failed: " + String.join(" ", cmd));
        }
        return out;
    }
}
