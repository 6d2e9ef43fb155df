// The reference: Spotify Annoy's own C++ (annoylib.h 1.17.0 as shipped by Debian's r-cran-rcppannoy), driven
// from the command line so the Java tests and benchmark can compare against it on the same files.
//   annoy_driver build METRIC F TREES SEED VECTORS OUT      vectors: "id<TAB>v1 v2 ... vf" per line
//   annoy_driver query METRIC F INDEX QUERIES K SEARCH_K    prints "id:distance id:distance ..." per query
//   annoy_driver bench METRIC F INDEX QUERIES K SEARCH_K REPEAT   prints "<microseconds per query>"
//   annoy_driver latency METRIC F INDEX QUERIES K SEARCH_K REPEAT prints "p50 p99 mean" (µs) over the queries of each
//                                                                 query's fastest repeat (the first is a warm-up)
// METRIC is angular, dot or euclidean; for build only, also dot628: dot with the split math of upstream PR #628
// (unreleased, 24+4f nodes), the algorithm our engine builds dot with, so its build times can be compared like for like.
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

// Upstream PR #628 ("Fix incorrect dot_factor usage") over the 1.17.0 header: two-means measures angular distances
// over all f+1 dimensions (norms cached in the node, as upstream does), moves the extra dimension with the mean, and
// the build margin includes the item's own extra dimension. Written here after the PR's math (upstream main); the
// file it writes has upstream main's 24+4f dot layout, which no released reader loads, so it is used for builds only.
struct DotProduct628 : DotProduct {
  template <typename S, typename T>
  struct Node {
    S n_descendants;
    S children[2];
    T dot_factor;
    T norm;
    bool built;
    T v[V_ARRAY_SIZE];
  };

  template <typename S, typename T>
  static inline T distance(const Node<S, T>* x, const Node<S, T>* y, int f) {
    T pp = x->norm ? x->norm : dot(x->v, x->v, f) + x->dot_factor * x->dot_factor;
    T qq = y->norm ? y->norm : dot(y->v, y->v, f) + y->dot_factor * y->dot_factor;
    T pq = dot(x->v, y->v, f) + x->dot_factor * y->dot_factor;
    T ppqq = pp * qq;
    return ppqq > 0 ? 2.0 - 2.0 * pq / sqrt(ppqq) : 2.0;
  }

  template <typename S, typename T>
  static inline void init_node(Node<S, T>* n, int f) {
    n->built = false;
    n->norm = dot(n->v, n->v, f) + n->dot_factor * n->dot_factor;
  }

  template <typename T, typename N>
  static inline void normalize(N* node, int f) {
    T norm = sqrt(dot(node->v, node->v, f) + node->dot_factor * node->dot_factor);
    if (norm > 0) {
      for (int z = 0; z < f; z++) node->v[z] /= norm;
      node->dot_factor /= norm;
    }
  }

  template <typename T, typename N, typename Random>
  static inline void two_means(const vector<N*>& nodes, int f, Random& random, N* p, N* q) {
    size_t count = nodes.size();
    size_t i = random.index(count);
    size_t j = random.index(count - 1);
    j += (j >= i);
    copy_node<T, N>(p, nodes[i], f);
    copy_node<T, N>(q, nodes[j], f);
    normalize<T, N>(p, f);
    normalize<T, N>(q, f);
    init_node(p, f);
    init_node(q, f);
    int ic = 1, jc = 1;
    for (int l = 0; l < 200; l++) {
      N* x = nodes[random.index(count)];
      T di = ic * distance(p, x, f), dj = jc * distance(q, x, f);
      T norm = sqrt(dot(x->v, x->v, f) + x->dot_factor * x->dot_factor);
      if (!(norm > T(0))) continue;
      N* c = di < dj ? p : (dj < di ? q : nullptr);
      if (c == nullptr) continue;
      int& n = di < dj ? ic : jc;
      for (int z = 0; z < f; z++) c->v[z] = (c->v[z] * n + x->v[z] / norm) / (n + 1);
      c->dot_factor = (c->dot_factor * n + x->dot_factor / norm) / (n + 1);
      init_node(c, f);
      n++;
    }
  }

  template <typename S, typename T, typename Random>
  static inline void create_split(const vector<Node<S, T>*>& nodes, int f, size_t s, Random& random, Node<S, T>* n) {
    Node<S, T>* p = (Node<S, T>*)alloca(s);
    Node<S, T>* q = (Node<S, T>*)alloca(s);
    p->dot_factor = q->dot_factor = 0;
    two_means<T>(nodes, f, random, p, q);
    for (int z = 0; z < f; z++) n->v[z] = p->v[z] - q->v[z];
    n->dot_factor = p->dot_factor - q->dot_factor;
    normalize<T>(n, f);
  }

  template <typename S, typename T>
  static inline T margin(const Node<S, T>* n, const T* y, int f) {
    return dot(n->v, y, f);
  }

  // 1.17.0's _make_tree passes an item's v only; the item's own extra dimension sits at a fixed offset before it
  template <typename S, typename T, typename Random>
  static inline bool side(const Node<S, T>* n, const T* y, int f, Random& random) {
    typedef Node<S, T> N;
    const N* item = (const N*)((const char*)y - offsetof(N, v));
    T m = dot(n->v, y, f) + n->dot_factor * item->dot_factor;
    return m != 0 ? m > 0 : (bool)random.flip();
  }

  template <typename T, typename S, typename N>
  static inline void preprocess(void* nodes, size_t s, const S node_count, const int f) {
    DotProduct::preprocess<T, S, N>(nodes, s, node_count, f);
    for (S i = 0; i < node_count; i++) init_node(get_node_ptr<S, N>(nodes, s, i), f);
  }
};

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
  if (metric == "dot628") {
    if (string(argv[1]) != "build") {
      fprintf(stderr, "dot628 is for builds only: its 24+4f files load in no released reader\n");
      return 2;
    }
    return run<DotProduct628>(argc, argv);
  }
  if (metric == "euclidean") return run<Euclidean>(argc, argv);
  fprintf(stderr, "unknown metric %s\n", metric.c_str());
  return 2;
}
