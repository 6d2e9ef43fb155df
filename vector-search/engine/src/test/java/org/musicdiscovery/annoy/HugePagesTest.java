package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class HugePagesTest {
    @Test
    void aBlockIsZeroedWritableAsLargeAsAskedAndGoneWithItsArena() {
        long bytes = 5 * HugePages.SIZE + 123; // not a multiple of the page: the slice must hide the rest
        MemorySegment seg;
        try (Arena arena = Arena.ofShared()) {
            seg = HugePages.allocate(arena, bytes);
            assertEquals(bytes, seg.byteSize());
            for (long o = 0; o < bytes; o += 4093) {
                assertEquals(0, seg.get(ValueLayout.JAVA_BYTE, o), "zeroed at " + o);
            }
            seg.set(ValueLayout.JAVA_BYTE, bytes - 1, (byte) 7);
            assertEquals(7, seg.get(ValueLayout.JAVA_BYTE, bytes - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> seg.get(ValueLayout.JAVA_BYTE, bytes));
        }
        assertThrows(IllegalStateException.class, () -> seg.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void closingTheArenaGivesTheMemoryBack() throws IOException {
        long bytes = 64L << 20;
        long before;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = HugePages.allocate(arena, bytes);
            for (long o = 0; o < bytes; o += 4096) {
                seg.set(ValueLayout.JAVA_BYTE, o, (byte) 1);
            }
            before = residentKb();
        }
        long freed = before - residentKb();
        assertTrue(freed > 48 << 10, "resident set shrank by " + freed + " kB after close");
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void smallBlocksComeFromTheArena() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = HugePages.allocate(arena, 1000);
            assertEquals(1000, seg.byteSize());
            assertEquals(0L, seg.get(ValueLayout.JAVA_LONG, 992));
        }
    }
}
