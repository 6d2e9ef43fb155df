package org.musicdiscovery.catalogue.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** Progress lines on stderr, prefixed with the elapsed time so a long step is visible as such. */
final class Progress implements Consumer<String> {

    private final long start = System.nanoTime();
    private final PrintWriter err;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(String message) {
        err.printf(Locale.ROOT, "[%7.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
        err.flush();
    }
}
