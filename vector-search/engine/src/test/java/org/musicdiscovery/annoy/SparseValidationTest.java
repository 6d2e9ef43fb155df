package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sparse index file that is truncated, garbage, or inconsistent with its manifest or with itself is refused at
 * open with a {@link SparseFormatException} naming the file and the problem — including files whose checksum was
 * recomputed over the damage, since the pruning trusts the stored bounds.
 */
class SparseValidationTest {
    static final int F = 12;

    @TempDir
    Path dir;
    Path file;
    SparseLayout layout;

    @BeforeEach
    void build() throws IOException {
        file = SparseData.build(dir.resolve("x.sparse"), SparseData.items(600, F, 3));
        SparseManifest m = SparseManifest.read(file);
        layout = new SparseLayout(m.nDims(), m.nItems(), m.nPostings());
    }

    private String refusal(Path f) {
        var e = assertThrows(SparseFormatException.class, () -> SparseIndex.open(f).close());
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aGoodFileOpensAndMatchesItsManifest() throws IOException {
        SparseManifest m = SparseManifest.read(file);
        assertEquals(Files.size(file), m.fileBytes());
        assertEquals(layout.fileBytes(), m.fileBytes());
        try (SparseIndex ix = SparseIndex.open(file)) {
            assertEquals(600, ix.nItems());
            assertEquals(F, ix.nDims());
            assertEquals(m.nPostings(), ix.nPostings());
        }
    }

    @Test
    void truncatedOrEmptyFilesAreRefused() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 100);
        }
        assertTrue(refusal(file).contains("truncated"));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        assertTrue(refusal(file).contains("truncated"));
    }

    @Test
    void garbageAndFlippedBytesFailTheChecksum() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertTrue(refusal(file).contains("checksum"));
        new Random(1).nextBytes(bytes);
        Files.write(file, bytes);
        assertTrue(refusal(file).contains("checksum"));
    }

    @Test
    void aMissingOrForeignManifestIsRefused() throws IOException {
        Files.delete(SparseManifest.pathFor(file));
        assertTrue(refusal(file).contains("manifest"));
        Files.writeString(SparseManifest.pathFor(file), "{\"format\":\"something-else\"}");
        assertTrue(refusal(file).contains("format"));
    }

    @Test
    void countsThatDisagreeWithTheManifestAreRefused() throws IOException {
        SparseManifest m = SparseManifest.read(file);
        new SparseManifest(m.format(), m.nItems() + 1, m.nDims(), m.nPostings(), m.fileBytes(), m.crc32c(),
                m.buildMillis(), m.builtBy()).write(file);
        assertTrue(refusal(file).contains("manifest says"));
    }

    @Test
    void aWrongMagicIsRefused() throws IOException {
        damage(seg -> seg.set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) 'X'));
        assertTrue(refusal(file).contains("not a sparse index"));
    }

    @Test
    void itemIdsOutOfOrderAreRefused() throws IOException {
        long p = firstListWithTwoPostings();
        damage(seg -> {
            int a = seg.get(SparseLayout.INT, layout.docs() + 4 * p);
            seg.set(SparseLayout.INT, layout.docs() + 4 * p, seg.get(SparseLayout.INT, layout.docs() + 4 * p + 4));
            seg.set(SparseLayout.INT, layout.docs() + 4 * p + 4, a);
        });
        assertTrue(refusal(file).contains("must ascend"));
    }

    @Test
    void badWeightsNormsResidualsAndBoundsAreRefused() throws IOException {
        byte[] good = Files.readAllBytes(file);
        damage(seg -> seg.set(SparseLayout.FLOAT, layout.weights(), Float.NaN));
        assertTrue(refusal(file).contains("weight"));
        restore(good);
        damage(seg -> seg.set(SparseLayout.FLOAT, layout.weights(), -0.5f));
        assertTrue(refusal(file).contains("weight"));
        restore(good);
        damage(seg -> seg.set(SparseLayout.DOUBLE, layout.norms() + 8L * itemWithPostings(seg), 0.123));
        assertTrue(refusal(file).contains("norm"));
        restore(good);
        int withSingles = listWithSingles();
        damage(seg -> { // a single claiming a smaller best weight than it has would let pruning drop it
            long at = layout.stats() + (long) SparseLayout.STATS * withSingles;
            seg.set(SparseLayout.FLOAT, at + 4, seg.get(SparseLayout.FLOAT, at + 4) / 2);
        });
        assertTrue(refusal(file).contains("bounds"));
        restore(good);
        long multi = firstMultiPosting();
        damage(seg -> seg.set(SparseLayout.FLOAT, layout.resid() + 4 * multi, 0f));
        assertTrue(refusal(file).contains("residual"));
    }

    @Test
    void withoutTheChecksumTheStructureIsStillChecked() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long at = layout.norms() + 8L * 5;
        bytes[(int) at + 3] ^= 0x40; // a norm's low bits
        Files.write(file, bytes);
        var e = assertThrows(SparseFormatException.class, () -> SparseIndex.open(file, false).close());
        assertTrue(e.getMessage().contains("norm"), e.getMessage());
    }

    /** Applies a change to the file and recomputes its manifest's checksum, as a buggy writer would. */
    private void damage(Consumer<MemorySegment> change) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             Arena arena = Arena.ofConfined()) {
            change.accept(ch.map(FileChannel.MapMode.READ_WRITE, 0, ch.size(), arena));
        }
        SparseManifest m = SparseManifest.read(file);
        new SparseManifest(m.format(), m.nItems(), m.nDims(), m.nPostings(), m.fileBytes(), Manifests.crc32c(file),
                m.buildMillis(), m.builtBy()).write(file);
    }

    private void restore(byte[] good) throws IOException {
        Files.write(file, good);
        damage(seg -> { });
    }

    private long firstListWithTwoPostings() {
        try (SparseIndex ix = SparseIndex.open(file)) {
            for (int d = 0; d < F; d++) {
                if (ix.listLength(d) >= 2) {
                    return ix.start(d);
                }
            }
        }
        throw new IllegalStateException("no list with two postings");
    }

    private int listWithSingles() {
        try (SparseIndex ix = SparseIndex.open(file)) {
            for (int d = 0; d < F; d++) {
                if (ix.singles(d) > 0) {
                    return d;
                }
            }
        }
        throw new IllegalStateException("no list with singles");
    }

    private long firstMultiPosting() {
        try (SparseIndex ix = SparseIndex.open(file)) {
            for (long p = 0; p < ix.nPostings(); p++) {
                if (ix.resid(p) > 0) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no item with two dimensions");
    }

    private int itemWithPostings(MemorySegment seg) {
        return seg.get(SparseLayout.INT, layout.docs());
    }
}
