package org.musicdiscovery.collections;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.musicdiscovery.annoy.SparseIndex;
import org.musicdiscovery.annoy.SparseIndexBuilder;

/**
 * The exact sparse index over the items of one type, beside the index over all items: a question for playlists only
 * searches the playlists' lists, with the playlists' own bounds and singles, instead of every item's lists under a
 * filter. Through the filter, the bounds are those of all items and prune little (a playlist-only mix cost 1.1 ms
 * against 0.2 ms for the same mix over all types). Local ids follow the collection's ids in the same order, so the
 * tie rule (ascending id) and every score are those of the filtered search; {@code <file>.ids} maps them back, an
 * int per item, memory-mapped.
 */
public final class TypedSparse implements AutoCloseable {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final char typeCode;
    private final SparseIndex index;
    private final Arena arena;
    private final MemorySegment global;

    private TypedSparse(char typeCode, SparseIndex index, Arena arena, MemorySegment global) {
        this.typeCode = typeCode;
        this.index = index;
        this.arena = arena;
        this.global = global;
    }

    /** The file of a type's index in a version directory; its id map is this name plus {@code .ids}. */
    static String fileName(char typeCode) {
        return "sparse-" + typeCode + ".postings";
    }

    /** Writes the index over the items of one type (vectors in collection order) and its id map. */
    static void write(Path dir, char typeCode, char[] typeCodes, float[][] vectors) throws IOException {
        var builder = new SparseIndexBuilder(vectors[0].length);
        ByteBuffer ids = ByteBuffer.allocate(4 * count(typeCodes, typeCode)).order(ByteOrder.LITTLE_ENDIAN);
        int local = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (typeCodes[i] == typeCode) {
                builder.add(local++, vectors[i]);
                ids.putInt(i);
            }
        }
        builder.save(dir.resolve(fileName(typeCode)));
        try (OutputStream out = Files.newOutputStream(dir.resolve(fileName(typeCode) + ".ids"))) {
            out.write(ids.array());
        }
    }

    /** The distinct type codes, ascending. */
    static char[] typesOf(char[] typeCodes) {
        return new String(typeCodes).chars().distinct().sorted().collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
    }

    static int count(char[] typeCodes, char typeCode) {
        int n = 0;
        for (char c : typeCodes) {
            n += c == typeCode ? 1 : 0;
        }
        return n;
    }

    /**
     * Opens a type's index and checks it against the collection: its id map must name, in ascending order, exactly
     * the collection's items of that type, and a sample of them must hold the same floats in both indexes.
     */
    static TypedSparse open(Path file, char typeCode, SparseIndex all, ItemMap items) {
        SparseIndex index = LoadedCollection.openSparse(file);
        Arena arena = Arena.ofShared();
        try {
            Path idsFile = file.resolveSibling(file.getFileName() + ".ids");
            var typed = new TypedSparse(typeCode, index, arena, ItemMap.map(arena, idsFile, 4L * index.nItems()));
            typed.check(all, items, idsFile);
            return typed;
        } catch (RuntimeException e) {
            arena.close();
            index.close();
            throw e;
        }
    }

    private void check(SparseIndex all, ItemMap items, Path idsFile) {
        int expected = 0;
        for (int i = 0; i < items.size(); i++) {
            expected += items.typeCode(i) == typeCode ? 1 : 0;
        }
        if (index.nItems() != expected || index.nDims() != all.nDims()) {
            throw new InvalidCollectionException(index.file() + ": " + index.nItems() + " items × " + index.nDims()
                    + " dims, the collection has " + expected + " of type " + typeCode + " × " + all.nDims());
        }
        int previous = -1;
        for (int local = 0; local < index.nItems(); local++) {
            int item = global(local);
            if (item <= previous || item >= items.size() || items.typeCode(item) != typeCode) {
                throw new InvalidCollectionException(idsFile + ": entry " + local + " is item " + item
                        + ", not the next item of type " + typeCode);
            }
            previous = item;
        }
        LoadedCollection.sameTerms(index.nItems(), all.nDims(), index::terms, this::global, all::terms,
                item -> index.file() + ": item " + item
                        + " differs from the same item in the index over all items (files of different builds?)");
    }

    public char typeCode() {
        return typeCode;
    }

    public SparseIndex index() {
        return index;
    }

    /** The collection's id of local item {@code local}. */
    public int global(int local) {
        return global.getAtIndex(INT, local);
    }

    /** A filter that leaves out the collection's item {@code exclude} (−1: none), or null. */
    IntPredicate excluding(int exclude) {
        if (exclude < 0) {
            return null;
        }
        int lo = 0, hi = index.nItems() - 1; // the map ascends: binary search for the excluded item's local id
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1, item = global(mid);
            if (item == exclude) {
                return local -> local != mid;
            }
            if (item < exclude) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null; // not of this type: nothing to leave out
    }

    @Override
    public void close() {
        arena.close();
        index.close();
    }
}
