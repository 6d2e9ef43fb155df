package org.musicdiscovery.collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategy exact on real collection versions: the same answers as a dense brute-force scan under the documented
 * tie rule (ids, order, scores to the bit), on the catalogue fixture built in memory and on random genre mixes;
 * the trees' final re-ranking applies the same rule; auto chooses as documented; a bad sparse file refuses the
 * version.
 */
class ExactStrategyTest {
    static final List<List<String>> METRICS = List.of(List.of("dot"), List.of("angular"), List.of("dot", "angular"));

    @TempDir
    static Path root;
    static ExecutorService pool;
    static Samples.Sample fixture;
    static LoadedCollection fixtureCollection;
    static Samples.Sample random;
    static LoadedCollection randomCollection;

    @BeforeAll
    static void build() throws IOException {
        pool = Executors.newFixedThreadPool(2);
        fixture = Samples.fromCatalogue(Samples.fixture());
        fixtureCollection = open(fixture, "fixture", 3);
        random = Samples.random(3000, 40, 7);
        randomCollection = open(random, "random", 5);
    }

    @AfterAll
    static void close() {
        fixtureCollection.retire();
        randomCollection.retire();
        pool.shutdownNow();
    }

    static LoadedCollection open(Samples.Sample s, String name, int trees) throws IOException {
        Path dir = CollectionBuilder.build(root, name, s.items(), s.dims(), List.of("dot", "angular"), trees, 42, 1,
                "test", msg -> { });
        return LoadedCollection.open(dir, AnnoyTrees::open);
    }

    static CollectionSearch.Result search(LoadedCollection c, float[] q, int k, List<String> metrics,
            Set<Character> types, int exclude, Strategy strategy, int searchK) {
        return CollectionSearch.search(c, new CollectionSearch.Query(q, k, searchK, metrics, types, false, exclude,
                strategy), pool);
    }

    /** Every genre alone, every pair as a 70/30 mix, and every item as a "more like this" seed. */
    static List<float[]> fixtureQueries() {
        int f = fixture.dims().size();
        List<float[]> qs = new ArrayList<>();
        for (int a = 0; a < f; a++) {
            float[] one = new float[f];
            one[a] = 1;
            qs.add(one);
            for (int b = 0; b < f; b++) {
                if (b != a) {
                    float[] mix = new float[f];
                    mix[a] = 0.7f;
                    mix[b] = 0.3f;
                    qs.add(mix);
                }
            }
        }
        return qs;
    }

    @Test
    void exactEqualsBruteForceOnTheCatalogueFixture() {
        assertTrue(fixture.size() > 30 && fixture.dims().size() > 5, "fixture " + fixture.size());
        int checked = 0;
        for (float[] q : fixtureQueries()) {
            for (List<String> metrics : METRICS) {
                for (int k : new int[] {3, 10, fixture.size() + 5}) {
                    var expected = Samples.reference(fixture, q, metrics, k, Set.of(), -1);
                    var actual = search(fixtureCollection, q, k, metrics, Set.of(), -1, Strategy.EXACT, -1);
                    assertEquals(Strategy.EXACT, actual.strategy());
                    assertEquals(expected, Samples.refs(actual), metrics + " k=" + k);
                    checked++;
                }
            }
        }
        for (int seed = 0; seed < fixture.size(); seed++) { // item seeds: the item left out, types filtered
            float[] q = fixture.items().vectors()[seed];
            int index = fixtureCollection.items().find(fixture.items().typeCodes()[seed], fixture.items().ids()[seed]);
            var expected = Samples.reference(fixture, q, List.of("dot", "angular"), 8, Set.of('s', 'a'), seed);
            var actual = search(fixtureCollection, q, 8, List.of("dot", "angular"), Set.of('s', 'a'), index,
                    Strategy.EXACT, -1);
            assertEquals(expected, Samples.refs(actual), "seed " + seed);
            checked++;
        }
        assertTrue(checked > 500, "checked " + checked);
    }

    @Test
    void exactEqualsBruteForceOnRandomGenreMixes() {
        Random r = new Random(3);
        int f = random.dims().size();
        for (int i = 0; i < 150; i++) {
            float[] q = new float[f];
            for (int t = 1 + r.nextInt(3); t > 0; t--) {
                q[(int) (f * Math.pow(r.nextDouble(), 2))] += 0.1f + r.nextFloat();
            }
            Set<Character> types = i % 3 == 0 ? Set.of('p') : Set.of();
            List<String> metrics = METRICS.get(i % 3);
            int k = new int[] {1, 10, 40}[i % 3];
            assertEquals(Samples.reference(random, q, metrics, k, types, -1),
                    Samples.refs(search(randomCollection, q, k, metrics, types, -1, Strategy.EXACT, -1)),
                    metrics + " k=" + k + " types " + types);
        }
    }

    @Test
    void treesReRankWithTheSameScoresAndTieRule() {
        // with search_k covering every item the trees find everything; what remains is the final re-ranking
        for (float[] q : fixtureQueries()) {
            for (List<String> metrics : METRICS) {
                for (int k : new int[] {10, fixture.size()}) {
                    var trees = search(fixtureCollection, q, k, metrics, Set.of(), -1, Strategy.TREES, 1_000_000);
                    var exact = search(fixtureCollection, q, k, metrics, Set.of(), -1, Strategy.EXACT, -1);
                    assertEquals(Strategy.TREES, trees.strategy());
                    assertEquals(Samples.refs(exact), Samples.refs(trees), metrics + " k=" + k);
                }
            }
        }
        Random r = new Random(11);
        for (int i = 0; i < 40; i++) {
            float[] q = random.items().vectors()[r.nextInt(random.size())];
            var trees = search(randomCollection, q, random.size(), List.of("dot", "angular"), Set.of(), -1,
                    Strategy.TREES, 1_000_000);
            var exact = search(randomCollection, q, random.size(), List.of("dot", "angular"), Set.of(), -1,
                    Strategy.EXACT, -1);
            assertEquals(Samples.refs(exact), Samples.refs(trees));
        }
    }

    @Test
    void treesRankTheWalksCandidatesByTheCollectionsRule() {
        // a small search_k walks part of the collection; a query of few genres ranks what the walk found by the
        // collection's own scores (the exact path's), not by Annoy's dense re-scoring
        java.util.Map<String, Integer> sampleIndex = new java.util.HashMap<>();
        for (int i = 0; i < random.size(); i++) {
            sampleIndex.put(random.items().typeCodes()[i] + ":" + random.items().ids()[i], i);
        }
        Random r = new Random(5);
        int f = random.dims().size(), partial = 0;
        for (int i = 0; i < 60; i++) {
            float[] q = fewGenres(r, f);
            String metric = i % 2 == 0 ? "dot" : "angular";
            int k = 10, searchK = 60;
            Set<Integer> walked = new java.util.HashSet<>();
            for (int item : randomCollection.trees().get(metric).candidates(q, k, searchK)) {
                walked.add(sampleIndex.get(randomCollection.items().typeCode(item) + ":"
                        + randomCollection.items().catalogueId(item)));
            }
            partial += walked.size() < random.size() / 2 ? 1 : 0;
            assertEquals(Samples.reference(random, q, List.of(metric), k, Set.of(), -1, walked::contains),
                    Samples.refs(search(randomCollection, q, k, List.of(metric), Set.of(), -1, Strategy.TREES,
                            searchK)), metric + " query " + i);
        }
        assertEquals(60, partial, "every walk should cover only part of the collection");
    }

    @Test
    void bothForestsOfAPartialWalkAnswerTheUnionOfEachForestsAnswer() {
        // the joint path (walks apart, the union scored once) must equal each forest searched alone, merged
        Random r = new Random(17);
        int f = random.dims().size();
        for (int i = 0; i < 60; i++) {
            float[] q = fewGenres(r, f);
            int k = new int[] {1, 10, 40}[i % 3];
            int searchK = new int[] {-1, 60, 400}[i % 3];
            Set<Character> types = i % 4 == 0 ? Set.of('p') : Set.of();
            var dot = search(randomCollection, q, k, List.of("dot"), types, -1, Strategy.TREES, searchK);
            var angular = search(randomCollection, q, k, List.of("angular"), types, -1, Strategy.TREES, searchK);
            var both = search(randomCollection, q, k, List.of("dot", "angular"), types, -1, Strategy.TREES, searchK);
            java.util.Map<Integer, CollectionSearch.Hit> union = new java.util.HashMap<>();
            java.util.Map<Integer, Set<String>> foundBy = new java.util.HashMap<>();
            for (var single : List.of(dot, angular)) {
                for (var h : single.hits()) {
                    union.putIfAbsent(h.item(), h);
                    foundBy.computeIfAbsent(h.item(), x -> new java.util.TreeSet<>()).addAll(h.foundBy());
                }
            }
            if (both.timings().get("rounds") > 1 || dot.timings().get("rounds") > 1
                    || angular.timings().get("rounds") > 1) {
                continue; // over-fetch rounds differ per search; the single answers are then not each forest's
            }
            List<String> expected = union.values().stream().sorted(CollectionSearch.BEST_FIRST).limit(k)
                    .map(h -> h.item() + " " + h.dot() + " " + h.cosine() + " " + foundBy.get(h.item())).toList();
            List<String> got = both.hits().stream()
                    .map(h -> h.item() + " " + h.dot() + " " + h.cosine() + " " + h.foundBy()).toList();
            assertEquals(expected, got, "query " + i + " k=" + k + " search_k=" + searchK + " types " + types);
        }
    }

    /** A mix of one to three random genres with random weights. */
    static float[] fewGenres(Random r, int f) {
        float[] q = new float[f];
        for (int t = 1 + r.nextInt(3); t > 0; t--) {
            q[r.nextInt(f)] += 0.1f + r.nextFloat();
        }
        return q;
    }

    @Test
    void identicalVectorsComeBackMostPopularFirstOnBothPaths() throws IOException {
        int n = 40, f = 4;
        float[][] vectors = new float[n][f];
        char[] types = new char[n];
        long[] ids = new long[n];
        double[] popularity = new double[n];
        for (int i = 0; i < n; i++) {
            vectors[i][i % 2] = 1; // two groups of 20 identical one-genre vectors
            types[i] = 's';
            ids[i] = 500 + i;
            popularity[i] = (i * 7) % 5; // popularity not in export order, with ties
        }
        var sample = new Samples.Sample(new CollectionBuilder.Items(vectors, types, ids, popularity),
                List.of("blues", "funk", "jazz", "soul"));
        LoadedCollection c = open(sample, "ties", 2);
        try {
            float[] q = {1, 0, 0, 0};
            var expected = Samples.reference(sample, q, List.of("dot", "angular"), 12, Set.of(), -1);
            for (Strategy s : List.of(Strategy.EXACT, Strategy.TREES)) {
                var hits = search(c, q, 12, List.of("dot", "angular"), Set.of(), -1, s, 1_000_000).hits();
                assertEquals(expected, hits.stream().map(h -> new Samples.Ref(h.typeCode(), h.id(), h.dot(),
                        h.cosine())).toList(), s.name());
                for (int i = 1; i < hits.size(); i++) {
                    assertTrue(popularity[(int) hits.get(i - 1).id() - 500] >= popularity[(int) hits.get(i).id() - 500],
                            "most popular first: " + hits);
                }
            }
        } finally {
            c.retire();
        }
    }

    @Test
    void autoAnswersSparseQueriesExactlyAndTheRestWithTrees() {
        int f = random.dims().size();
        float[] mix = new float[f];
        mix[0] = 0.7f;
        mix[3] = 0.3f;
        assertEquals(Strategy.EXACT, Strategy.AUTO.resolve(randomCollection, mix));
        float[] negative = mix.clone();
        negative[5] = -0.2f;
        assertEquals(Strategy.TREES, Strategy.AUTO.resolve(randomCollection, negative));
        float[] dense = new float[f];
        java.util.Arrays.fill(dense, 0.1f);
        assertTrue(f > Strategy.AUTO_EXACT_MAX_TERMS);
        assertEquals(Strategy.TREES, Strategy.AUTO.resolve(randomCollection, dense), "dense in all but name");
        float[] asManyAsAnItem = new float[f];
        java.util.Arrays.fill(asManyAsAnItem, 0, Strategy.AUTO_EXACT_MAX_TERMS, 0.1f);
        assertEquals(Strategy.EXACT, Strategy.AUTO.resolve(randomCollection, asManyAsAnItem));
        asManyAsAnItem[Strategy.AUTO_EXACT_MAX_TERMS] = 0.1f;
        assertEquals(Strategy.TREES, Strategy.AUTO.resolve(randomCollection, asManyAsAnItem));
        assertEquals(Strategy.EXACT, Strategy.EXACT.resolve(randomCollection, dense), "but exact can be asked for");
        assertEquals(Strategy.TREES, Strategy.TREES.resolve(randomCollection, mix), "trees stay selectable");
        assertEquals(Strategy.EXACT, search(randomCollection, mix, 5, List.of("angular"), Set.of(), -1,
                Strategy.AUTO, -1).strategy());
        assertThrows(IllegalArgumentException.class, () -> Strategy.EXACT.resolve(randomCollection, negative));
        assertThrows(IllegalArgumentException.class, () -> Strategy.parse("fastest"));
        assertEquals(Strategy.AUTO, Strategy.parse(null));
    }

    @Test
    void aVersionWithoutSparseIndexLoadsAndAutoUsesTheTrees() throws IOException {
        Path dir = CollectionBuilder.build(root, "old", random.items(), random.dims(), List.of("angular"), 2, 1, 1,
                "test", msg -> { });
        CollectionManifest m = CollectionManifest.read(dir);
        new CollectionManifest(m.name(), m.version(), m.space(), m.dimension(), m.nItems(), m.trees(), m.items(),
                m.dims(), m.source(), null, null, null).write(dir); // as versions built before the sparse index
        Files.delete(dir.resolve(CollectionBuilder.SPARSE_FILE));
        LoadedCollection c = LoadedCollection.open(dir, AnnoyTrees::open);
        try {
            assertNull(c.sparse());
            float[] q = new float[random.dims().size()];
            q[1] = 1;
            assertEquals(Strategy.TREES, search(c, q, 5, List.of("angular"), Set.of(), -1, Strategy.AUTO, -1)
                    .strategy());
            assertTrue(Strategy.whyNotExact(c, q).contains("no sparse index"));
            assertThrows(IllegalArgumentException.class, () -> Strategy.EXACT.resolve(c, q));
        } finally {
            c.retire();
        }
    }

    @Test
    void aCorruptSparseIndexRefusesTheWholeVersion() throws IOException {
        Path dir = CollectionBuilder.build(root, "corrupt", random.items(), random.dims(), List.of("dot"), 2, 1, 1,
                "test", msg -> { });
        try (FileChannel ch = FileChannel.open(dir.resolve(CollectionBuilder.SPARSE_FILE), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        var e = assertThrows(InvalidCollectionException.class, () -> LoadedCollection.open(dir, AnnoyTrees::open));
        assertTrue(e.getMessage().contains(CollectionBuilder.SPARSE_FILE), e.getMessage());
    }
    @Test
    void candidatesGenresComeFromTheSparseTermsAsStoredInTheTrees() {
        int f = random.dims().size();
        int[] dims = new int[f], treeDims = new int[f];
        float[] values = new float[f], treeValues = new float[f];
        for (int item = 0; item < random.items().vectors().length; item++) {
            int n = randomCollection.nonZeros(item, dims, values);
            assertEquals(randomCollection.stored().nonZeros(item, treeDims, treeValues), n, "item " + item);
            assertArrayEquals(Arrays.copyOf(treeDims, n), Arrays.copyOf(dims, n), "item " + item);
            assertArrayEquals(Arrays.copyOf(treeValues, n), Arrays.copyOf(values, n), "item " + item);
        }
    }

    @Test
    void aSparseIndexOfAnotherBuildRefusesTheVersion() throws IOException {
        Path dir = CollectionBuilder.build(root, "mixed", random.items(), random.dims(), List.of("dot"), 2, 1, 1,
                "test", msg -> { });
        Samples.Sample other = Samples.random(random.items().vectors().length, random.dims().size(), 8);
        Path otherDir = CollectionBuilder.build(root, "other", other.items(), other.dims(), List.of("dot"), 2, 1, 1,
                "test", msg -> { });
        for (String file : List.of(CollectionBuilder.SPARSE_FILE, CollectionBuilder.SPARSE_FILE + ".manifest.json")) {
            Files.copy(otherDir.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        var e = assertThrows(InvalidCollectionException.class, () -> LoadedCollection.open(dir, AnnoyTrees::open));
        assertTrue(e.getMessage().contains("different builds"), e.getMessage());
    }
}
