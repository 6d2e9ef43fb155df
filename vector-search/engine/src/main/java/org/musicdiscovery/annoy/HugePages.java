package org.musicdiscovery.annoy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Large build-time blocks (the items, subtree copies, tree nodes) on Linux transparent huge pages: an anonymous
 * {@code mmap} advised {@code MADV_HUGEPAGE} before it is touched. A split reads items scattered over hundreds of
 * megabytes, and with 4 KB pages nearly every such read also misses the TLB. The kernel hands out zeroed pages as
 * they are first touched, so nothing is zeroed twice. Elsewhere, or if a call fails, the arena allocates as usual.
 */
final class HugePages {
    static final long SIZE = 2L << 20;
    private static final int PROT_READ_WRITE = 0x3;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x22;
    private static final int MADV_HUGEPAGE = 14;
    private static final MethodHandle MMAP;
    private static final MethodHandle MADVISE;
    private static final MethodHandle MUNMAP;

    static {
        MethodHandle mmap = null, madvise = null, munmap = null;
        if (System.getProperty("os.name", "").startsWith("Linux") && !Boolean.getBoolean("annoy.noHugePages")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                madvise = linker.downcallHandle(libc.find("madvise").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
                munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(), FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
            } catch (RuntimeException e) { // no such symbol, or native access not enabled
                mmap = madvise = munmap = null;
            }
        }
        MMAP = mmap;
        MADVISE = madvise;
        MUNMAP = munmap;
    }

    private HugePages() {
    }

    /** A zeroed block of {@code bytes}, freed when {@code arena} closes. */
    static MemorySegment allocate(Arena arena, long bytes) {
        if (MMAP == null || bytes < SIZE) {
            return arena.allocate(bytes, 8);
        }
        long length = (bytes + SIZE - 1) & -SIZE;
        try {
            MemorySegment at = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, length, PROT_READ_WRITE,
                    MAP_PRIVATE_ANONYMOUS, -1, 0L);
            if (at.address() == -1L) {
                return arena.allocate(bytes, 8);
            }
            int ignored = (int) MADVISE.invokeExact(at, length, MADV_HUGEPAGE); // advice: refused is still memory
            return at.reinterpret(length, arena, HugePages::unmap).asSlice(0, bytes);
        } catch (Throwable e) {
            return arena.allocate(bytes, 8);
        }
    }

    private static void unmap(MemorySegment seg) {
        try {
            int ignored = (int) MUNMAP.invokeExact(seg, seg.byteSize());
        } catch (Throwable e) {
            throw new IllegalStateException("munmap failed", e);
        }
    }
}
