// The reference: Spotify Annoy's own C++ (annoylib.h 1.17.0 as shipped by Debian's r-cran-rcppannoy), driven
// from the command line so the Java tests and benchmark can compare against it on the same files.
//   annoy_driver build METRIC F TREES SEED VECTORS OUT      vectors: "id<TAB>v1 v2 ... vf" per line
//   annoy_driver query METRIC F INDEX QUERIES K SEARCH_K    prints "id:distance id:distance ..." per query
//   annoy_driver bench METRIC F INDEX QUERIES K SEARCH_K REPEAT   prints "<microseconds per query>"
//   annoy_driver latency METRIC F INDEX QUERIES K SEARCH_K REPEAT prints "p50 p99 mean" (µs) over the queries of each
//                                                                 query's fastest repeat (the first is a warm-up)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>
#include "kissrandom.h"
#include "annoylib.h"

using namespace std;

template <typename D>
using Index = AnnoyIndex<int32_t, float, D, Kiss64Random, AnnoyIndexSingleThreadedBuildPolicy>;

static vector<pair<int, vector<float>>> read_vectors(const char* path, int f) {
  vector<pair<int, vector<float>>> out;
  ifstream in(path);
  string line;
  while (getline(in, line)) {
    if (line.empty()) continue;
    istringstream ss(line);
    int id = -1;
    ss >> id;
    vector<float> v(f);
    for (int i = 0; i < f; i++) ss >> v[i];
    out.push_back({id, v});
  }
  return out;
}

template <typename D>
static int run(int argc, char** argv) {
  string cmd = argv[1];
  int f = atoi(argv[3]);
  Index<D> index(f);
  if (cmd == "build") {
    int trees = atoi(argv[4]);
    index.set_seed(strtoull(argv[5], nullptr, 10));
    for (auto& item : read_vectors(argv[6], f)) index.add_item(item.first, item.second.data());
    auto t0 = chrono::steady_clock::now();
    index.build(trees);
    double ms = chrono::duration<double, milli>(chrono::steady_clock::now() - t0).count();
    if (!index.save(argv[7])) { fprintf(stderr, "save failed\n"); return 1; }
    printf("%.3f\n", ms);
    return 0;
  }
  if (!index.load(argv[4])) { fprintf(stderr, "load failed\n"); return 1; }
  auto queries = read_vectors(argv[5], f);
  int k = atoi(argv[6]);
  int search_k = atoi(argv[7]);
  if (cmd == "query") {
    for (auto& q : queries) {
      vector<int32_t> ids;
      vector<float> dist;
      index.get_nns_by_vector(q.second.data(), k, search_k, &ids, &dist);
      for (size_t i = 0; i < ids.size(); i++) printf(i ? " %d:%.9g" : "%d:%.9g", ids[i], dist[i]);
      printf("\n");
    }
    return 0;
  }
  if (cmd == "bench") {
    int repeat = atoi(argv[8]);
    vector<int32_t> ids;
    vector<float> dist;
    long checksum = 0;
    auto t0 = chrono::steady_clock::now();
    for (int r = 0; r < repeat; r++)
      for (auto& q : queries) {
        ids.clear();
        index.get_nns_by_vector(q.second.data(), k, search_k, &ids, nullptr);
        checksum += ids.empty() ? 0 : ids[0];
      }
    double us = chrono::duration<double, micro>(chrono::steady_clock::now() - t0).count();
    printf("%.3f %ld\n", us / (double)(repeat * queries.size()), checksum);
    return 0;
  }
  if (cmd == "latency") {
    int repeat = atoi(argv[8]);
    vector<int32_t> ids;
    vector<double> us(queries.size(), 1e300);
    long checksum = 0;
    for (int r = 0; r <= repeat; r++)
      for (size_t i = 0; i < queries.size(); i++) {
        ids.clear();
        auto t0 = chrono::steady_clock::now();
        index.get_nns_by_vector(queries[i].second.data(), k, search_k, &ids, nullptr);
        double t = chrono::duration<double, micro>(chrono::steady_clock::now() - t0).count();
        if (r > 0 && t < us[i]) us[i] = t;
        checksum += ids.empty() ? 0 : ids[0];
      }
    double sum = 0;
    for (double u : us) sum += u;
    sort(us.begin(), us.end());
    printf("%.3f %.3f %.3f %ld\n", us[us.size() / 2], us[us.size() * 99 / 100], sum / us.size(), checksum);
    return 0;
  }
  fprintf(stderr, "unknown command %s\n", cmd.c_str());
  return 2;
}

int main(int argc, char** argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: annoy_driver build|query|bench METRIC F ...\n");
    return 2;
  }
  string metric = argv[2];
  if (metric == "angular") return run<Angular>(argc, argv);
  if (metric == "dot") return run<DotProduct>(argc, argv);
  if (metric == "euclidean") return run<Euclidean>(argc, argv);
  fprintf(stderr, "unknown metric %s\n", metric.c_str());
  return 2;
}
