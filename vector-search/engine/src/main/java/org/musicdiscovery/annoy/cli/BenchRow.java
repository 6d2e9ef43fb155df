package org.musicdiscovery.annoy.cli;

import java.util.Locale;

/**
 * One benchmark measurement; QPS are single-threaded unless named "All". Times in ms. {@code oursDenseQps}: ours
 * with the sparse-query path off, every dimension read as C++ reads it; {@code cpp628BuildMs}: dot only, the C++
 * driver building with PR #628's split math, the algorithm ours builds dot with (both NaN where not measured and in
 * CSVs that predate the columns).
 */
record BenchRow(String dataset, int n, int dim, String metric, int trees, int searchK, double recall,
        double recallOursBuilt, double oursQps, double oursQpsAll, double cppQps, double exactQps, double oursBuildMs,
        double oursBuildAllMs, double cppBuildMs, long indexBytes, double oursDenseQps, double cpp628BuildMs) {

    static final String HEADER = String.format(Locale.ROOT,
            "%-26s %-8s %5s %8s %7s %8s %9s %9s %9s %9s %7s %9s %8s %8s %8s %8s", "dataset", "metric", "trees",
            "search_k", "recall", "recall*", "ours qps", "c++ qps", "ours/c++", "dense/c++", "qps 2t", "exact qps",
            "build", "build 2t", "c++ bld", "c++ #628");

    String text() {
        return String.format(Locale.ROOT,
                "%-26s %-8s %5d %8d %7.3f %8.3f %9.0f %9s %9s %9s %7.0f %9.0f %8.0f %8.0f %8s %8s",
                dataset + " (" + n + ")", metric, trees, searchK, recall, recallOursBuilt, oursQps,
                BenchCommand.fmt(cppQps), BenchCommand.fmt(oursQps / cppQps), BenchCommand.fmt(oursDenseQps / cppQps),
                oursQpsAll, exactQps, oursBuildMs, oursBuildAllMs, BenchCommand.fmt(cppBuildMs),
                BenchCommand.fmt(cpp628BuildMs));
    }

    static final String CSV_HEADER = "dataset,n,dim,metric,trees,search_k,recall,recall_ours_built,ours_qps,"
            + "ours_qps_all_threads,cpp_qps,exact_qps,ours_build_ms,ours_build_all_threads_ms,cpp_build_ms,index_bytes,"
            + "ours_dense_qps,cpp628_build_ms";

    /** A row of {@link #csv()} read back (an empty C++ column is NaN). */
    static BenchRow parse(String line) {
        String[] f = line.split(",", -1);
        return new BenchRow(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]), d(f[11]), d(f[12]), d(f[13]),
                d(f[14]), Long.parseLong(f[15]), f.length > 16 ? d(f[16]) : Double.NaN,
                f.length > 17 ? d(f[17]) : Double.NaN);
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    String csv() {
        return String.join(",", dataset, "" + n, "" + dim, metric, "" + trees, "" + searchK, "" + recall,
                "" + recallOursBuilt, "" + oursQps, "" + oursQpsAll, BenchCommand.fmt(cppQps), "" + exactQps,
                "" + oursBuildMs, "" + oursBuildAllMs, BenchCommand.fmt(cppBuildMs), "" + indexBytes,
                BenchCommand.fmt(oursDenseQps), BenchCommand.fmt(cpp628BuildMs));
    }
}
