package org.musicdiscovery.collections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.musicdiscovery.catalogue.ingest.BuiltCatalogue;
import org.musicdiscovery.catalogue.ingest.CatalogueBuilder;
import org.musicdiscovery.catalogue.ingest.CatalogueRows;
import org.musicdiscovery.catalogue.model.GenreWeight;
import org.musicdiscovery.catalogue.vectors.SparseVector;

/**
 * Genre collections for the tests, in export order (what {@link CollectionBuilder} is given), and the brute-force
 * reference every search is checked against, written from the documented rules: exact scores over every dimension
 * in ascending order in double; ties by popularity (descending), then export order.
 */
final class Samples {
    private Samples() {
    }

    record Sample(CollectionBuilder.Items items, List<String> dims) {
        int size() {
            return items.ids().length;
        }
    }

    /** The committed hand-made catalogue fixture. */
    static Path fixture() {
        return Path.of(System.getProperty("user.dir"), "..", "..", "core-discovery", "catalogue", "src", "test",
                "resources", "fixture").normalize();
    }

    /**
     * The catalogue built in memory (no database) as the export lays it out: dimensions alphabetical over the genres
     * in use; songs by id, then playlists by id, then artists, each with its popularity; only items with genres.
     */
    static Sample fromCatalogue(Path dataDir) {
        BuiltCatalogue b = new CatalogueBuilder(dataDir, msg -> { }).build();
        record Row(char type, long id, SparseVector genres, double popularity) {
        }
        List<Row> rows = new ArrayList<>();
        b.songs().stream().sorted(Comparator.comparingLong(CatalogueRows.Song::id))
                .forEach(s -> rows.add(new Row('s', s.id(), s.genres(), s.popularity())));
        b.playlists().stream().sorted(Comparator.comparingLong(CatalogueRows.Playlist::id))
                .forEach(p -> rows.add(new Row('p', p.id(), p.genres(), p.popularity())));
        long artistId = 1;
        for (CatalogueRows.Artist a : b.artists().values()) { // ids are the database's; here: insertion order
            rows.add(new Row('a', artistId++, a.genres(), a.popularity()));
        }
        rows.removeIf(r -> r.genres().isEmpty());
        TreeSet<String> genres = new TreeSet<>();
        rows.forEach(r -> r.genres().entries().forEach(e -> genres.add(e.genre())));
        List<String> dims = List.copyOf(genres);
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            index.put(dims.get(i), i);
        }
        int n = rows.size();
        float[][] vectors = new float[n][dims.size()];
        char[] types = new char[n];
        long[] ids = new long[n];
        double[] popularity = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            for (GenreWeight g : r.genres().entries()) {
                vectors[i][index.get(g.genre())] = (float) g.weight();
            }
            types[i] = r.type();
            ids[i] = r.id();
            popularity[i] = r.popularity();
        }
        return new Sample(new CollectionBuilder.Items(vectors, types, ids, popularity), dims);
    }

    /** Random genre mixes with many identical vectors and tied popularities, over {@code f} named genres. */
    static Sample random(int n, int f, long seed) {
        Random r = new Random(seed);
        float[][] vectors = new float[n][];
        char[] types = new char[n];
        long[] ids = new long[n];
        double[] popularity = new double[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(4) == 0) {
                vectors[i] = vectors[r.nextInt(i)].clone();
            } else {
                vectors[i] = new float[f];
                int nz = 1 + r.nextInt(3);
                for (int j = 0; j < nz; j++) {
                    vectors[i][(int) (f * Math.pow(r.nextDouble(), 2))] += 1 + r.nextInt(3);
                }
                float sum = 0;
                for (float v : vectors[i]) {
                    sum += v;
                }
                for (int d = 0; d < f; d++) {
                    vectors[i][d] /= sum;
                }
            }
            types[i] = "spa".charAt(r.nextInt(3));
            ids[i] = 1000 + i;
            popularity[i] = r.nextInt(4);
        }
        List<String> dims = new ArrayList<>();
        for (int d = 0; d < f; d++) {
            dims.add("genre" + (char) ('a' + d / 26) + (char) ('a' + d % 26));
        }
        return new Sample(new CollectionBuilder.Items(vectors, types, ids, popularity), dims);
    }

    /** One expected hit: catalogue identity and exact scores. */
    record Ref(char type, long id, double dot, double cosine) {
    }

    /**
     * Brute force: for each metric, the k best by that metric's score (ties: popularity, then export order); their
     * union ranked by cosine, then dot, then the same tie order; the first k.
     */
    static List<Ref> reference(Sample s, float[] q, List<String> metrics, int k, Set<Character> types, int exclude) {
        return reference(s, q, metrics, k, types, exclude, i -> true);
    }

    /** The reference over only the sample's items that {@code among} accepts (by index in the sample). */
    static List<Ref> reference(Sample s, float[] q, List<String> metrics, int k, Set<Character> types, int exclude,
            java.util.function.IntPredicate among) {
        record Scored(int index, double dot, double cosine) {
        }
        double qq = 0;
        for (float v : q) {
            qq += (double) v * v;
        }
        double qNorm = Math.sqrt(qq);
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (i == exclude || !among.test(i) || !types.isEmpty() && !types.contains(s.items().typeCodes()[i])) {
                continue;
            }
            float[] x = s.items().vectors()[i];
            double dot = 0, xx = 0;
            for (int d = 0; d < q.length; d++) {
                dot += (double) q[d] * x[d];
                xx += (double) x[d] * x[d];
            }
            double xNorm = Math.sqrt(xx);
            all.add(new Scored(i, dot, qNorm == 0 || xNorm == 0 ? 0 : dot / xNorm / qNorm));
        }
        Comparator<Scored> tie = Comparator.<Scored>comparingDouble(x -> -s.items().popularity()[x.index()])
                .thenComparingInt(Scored::index);
        Set<Integer> union = new java.util.HashSet<>();
        for (String metric : metrics) {
            Comparator<Scored> by = Comparator.comparingDouble(x -> metric.equals("dot") ? -x.dot() : -x.cosine());
            all.stream().sorted(by.thenComparing(tie)).limit(k).forEach(x -> union.add(x.index()));
        }
        return all.stream().filter(x -> union.contains(x.index()))
                .sorted(Comparator.<Scored>comparingDouble(x -> -x.cosine()).thenComparingDouble(x -> -x.dot())
                        .thenComparing(tie))
                .limit(k).map(x -> new Ref(s.items().typeCodes()[x.index()], s.items().ids()[x.index()], x.dot(),
                        x.cosine())).toList();
    }

    static List<Ref> refs(CollectionSearch.Result r) {
        return r.hits().stream().map(h -> new Ref(h.typeCode(), h.id(), h.dot(), h.cosine())).toList();
    }
}
