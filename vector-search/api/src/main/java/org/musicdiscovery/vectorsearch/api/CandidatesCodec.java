package org.musicdiscovery.vectorsearch.api;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SearchResponse} in a fixed binary layout, for the hop that carries most bytes on a miss: vector-search's
 * 100 candidates with their genre mixes, read by core. Smile spent ~45 µs reading one answer and ~32 µs writing it
 * (token by token, doubles in 7-bit groups, a map per candidate built through Jackson's creator); this layout reads
 * in ~9 and writes in ~10 (docs/benchmarks.md). Every string (genre names, types, metric names) is written once, in
 * a table at the end, and referred to by index.
 * <pre>
 * int magic, int offset of the string table
 * short collection, short version, short strategy          (string indexes; 0xFFFF = null)
 * short n, n × (short key, double ms)                         timings
 * int n, n × candidate:
 *   byte flags (which optional fields follow), short type, long id,
 *   [double dot] [double angular] [byte n, n × short foundBy] [short n, n × (short genre, double weight)]
 *   [int n, n × float vector] [double popularity] [long duplicate]
 * short n, n × (short length, UTF-8 bytes)                    the string table
 * </pre>
 * Big-endian, as {@link ByteBuffer} writes it. Both ends use this class, so the layout has one definition.
 */
public final class CandidatesCodec {
    public static final String MEDIA_TYPE = "application/x-discovery-candidates";
    /** "CAN" and the layout's version: a reader refuses any other. */
    static final int MAGIC = 0x43414e01;
    private static final int NONE = 0xFFFF;
    private static final int DOT = 1, ANGULAR = 2, FOUND_BY = 4, GENRES = 8, VECTOR = 16, POPULARITY = 32,
            DUPLICATE = 64;

    private CandidatesCodec() {
    }

    /** Thrown for bytes this layout did not write: wrong magic, truncated, or indexes out of the table. */
    public static final class MalformedException extends RuntimeException {
        MalformedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static byte[] write(SearchResponse response) {
        // a first guess that fits a genre answer; doubled in the rare case it does not (long dense vectors)
        for (int capacity = 256 + 192 * (response.candidates() == null ? 0 : response.candidates().size()); ;
                capacity *= 2) {
            try {
                return write(response, ByteBuffer.allocate(capacity));
            } catch (BufferOverflowException tooSmall) {
                // next capacity
            }
        }
    }

    private static byte[] write(SearchResponse r, ByteBuffer out) {
        Strings strings = new Strings();
        out.putInt(MAGIC).putInt(0);
        out.putShort(strings.ref(r.collection())).putShort(strings.ref(r.version())).putShort(strings.ref(r.strategy()));
        Map<String, Double> timings = r.timings() == null ? Map.of() : r.timings();
        out.putShort(count(timings.size()));
        timings.forEach((key, ms) -> out.putShort(strings.ref(key)).putDouble(ms));
        List<Candidate> candidates = r.candidates() == null ? List.of() : r.candidates();
        out.putInt(candidates.size());
        for (Candidate c : candidates) {
            out.put((byte) flags(c)).putShort(strings.ref(c.type())).putLong(c.id());
            if (c.dot() != null) {
                out.putDouble(c.dot());
            }
            if (c.angular() != null) {
                out.putDouble(c.angular());
            }
            if (c.foundBy() != null) {
                if (c.foundBy().size() > Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("more than " + Byte.MAX_VALUE + " metrics: " + c.foundBy());
                }
                out.put((byte) c.foundBy().size());
                c.foundBy().forEach(metric -> out.putShort(strings.ref(metric)));
            }
            if (c.genres() != null) {
                out.putShort(count(c.genres().size()));
                c.genres().forEach((genre, weight) -> out.putShort(strings.ref(genre)).putDouble(weight));
            }
            if (c.vector() != null) {
                out.putInt(c.vector().length);
                out.asFloatBuffer().put(c.vector());
                out.position(out.position() + 4 * c.vector().length);
            }
            if (c.popularity() != null) {
                out.putDouble(c.popularity());
            }
            if (c.duplicate() != null) {
                out.putLong(c.duplicate());
            }
        }
        out.putInt(4, out.position());
        out.putShort(count(strings.names.size()));
        for (String s : strings.names) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.putShort(count(utf8.length)).put(utf8);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    private static int flags(Candidate c) {
        return (c.dot() != null ? DOT : 0) | (c.angular() != null ? ANGULAR : 0) | (c.foundBy() != null ? FOUND_BY : 0)
                | (c.genres() != null ? GENRES : 0) | (c.vector() != null ? VECTOR : 0)
                | (c.popularity() != null ? POPULARITY : 0) | (c.duplicate() != null ? DUPLICATE : 0);
    }

    private static short count(int n) {
        if (n >= NONE) {
            throw new IllegalArgumentException("more than " + (NONE - 1) + " entries or bytes in one field: " + n);
        }
        return (short) n;
    }

    /** Strings in order of first use, each written once. */
    private static final class Strings {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> names = new ArrayList<>();

        short ref(String s) {
            if (s == null) {
                return (short) NONE;
            }
            Integer i = index.get(s);
            if (i == null) {
                i = (int) count(names.size());
                index.put(s, i);
                names.add(s);
            }
            return (short) (int) i;
        }
    }

    public static SearchResponse read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt() != MAGIC) {
                throw new MalformedException("not a candidates body (magic)", null);
            }
            int body = in.position() + 4;
            String[] strings = strings(bytes, in.position(in.getInt()));
            in.position(body);
            String collection = string(strings, in), version = string(strings, in), strategy = string(strings, in);
            int timingCount = in.getShort() & NONE;
            Map<String, Double> timings = LinkedHashMap.newLinkedHashMap(timingCount);
            for (int i = 0; i < timingCount; i++) {
                timings.put(string(strings, in), in.getDouble());
            }
            int n = in.getInt();
            List<Candidate> candidates = new ArrayList<>(Math.min(n, bytes.length / 11)); // 11: a candidate's least
            for (int i = 0; i < n; i++) {
                candidates.add(candidate(strings, in));
            }
            return new SearchResponse(collection, version, candidates, timings, strategy);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new MalformedException("truncated or inconsistent candidates body", e);
        }
    }

    private static Candidate candidate(String[] strings, ByteBuffer in) {
        int flags = in.get();
        String type = string(strings, in);
        long id = in.getLong();
        Double dot = (flags & DOT) != 0 ? in.getDouble() : null;
        Double angular = (flags & ANGULAR) != 0 ? in.getDouble() : null;
        List<String> foundBy = null;
        if ((flags & FOUND_BY) != 0) {
            String[] metrics = new String[length(in.get(), 2, in)];
            for (int j = 0; j < metrics.length; j++) {
                metrics[j] = string(strings, in);
            }
            foundBy = List.of(metrics);
        }
        Map<String, Double> genres = null;
        if ((flags & GENRES) != 0) {
            int m = in.getShort() & NONE;
            genres = LinkedHashMap.newLinkedHashMap(m);
            for (int j = 0; j < m; j++) {
                genres.put(string(strings, in), in.getDouble());
            }
        }
        float[] vector = null;
        if ((flags & VECTOR) != 0) {
            vector = new float[length(in.getInt(), 4, in)];
            in.asFloatBuffer().get(vector);
            in.position(in.position() + 4 * vector.length);
        }
        Double popularity = (flags & POPULARITY) != 0 ? in.getDouble() : null;
        Long duplicate = (flags & DUPLICATE) != 0 ? in.getLong() : null;
        return new Candidate(type, id, dot, angular, foundBy, genres, vector, popularity, duplicate);
    }

    /** A count read from the body, refused when what it counts cannot fit in the bytes left (no huge arrays). */
    private static int length(int n, int bytesEach, ByteBuffer in) {
        if (n < 0 || (long) n * bytesEach > in.remaining()) {
            throw new IllegalArgumentException("a count of " + n + " overruns the body");
        }
        return n;
    }

    private static String[] strings(byte[] bytes, ByteBuffer in) {
        String[] strings = new String[in.getShort() & NONE];
        for (int i = 0; i < strings.length; i++) {
            int length = in.getShort() & NONE;
            strings[i] = new String(bytes, in.position(), length, StandardCharsets.UTF_8);
            in.position(in.position() + length);
        }
        return strings;
    }

    private static String string(String[] strings, ByteBuffer in) {
        int i = in.getShort() & NONE;
        return i == NONE ? null : strings[i];
    }
}
