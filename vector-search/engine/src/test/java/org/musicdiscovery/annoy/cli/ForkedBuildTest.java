package org.musicdiscovery.annoy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicdiscovery.annoy.AnnoyBuilder;
import org.musicdiscovery.annoy.Metric;

/** The bench's builds in a JVM of their own: timed, and the very file an in-process build writes. */
class ForkedBuildTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheSameFileInAChildJvmAndReportsBothTimes() throws Exception {
        Random r = new Random(3);
        float[][] items = new float[400][12];
        for (float[] item : items) {
            for (int d = 0; d < item.length; d++) {
                item[d] = (float) r.nextGaussian();
            }
        }
        Path tsv = dir.resolve("items.tsv");
        VectorFile.write(tsv, items);
        for (String metric : List.of("angular", "dot")) {
            Path forked = dir.resolve(metric + ".forked.annoy");
            ForkedBuild b = ForkedBuild.run(tsv, Metric.of(metric), 5, 1, forked);
            assertTrue(b.coldMs() >= 0 && b.warmMs() >= 0, b.toString());
            Path local = dir.resolve(metric + ".local.annoy");
            try (var builder = new AnnoyBuilder(Metric.of(metric), 12)) {
                for (int i = 0; i < items.length; i++) {
                    builder.addItem(i, items[i]);
                }
                builder.build(5, t -> { });
                builder.save(local);
            }
            assertEquals(-1L, Files.mismatch(forked, local), metric + ": the child's file differs");
        }
    }

    @Test
    void aFailedChildIsAnErrorNamingWhatItPrinted() {
        Path missing = dir.resolve("no-such-items.tsv");
        IOException e = assertThrows(IOException.class,
                () -> ForkedBuild.run(missing, Metric.of("angular"), 2, 1, dir.resolve("x.annoy")));
        assertTrue(e.getMessage().contains("no-such-items.tsv"), e.getMessage());
    }
}
