package org.musicdiscovery.platform;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Writes the access-log lines to the console in batches, as nginx's {@code access_log ... buffer= flush=} does.
 * Quarkus hands each line to the console handler, which takes one lock and writes and flushes stdout on the event loop
 * that answered: one write per request, a fifth of core's CPU on a cache hit (docs/benchmarks.md). Here each line is
 * formatted on the caller's thread, as before (same pattern, same request id), appended to a buffer, and the buffer is
 * written every {@code discovery.access-log.flush-ms} or when full; a crash loses at most that interval's lines.
 * Other log lines are untouched. {@code flush-ms=0} leaves the access log to Quarkus's console handler.
 */
@ApplicationScoped
public class BufferedAccessLog {
    static final String DEFAULT_FORMAT = "%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n";

    @ConfigProperty(name = "discovery.access-log.flush-ms", defaultValue = "200")
    long flushMs;
    @ConfigProperty(name = "discovery.access-log.categories", defaultValue = "io.quarkus.http.access-log")
    List<String> categories;
    @ConfigProperty(name = "quarkus.log.console.format", defaultValue = DEFAULT_FORMAT)
    String format;

    private final List<Logger> loggers = new ArrayList<>();
    private Lines lines;

    void install(@Observes StartupEvent started) {
        if (flushMs <= 0) {
            return;
        }
        lines = new Lines(System.out, new PatternFormatter(format), 64 * 1024, flushMs);
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.addHandler(lines);
            logger.setUseParentHandlers(false);
            loggers.add(logger);
        }
    }

    void uninstall(@Observes ShutdownEvent stopping) {
        for (Logger logger : loggers) {
            logger.setUseParentHandlers(true);
            logger.removeHandler(lines);
        }
        loggers.clear();
        if (lines != null) {
            lines.close();
        }
    }

    /** The handler: formatted lines into one buffer, written out whole by a timer or when the next would not fit. */
    static final class Lines extends ExtHandler {
        private final OutputStream out;
        private final byte[] buffer;
        private final ScheduledExecutorService timer;
        private int used;

        Lines(OutputStream out, Formatter formatter, int capacity, long flushMs) {
            this.out = out;
            this.buffer = new byte[capacity];
            setFormatter(formatter);
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("access-log-flush").factory());
            timer.scheduleWithFixedDelay(this::flush, flushMs, flushMs, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void doPublish(ExtLogRecord record) {
            byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                if (line.length > buffer.length - used) {
                    writeOut();
                }
                if (line.length > buffer.length) {
                    write(line, line.length);
                } else {
                    System.arraycopy(line, 0, buffer, used, line.length);
                    used += line.length;
                }
            }
        }

        @Override
        public synchronized void flush() {
            writeOut();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            flush();
        }

        private void writeOut() {
            if (used > 0) {
                write(buffer, used);
                used = 0;
            }
        }

        private void write(byte[] bytes, int length) {
            try {
                out.write(bytes, 0, length);
                out.flush();
            } catch (IOException e) {
                reportError("access log not written", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }
}
