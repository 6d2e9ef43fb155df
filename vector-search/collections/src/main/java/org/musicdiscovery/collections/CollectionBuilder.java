package org.musicdiscovery.collections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.musicdiscovery.annoy.AnnoyBuilder;
import org.musicdiscovery.annoy.IndexManifest;
import org.musicdiscovery.annoy.Metric;
import org.musicdiscovery.annoy.SparseIndexBuilder;
import org.musicdiscovery.annoy.SparseManifest;

/**
 * Builds a new version of a collection from exported vectors: one Annoy index per metric over the same items, for a
 * sparse collection the exact sparse index over them too, the item map, the dimension names, the manifest, and only
 * then the {@code CURRENT} pointer, so a reader polling the directory never sees a half-written version.
 *
 * <p><b>Tie rule.</b> Items are numbered in the version by popularity, most popular first, then in export order
 * (songs, playlists, artists, each by catalogue id). Every ranking in the engine breaks equal scores by item number
 * — the trees' re-ranking, the sparse index, the exact scan — so items with identical vectors (thousands of
 * one-genre songs) come back most popular first, the same on every run and every replica.
 */
public final class CollectionBuilder {
    /** How {@link #build} numbers the items; recorded in the manifest. */
    public static final String ITEM_ORDER = "popularity desc, then export order";
    /** The exact sparse index's file in a version directory. */
    public static final String SPARSE_FILE = "sparse.postings";

    /**
     * Vectors with their catalogue identity and popularity; {@code typeCodes[i]}/{@code ids[i]}/{@code popularity[i]}
     * belong to vector i, and so does {@code duplicates[i]}, a song's duplicate-key hash (0 for other types), when
     * the export had them (else null: the version then has no facts file).
     */
    public record Items(float[][] vectors, char[] typeCodes, long[] ids, double[] popularity, long[] duplicates) {
        public Items(float[][] vectors, char[] typeCodes, long[] ids, double[] popularity) {
            this(vectors, typeCodes, ids, popularity, null);
        }

        /** Without popularity (all equal): items keep their export order. */
        public Items(float[][] vectors, char[] typeCodes, long[] ids) {
            this(vectors, typeCodes, ids, new double[ids.length]);
        }

        /** The same items, most popular first, ties in the order given (a stable sort). */
        Items byPopularity() {
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(popularity[b], popularity[a]));
            float[][] v = new float[order.length][];
            char[] t = new char[order.length];
            long[] id = new long[order.length];
            double[] pop = new double[order.length];
            long[] dup = duplicates == null ? null : new long[order.length];
            for (int i = 0; i < order.length; i++) {
                v[i] = vectors[order[i]];
                t[i] = typeCodes[order[i]];
                id[i] = ids[order[i]];
                pop[i] = popularity[order[i]];
                if (dup != null) {
                    dup[i] = duplicates[order[i]];
                }
            }
            return new Items(v, t, id, pop, dup);
        }
    }

    private CollectionBuilder() {
    }

    /**
     * The catalogue's sparse export: {@code vid TAB type TAB catalogueId TAB dim:weight,dim:weight... [TAB popularity
     * [TAB duplicate]]}, duplicate a song's duplicate-key hash in hex ({@code -} for other types). Exports written
     * before popularity was added have four columns (all items then count as equally popular), and those before the
     * duplicate hash five (the version then has no facts: core reads every candidate's details).
     */
    public static Items readSparse(Path file, int dimension) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        List<Character> types = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Double> popularity = new ArrayList<>();
        List<Long> duplicates = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < 4 || f.length > 6 || Integer.parseInt(f[0]) != vectors.size() || f[1].length() != 1
                        || !vectors.isEmpty() && (f.length == 6) != (duplicates.size() == vectors.size())) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected vid, type, id, dim:weight list"
                            + " [, popularity [, duplicate]] with vids 0..n-1 in order, the same columns on every line");
                }
                float[] v = new float[dimension];
                for (String entry : f[3].split(",")) {
                    int colon = entry.indexOf(':');
                    v[Integer.parseInt(entry.substring(0, colon))] = Float.parseFloat(entry.substring(colon + 1));
                }
                vectors.add(v);
                types.add(f[1].charAt(0));
                ids.add(Long.parseLong(f[2]));
                popularity.add(f.length >= 5 ? Double.parseDouble(f[4]) : 0.0);
                if (f.length == 6) {
                    duplicates.add(f[5].equals("-") ? 0L : Long.parseUnsignedLong(f[5], 16));
                }
            }
        }
        Items items = items(vectors, types, ids, popularity);
        return duplicates.isEmpty() ? items : new Items(items.vectors(), items.typeCodes(), items.ids(),
                items.popularity(), duplicates.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Dense vectors ({@code vid TAB v1 ... vf}) with a mapping file ({@code vid TAB type TAB catalogueId
     * [TAB popularity]}).
     */
    public static Items readDense(Path vectorsFile, Path mappingFile) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        for (String line : Files.readAllLines(vectorsFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.substring(line.indexOf('\t') + 1).trim().split("\\s+");
            float[] v = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Float.parseFloat(parts[i]);
            }
            vectors.add(v);
        }
        List<Character> types = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Double> popularity = new ArrayList<>();
        for (String line : Files.readAllLines(mappingFile, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            types.add(f[1].charAt(0));
            ids.add(Long.parseLong(f[2].trim()));
            popularity.add(f.length > 3 ? Double.parseDouble(f[3].trim()) : 0.0);
        }
        if (types.size() != vectors.size()) {
            throw new IllegalArgumentException(mappingFile + " maps " + types.size() + " items, " + vectorsFile
                    + " has " + vectors.size());
        }
        return items(vectors, types, ids, popularity);
    }

    private static Items items(List<float[]> vectors, List<Character> types, List<Long> ids,
            List<Double> popularity) {
        char[] t = new char[types.size()];
        long[] id = new long[ids.size()];
        double[] pop = new double[ids.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = types.get(i);
            id[i] = ids.get(i);
            pop[i] = popularity.get(i);
        }
        return new Items(vectors.toArray(float[][]::new), t, id, pop);
    }

    /**
     * Writes version {@code <root>/<name>/<version>/} and points {@code CURRENT} at it.
     *
     * @param dims dimension names (sparse collections) or null
     */
    public static Path build(Path root, String name, Items exported, List<String> dims, List<String> metrics,
            int nTrees, long seed, int threads, String source, Consumer<String> progress) throws IOException {
        Items items = exported.byPopularity();
        int f = items.vectors()[0].length;
        String version = "v" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path dir = root.resolve(name).resolve(version);
        Files.createDirectories(dir);
        Map<String, String> trees = new LinkedHashMap<>();
        for (String metric : metrics) {
            String file = metric + ".annoy";
            try (var b = new AnnoyBuilder(Metric.of(metric), f).seed(seed).threads(threads)
                    .expectItems(items.vectors().length)) {
                for (int i = 0; i < items.vectors().length; i++) {
                    b.addItem(i, items.vectors()[i]);
                }
                b.build(nTrees, done -> progress.accept(name + " " + metric + ": " + done + "/" + nTrees + " trees"));
                IndexManifest m = b.save(dir.resolve(file));
                progress.accept(String.format("%s %s: %,d items, %,d bytes, %d ms", name, metric, m.nItems(),
                        m.fileBytes(), m.buildMillis()));
            }
            trees.put(metric, file);
        }
        writeItems(dir.resolve("items.bin"), items);
        String factsFile = null;
        if (items.duplicates() != null) {
            factsFile = ItemMap.FACTS_FILE;
            Files.write(dir.resolve(factsFile), ItemMap.facts(items.duplicates(), items.popularity()));
        }
        String sparseFile = null;
        String dimsFile = null;
        Map<String, String> sparseByType = null;
        if (dims != null) { // a sparse collection: the exact index over the same items, for sparse queries
            sparseFile = writeSparse(dir, items, f, name, progress);
            sparseByType = new LinkedHashMap<>(); // and over each type's items, for questions about one type
            for (char type : TypedSparse.typesOf(items.typeCodes())) {
                TypedSparse.write(dir, type, items.typeCodes(), items.vectors());
                sparseByType.put(String.valueOf(type), TypedSparse.fileName(type));
            }
            progress.accept(name + " sparse by type: " + sparseByType.keySet());
            dimsFile = "dims.tsv";
            var sb = new StringBuilder();
            for (int i = 0; i < dims.size(); i++) {
                sb.append(i).append('\t').append(dims.get(i)).append('\n');
            }
            Files.writeString(dir.resolve(dimsFile), sb, StandardCharsets.UTF_8);
        }
        new CollectionManifest(name, version, dims != null ? "sparse" : "dense", f, items.vectors().length, trees,
                "items.bin", dimsFile, source, sparseFile, ITEM_ORDER, factsFile, sparseByType).write(dir);
        Path tmp = root.resolve(name).resolve("CURRENT.tmp");
        Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(name).resolve("CURRENT"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private static String writeSparse(Path dir, Items items, int f, String name, Consumer<String> progress)
            throws IOException {
        var sparse = new SparseIndexBuilder(f);
        for (int i = 0; i < items.vectors().length; i++) {
            sparse.add(i, items.vectors()[i]);
        }
        SparseManifest m = sparse.save(dir.resolve(SPARSE_FILE));
        progress.accept(String.format("%s sparse: %,d postings, %,d bytes, %d ms", name, m.nPostings(),
                m.fileBytes(), m.buildMillis()));
        return SPARSE_FILE;
    }

    private static void writeItems(Path file, Items items) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 * items.ids().length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < items.ids().length; i++) {
            buf.putLong(ItemMap.encode(items.typeCodes()[i], items.ids()[i]));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(buf.array());
        }
    }
}
