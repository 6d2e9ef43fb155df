package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AnnoyBuilder#expectItems} only sizes the item store: the file is the one a growing store gives. */
class ExpectItemsTest {
    @TempDir
    Path dir;

    @Test
    void presizedAndGrownStoresWriteTheSameFile() throws IOException {
        float[][] items = Oracle.data(5000, 16, true, 9);
        Path grown = dir.resolve("grown.annoy");
        Path presized = dir.resolve("presized.annoy");
        for (Path file : new Path[] {grown, presized}) {
            try (var b = new AnnoyBuilder(Metric.of("angular"), 16).seed(3)) {
                if (file == presized) {
                    b.expectItems(3000); // a hint below the ids added: the store still grows past it
                }
                TestIndexes.build(b, items, 4, file);
                assertEquals(items.length, b.size());
            }
        }
        assertEquals(-1L, Files.mismatch(grown, presized));
    }
}
