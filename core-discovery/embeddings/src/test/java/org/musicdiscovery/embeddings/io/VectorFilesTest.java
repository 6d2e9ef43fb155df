package org.musicdiscovery.embeddings.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.embeddings.train.Embeddings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VectorFilesTest {

    @TempDir
    Path dir;

    static Embeddings random(List<String> tokens, int dim, long seed) {
        Random r = new Random(seed);
        float[][] v = new float[tokens.size()][dim];
        for (float[] row : v) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) r.nextGaussian() * 1e-3f; // small values exercise the float text form
            }
        }
        return new Embeddings(tokens, v);
    }

    @Test
    void catalogueItemsKeepNumericTokensSortedById() {
        Embeddings e = random(List.of("12", "h7", "3", "100"), 4, 1);
        List<VectorFiles.Item> items = VectorFiles.catalogueItems(e, 'a');
        assertEquals(List.of(3L, 12L, 100L), items.stream().map(VectorFiles.Item::id).toList());
        assertArrayEquals(e.vector("12"), items.get(1).vector());
        items.forEach(i -> assertEquals('a', i.type()));
    }

    @Test
    void writtenFilesReadBackExactlyWithDenseVids() throws IOException {
        Embeddings e = random(List.of("5", "9", "42"), 7, 2);
        List<VectorFiles.Item> items = VectorFiles.catalogueItems(e, 's');
        Path v = dir.resolve("v.tsv");
        Path m = dir.resolve("m.tsv");
        VectorFiles.write(items, v, m);
        List<String> mapping = Files.readAllLines(m);
        assertEquals(List.of("0\ts\t5", "1\ts\t9", "2\ts\t42"), mapping);
        assertEquals("1", Files.readAllLines(v).get(1).split("\t")[0]);
        assertEquals(7, Files.readAllLines(v).get(1).split("\t")[1].split(" ").length);
        List<VectorFiles.Item> back = VectorFiles.read(v, m);
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(items.get(i).id(), back.get(i).id());
            assertArrayEquals(items.get(i).vector(), back.get(i).vector(), 0f);
        }
        assertFalse(Files.exists(dir.resolve("v.tsv.tmp")));
    }

    @Test
    void readRefusesMismatchedFiles() throws IOException {
        Path v = dir.resolve("v.tsv");
        Path m = dir.resolve("m.tsv");
        Files.writeString(v, "0\t1 2\n1\t3 4\n");
        Files.writeString(m, "0\ts\t1\n");
        assertThrows(IOException.class, () -> VectorFiles.read(v, m));
        Files.writeString(m, "0\ts\t1\n1\ts\t2\n");
        Files.writeString(v, "0\t1 2\n1\t3\n");
        assertThrows(IOException.class, () -> VectorFiles.read(v, m));
        Files.writeString(v, "0\t1 2\n2\t3 4\n");
        assertThrows(IOException.class, () -> VectorFiles.read(v, m));
    }

    @Test
    void writeRefusesMixedDimensions() {
        List<VectorFiles.Item> items = List.of(new VectorFiles.Item('s', 1, new float[2]),
                new VectorFiles.Item('s', 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> VectorFiles.write(items, dir.resolve("v"), dir.resolve("m")));
    }
}
