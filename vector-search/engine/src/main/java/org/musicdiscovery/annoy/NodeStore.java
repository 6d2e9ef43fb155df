package org.musicdiscovery.annoy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * A growable array of fixed-size little-endian nodes in off-heap memory (not the Java heap), laid out exactly as
 * Annoy's file: node i at byte i·s. Holds the items while a builder adds them, and each tree while it is built.
 */
final class NodeStore {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Arena arena = Arena.ofShared();
    final int nodeSize;
    private MemorySegment seg;
    private int capacity;
    /** Items only, while trees are built: their few non-zero entries, when that pays ({@link SparseItems}). */
    private SparseItems sparse;

    NodeStore(int nodeSize, int initialCapacity) {
        this.nodeSize = nodeSize;
        this.capacity = Math.max(1, initialCapacity);
        this.seg = HugePages.allocate(arena, (long) nodeSize * capacity);
    }

    MemorySegment segment() {
        return seg;
    }

    long offset(int node) {
        return (long) node * nodeSize;
    }

    /** Grows like Annoy (×1.3), zero-filling the new space. */
    void ensure(int nodes) {
        if (nodes <= capacity) {
            return;
        }
        int grown = (int) Math.max(nodes, Math.min(Integer.MAX_VALUE - 8, (capacity + 1) * 1.3));
        Arena next = Arena.ofShared();
        MemorySegment bigger = HugePages.allocate(next, (long) nodeSize * grown);
        MemorySegment.copy(seg, 0, bigger, 0, (long) nodeSize * capacity);
        arena.close(); // growth happens only while adding items, never while trees read them
        arena = next;
        seg = bigger;
        capacity = grown;
    }

    int nd(int node) {
        return seg.get(INT, offset(node));
    }

    void setNd(int node, int value) {
        seg.set(INT, offset(node), value);
    }

    int getInt(int node, int byteOffset) {
        return seg.get(INT, offset(node) + byteOffset);
    }

    void setInt(int node, int byteOffset, int value) {
        seg.set(INT, offset(node) + byteOffset, value);
    }

    float getFloat(int node, int byteOffset) {
        return seg.get(Simd.FLOAT, offset(node) + byteOffset);
    }

    void setFloat(int node, int byteOffset, float value) {
        seg.set(Simd.FLOAT, offset(node) + byteOffset, value);
    }

    void setFloats(int node, int byteOffset, float[] values, int n) {
        MemorySegment.copy(values, 0, seg, Simd.FLOAT, offset(node) + byteOffset, n);
    }

    /** Copies f floats of node {@code node} at {@code byteOffset} into {@code out}. */
    void read(int node, int byteOffset, float[] out, int f) {
        Simd.read(seg, offset(node) + byteOffset, out, f);
    }

    boolean hasSparse() {
        return sparse != null;
    }

    void sparse(SparseItems sparse) {
        this.sparse = sparse;
    }

    /** p.v · the vector of node {@code node} at {@code vectorOffset}, bit-identical whichever way it is read. */
    float dot(Plane p, int node, int vectorOffset, int f) {
        SparseItems s = sparse;
        return s != null && s.has(node) ? s.dot(p.v, node, p.acc) : Simd.dot(p.v, seg, offset(node) + vectorOffset, f);
    }

    /** {@link #dot} of two planes with one item into {@code out[0..1]}, reading the item once. */
    void dot2(Plane p, Plane q, int node, int vectorOffset, int f, float[] out) {
        SparseItems s = sparse;
        if (s != null && s.has(node)) {
            out[0] = s.dot(p.v, node, p.acc);
            out[1] = s.dot(q.v, node, q.acc);
        } else {
            Simd.dotPlanes(p.v, q.v, seg, offset(node) + vectorOffset, f, out);
        }
    }

    void close() {
        arena.close();
    }
}
