package org.musicdiscovery.queryparser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.musicdiscovery.queryparser.lexicon.ModelFiles;

/**
 * {@code scripts/bench-parser}: model file sizes, cold load time, then single-thread parse latency percentiles
 * after warm-up, over a fixed mix of genre, keyword and similarity queries. Args: [timed parses] [warm-up parses].
 */
public final class BenchCli {

    static final List<String> QUERIES = List.of("blues playlists with a little rock", "mostly jazz with some hip hop",
            "70% soul 30% funk songs", "Adele playlists", "songs like Hey Jude by The Beatles",
            "artists similar to Norah Jones", "jazz but not smooth jazz", "rock n roll without r&b",
            "a bit of drum and bass and a lot of dubstep", "play me something chill for studying",
            "Bohemian Rhapsody", "hiphop meets rnb", "tracks by Miles Davis with a touch of funk",
            "techno", "música para bailar salsa", "heavy metal bands but no grunge please",
            "could you find me some songs that sound like Radiohead for a long drive tonight");

    public static void main(String[] args) throws IOException {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        for (String f : List.of(ModelFiles.ENTITIES, ModelFiles.GENRES, ModelFiles.ARTISTS, ModelFiles.MANIFEST)) {
            System.out.printf("%-70s %,10d bytes%n", f, size(f));
        }
        long t0 = System.nanoTime();
        QueryParser parser = new QueryParser();
        System.out.printf("load (cold JVM, models + gazetteers from the classpath): %.0f ms%n",
                (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        parser.parse(QUERIES.getFirst());
        System.out.printf("first parse: %.2f ms%n", (System.nanoTime() - t0) / 1e6);
        long sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += parser.parse(QUERIES.get(i % QUERIES.size())).text().length();
        }
        long[] nanos = new long[timed];
        for (int i = 0; i < timed; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            long s = System.nanoTime();
            sink += parser.parse(q).text().length();
            nanos[i] = System.nanoTime() - s;
        }
        Arrays.sort(nanos);
        System.out.printf("parse latency after %,d warm-up parses, %,d timed (single thread, %d distinct queries):%n",
                warm, timed, QUERIES.size());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            System.out.printf("  p%-5s %8.1f µs%n", p == (int) p ? String.valueOf((int) p) : String.valueOf(p),
                    nanos[(int) Math.min(timed - 1, Math.ceil(p / 100 * timed) - 1)] / 1e3);
        }
        System.out.printf("  max    %8.1f µs%n  (checksum %d)%n", nanos[timed - 1] / 1e3, sink);
    }

    private static long size(String resource) throws IOException {
        try (InputStream in = BenchCli.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? -1 : in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
