package org.musicdiscovery.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BufferedAccessLogTest {
    /** What the handler wrote, one entry per write to the stream. */
    static final class Writes extends ByteArrayOutputStream {
        final List<String> each = new ArrayList<>();

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            each.add(new String(b, off, len, StandardCharsets.UTF_8));
            super.write(b, off, len);
        }

        synchronized List<String> each() {
            return List.copyOf(each);
        }
    }

    private final Writes out = new Writes();
    private BufferedAccessLog.Lines handler;

    /** The handler under test, writing to {@link #out}; closed after each test (closing twice is harmless). */
    private BufferedAccessLog.Lines lines(int capacity, long flushMs) {
        handler = new BufferedAccessLog.Lines(out, new PatternFormatter("%X{requestId} %s%n"), capacity, flushMs);
        return handler;
    }

    @AfterEach
    void closeHandler() {
        if (handler != null) {
            handler.close();
        }
    }

    private static void log(BufferedAccessLog.Lines handler, String message) {
        handler.publish(new ExtLogRecord(Level.INFO, message, ExtLogRecord.FormatStyle.NO_FORMAT, "test"));
    }

    @Test
    void linesWaitForTheFlushAndLeaveInOneWrite() {
        var handler = lines(1024, 60_000);
        log(handler, "GET /a 200");
        log(handler, "GET /b 404");
        assertEquals(List.of(), out.each(), "nothing written before the flush");
        handler.flush();
        assertEquals(List.of(" GET /a 200\n GET /b 404\n"), out.each());
        handler.flush();
        assertEquals(1, out.each().size(), "an empty buffer writes nothing");
    }

    @Test
    void eachLineIsFormattedWhenLoggedWithThatThreadsRequestId() {
        var handler = lines(1024, 60_000);
        try {
            MDC.put("requestId", "rid-1");
            log(handler, "first");
            MDC.put("requestId", "rid-2");
            log(handler, "second");
        } finally {
            MDC.remove("requestId");
            handler.close();
        }
        assertEquals("rid-1 first\nrid-2 second\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFullBufferIsWrittenBeforeTheLineThatWouldNotFitAndNoLineIsSplit() {
        var handler = lines(32, 60_000);
        log(handler, "0123456789"); // 12 bytes with the space and newline
        log(handler, "abcdefghij");
        log(handler, "klmnopqrst"); // 36 > 32: the first two go out first
        log(handler, "x".repeat(50)); // larger than the buffer: written whole, after what was buffered
        assertEquals(List.of(" 0123456789\n abcdefghij\n", " klmnopqrst\n", " " + "x".repeat(50) + "\n"),
                out.each());
    }

    @Test
    void theTimerWritesWithoutAnyFurtherLine() throws InterruptedException {
        var handler = lines(1024, 20);
        log(handler, "late line");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (out.each().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(" late line\n"), out.each());
    }

    @Test
    void closeWritesWhatIsLeft() {
        var handler = lines(1024, 60_000);
        log(handler, "last words");
        handler.close();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("last words"));
    }
}
