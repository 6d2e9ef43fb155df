package org.musicdiscovery.collections;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Index item id → catalogue item, memory-mapped: 8 bytes per item, little-endian, the type code letter in the top
 * byte and the catalogue id in the low 56 bits. No Java object per item, so the heap does not grow with the index.
 *
 * <p>Optionally the item facts core ranks and de-duplicates by ({@value #FACTS_FILE}, 16 bytes per item,
 * little-endian): a song's duplicate-key hash (long, 0 for other types) and the item's popularity (double). With
 * them, core reads the details of the page it shows only, not of every candidate.
 */
public final class ItemMap implements AutoCloseable {
    /** The facts file of a version directory. */
    public static final String FACTS_FILE = "facts.bin";
    static final int FACT_BYTES = 16;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED
            .withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long ID_MASK = (1L << 56) - 1;

    private final Arena arena;
    private final MemorySegment segment;
    private final MemorySegment facts;
    private final int size;

    private ItemMap(Arena arena, MemorySegment segment, MemorySegment facts) {
        this.arena = arena;
        this.segment = segment;
        this.facts = facts;
        this.size = (int) (segment.byteSize() / 8);
    }

    public static ItemMap open(Path file, int expectedItems) {
        return open(file, null, expectedItems);
    }

    /** @param factsFile the facts file, or null for a version built without them */
    public static ItemMap open(Path file, Path factsFile, int expectedItems) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment items = map(arena, file, 8L * expectedItems);
            return new ItemMap(arena, items,
                    factsFile == null ? null : map(arena, factsFile, (long) FACT_BYTES * expectedItems));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Maps a whole file read-only in {@code arena}; refused unless it has exactly {@code expectedBytes}. */
    static MemorySegment map(Arena arena, Path file, long expectedBytes) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = ch.size();
            if (bytes != expectedBytes) {
                throw new InvalidCollectionException(file + ": " + bytes + " bytes, expected " + expectedBytes);
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes, arena);
        } catch (IOException e) {
            throw new InvalidCollectionException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the facts file: {@code duplicates[i]} and {@code popularity[i]} belong to item i. */
    static byte[] facts(long[] duplicates, double[] popularity) {
        var buf = java.nio.ByteBuffer.allocate(FACT_BYTES * duplicates.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < duplicates.length; i++) {
            buf.putLong(duplicates[i]).putDouble(popularity[i]);
        }
        return buf.array();
    }

    public static long encode(char typeCode, long id) {
        if (id < 0 || id > ID_MASK) {
            throw new IllegalArgumentException("catalogue id out of range: " + id);
        }
        return ((long) typeCode << 56) | id;
    }

    public int size() {
        return size;
    }

    public char typeCode(int item) {
        return (char) (segment.getAtIndex(LONG, item) >>> 56);
    }

    public long catalogueId(int item) {
        return segment.getAtIndex(LONG, item) & ID_MASK;
    }

    /** Whether this version carries item facts ({@link #popularity}, {@link #duplicate}). */
    public boolean hasFacts() {
        return facts != null;
    }

    public double popularity(int item) {
        return facts.get(DOUBLE, (long) item * FACT_BYTES + 8);
    }

    /** A song's duplicate-key hash; 0 for playlists and artists. */
    public long duplicate(int item) {
        return facts.get(LONG, (long) item * FACT_BYTES);
    }

    /** Linear scan: used once per "more like this" request to find the seed's index id. */
    public int find(char typeCode, long id) {
        long wanted = encode(typeCode, id);
        for (int i = 0; i < size; i++) {
            if (segment.getAtIndex(LONG, i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        arena.close();
    }
}
