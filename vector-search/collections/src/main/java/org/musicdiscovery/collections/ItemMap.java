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
 */
public final class ItemMap implements AutoCloseable {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long ID_MASK = (1L << 56) - 1;

    private final Arena arena;
    private final MemorySegment segment;
    private final int size;

    private ItemMap(Arena arena, MemorySegment segment) {
        this.arena = arena;
        this.segment = segment;
        this.size = (int) (segment.byteSize() / 8);
    }

    public static ItemMap open(Path file, int expectedItems) {
        Arena arena = Arena.ofShared();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long bytes = ch.size();
            if (bytes != 8L * expectedItems) {
                throw new InvalidCollectionException(file + ": " + bytes + " bytes, expected 8 × " + expectedItems);
            }
            return new ItemMap(arena, ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes, arena));
        } catch (IOException e) {
            arena.close();
            throw new InvalidCollectionException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
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
