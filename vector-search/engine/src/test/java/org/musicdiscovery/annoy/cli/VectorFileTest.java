package org.musicdiscovery.annoy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorFileTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatWriteWroteBitForBit() throws Exception {
        Random r = new Random(4);
        float[][] vectors = new float[200][17];
        for (float[] v : vectors) {
            for (int z = 0; z < v.length; z++) {
                v[z] = r.nextInt(3) == 0 ? 0f : (r.nextFloat() - 0.3f) * (float) Math.pow(10, r.nextInt(12) - 6);
            }
        }
        Path file = dir.resolve("v.tsv");
        VectorFile.write(file, vectors);
        VectorFile read = VectorFile.read(file, 0);
        assertEquals(17, read.dimension());
        for (int i = 0; i < vectors.length; i++) {
            assertEquals(i, read.ids()[i]);
            assertArrayEquals(vectors[i], read.vectors()[i], "line " + i);
        }
    }

    @Test
    void separatorsCommentsAndBlankLines() throws Exception {
        Path file = dir.resolve("v.tsv");
        Files.writeString(file, "# a comment\n\n 7\t 1  2.5\t-3e-2 \r\n8\t0 0 0.0\n");
        VectorFile read = VectorFile.read(file, 3);
        assertArrayEquals(new int[] {7, 8}, read.ids());
        assertArrayEquals(new float[] {1f, 2.5f, -0.03f}, read.vectors()[0]);
        assertArrayEquals(new float[] {0f, 0f, 0f}, read.vectors()[1]);
    }

    @Test
    void badLinesNameTheirLine() throws Exception {
        Path file = dir.resolve("v.tsv");
        Files.writeString(file, "1\t1 2 3\n2\t1 2\n");
        var e = assertThrows(IllegalArgumentException.class, () -> VectorFile.read(file, 0));
        assertTrue(e.getMessage().contains(":2: 2 values, expected 3"), e.getMessage());
        Files.writeString(file, "1\t1 x 3\n");
        e = assertThrows(IllegalArgumentException.class, () -> VectorFile.read(file, 0));
        assertTrue(e.getMessage().contains(":1: "), e.getMessage());
        Files.writeString(file, "1 2 3\n");
        e = assertThrows(IllegalArgumentException.class, () -> VectorFile.read(file, 0));
        assertTrue(e.getMessage().contains("expected id<TAB>"), e.getMessage());
    }
}
