package org.musicdiscovery.annoy.cli;

import java.util.Locale;

/** One benchmark measurement; QPS are single-threaded unless named "All". Times in ms. */
record BenchRow(String dataset, int n, int dim, String metric, int trees, int searchK, double recall,
        double recallOursBuilt, double oursQps, double oursQpsAll, double cppQps, double exactQps, double oursBuildMs,
        double oursBuildAllMs, double cppBuildMs, long indexBytes) {

    static final String HEADER = String.format(Locale.ROOT, "%-26s %-8s %5s %8s %7s %8s %9s %9s %9s %7s %9s %8s %8s %8s",
            "dataset", "metric", "trees", "search_k", "recall", "recall*", "ours qps", "c++ qps", "ours/c++",
            "qps 2t", "exact qps", "build", "build 2t", "c++ bld");

    String text() {
        return String.format(Locale.ROOT, "%-26s %-8s %5d %8d %7.3f %8.3f %9.0f %9s %9s %7.0f %9.0f %8.0f %8.0f %8s",
                dataset + " (" + n + ")", metric, trees, searchK, recall, recallOursBuilt, oursQps,
                BenchCommand.fmt(cppQps), BenchCommand.fmt(oursQps / cppQps), oursQpsAll, exactQps, oursBuildMs,
                oursBuildAllMs, BenchCommand.fmt(cppBuildMs));
    }

    String csv() {
        return String.join(",", dataset, "" + n, "" + dim, metric, "" + trees, "" + searchK, "" + recall,
                "" + recallOursBuilt, "" + oursQps, "" + oursQpsAll, BenchCommand.fmt(cppQps), "" + exactQps,
                "" + oursBuildMs, "" + oursBuildAllMs, BenchCommand.fmt(cppBuildMs), "" + indexBytes);
    }
}
