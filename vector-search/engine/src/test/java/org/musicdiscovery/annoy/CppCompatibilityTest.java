package org.musicdiscovery.annoy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte compatibility with Spotify's C++ Annoy, both ways. Files built by C++ answer 1,000 queries in our reader
 * with the same ids in the same order and the same distances; files built by us load in C++ and answer with the
 * recall a C++-built index has.
 */
class CppCompatibilityTest {
    static final int N = 3000;
    static final int F = 24;
    static final int QUERIES = 1000;
    static final int K = 10;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "dot", "euclidean"})
    void cppBuiltFilesAnswerIdenticallyInOurReader(String metricName) throws Exception {
        Metric metric = Metric.of(metricName);
        float[][] items = Oracle.data(N, F, metricName.equals("dot"), 1);
        float[][] queries = Oracle.data(QUERIES, F, metricName.equals("dot"), 2);
        // the second half are two-genre mixes, which take the sparse path (SparseProbe)
        System.arraycopy(Oracle.mixes(QUERIES / 2, F, 3), 0, queries, QUERIES / 2, QUERIES / 2);
        Path vectors = Oracle.write(dir.resolve("items.tsv"), items);
        Path qfile = Oracle.write(dir.resolve("queries.tsv"), queries);
        Path index = dir.resolve("cpp." + metricName + ".annoy");
        Oracle.run("build", metricName, "" + F, "10", "42", vectors.toString(), index.toString());

        try (AnnoyIndex ours = AnnoyIndex.openBare(index, metric, F, false)) {
            assertEquals(N, ours.nItems());
            assertEquals(10, ours.nTrees());
            for (int searchK : new int[] {-1, 100, 1000, 5000}) {
                List<String> cpp = Oracle.run("query", metricName, "" + F, index.toString(), qfile.toString(),
                        "" + K, "" + searchK);
                int[][] cppIds = Oracle.ids(cpp);
                float[][] cppDist = Oracle.distances(cpp);
                int[] ids = new int[K];
                float[] dist = new float[K];
                for (int q = 0; q < QUERIES; q++) {
                    int n = ours.search(queries[q], K, searchK, ids, dist);
                    assertArrayEquals(cppIds[q], java.util.Arrays.copyOf(ids, n),
                            metricName + " search_k=" + searchK + " query " + q);
                    // the walk alone: what the re-scoring chose from, in file order, each item once
                    int[] walked = ours.candidates(queries[q], K, searchK);
                    for (int i = 1; i < walked.length; i++) {
                        assertTrue(walked[i - 1] < walked[i], "candidates in file order, each once");
                    }
                    for (int i = 0; i < n; i++) {
                        assertTrue(java.util.Arrays.binarySearch(walked, ids[i]) >= 0, "answer among candidates");
                    }
                    for (int i = 0; i < n; i++) {
                        float tol = 1e-5f * Math.max(1f, Math.abs(cppDist[q][i]));
                        assertEquals(cppDist[q][i], dist[i], tol, "distance " + i + " of query " + q);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"angular", "dot", "euclidean"})
    void ourFilesLoadInCppWithComparableRecall(String metricName) throws Exception {
        Metric metric = Metric.of(metricName);
        boolean genreLike = !metricName.equals("euclidean");
        float[][] items = Oracle.data(N, F, genreLike, 3);
        float[][] queries = Oracle.data(300, F, genreLike, 4);
        Path vectors = Oracle.write(dir.resolve("items.tsv"), items);
        Path qfile = Oracle.write(dir.resolve("queries.tsv"), queries);
        Path oursFile = dir.resolve("ours.annoy");
        Path cppFile = dir.resolve("cpp.annoy");
        try (var builder = new AnnoyBuilder(metric, F).seed(42)) {
            TestIndexes.build(builder, items, 10, oursFile);
        }
        Oracle.run("build", metricName, "" + F, "10", "42", vectors.toString(), cppFile.toString());
        int searchK = 2000;
        int[][] cppOnOurs = Oracle.ids(Oracle.run("query", metricName, "" + F, oursFile.toString(), qfile.toString(),
                "" + K, "" + searchK));
        int[][] cppOnCpp = Oracle.ids(Oracle.run("query", metricName, "" + F, cppFile.toString(), qfile.toString(),
                "" + K, "" + searchK));
        try (AnnoyIndex ours = AnnoyIndex.open(oursFile)) {
            var exact = new ExactSearch(ours);
            double rOurs = 0, rCpp = 0;
            for (int q = 0; q < queries.length; q++) {
                int[] truth = exact.search(queries[q], K);
                rOurs += recall(truth, cppOnOurs[q]);
                rCpp += recall(truth, cppOnCpp[q]);
                if (!(metric instanceof DotMetric)) { // same margins: C++ reading our file = our reader
                    assertArrayEquals(cppOnOurs[q], ours.search(queries[q], K, searchK), "query " + q);
                }
            }
            rOurs /= queries.length;
            rCpp /= queries.length;
            assertTrue(rOurs >= rCpp - 0.05, metricName + ": recall of our file in C++ " + rOurs
                    + " vs C++-built " + rCpp);
        }
    }

    static double recall(int[] truth, int[] got) {
        var set = new java.util.HashSet<Integer>();
        for (int t : truth) {
            set.add(t);
        }
        int hit = 0;
        for (int g : got) {
            hit += set.contains(g) ? 1 : 0;
        }
        return (double) hit / truth.length;
    }
}
