#include "maps/umap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "common/error.h"
#include "map_test_util.h"
#include "maps/map_quality.h"

namespace playground {
namespace {

std::vector<float> run(const VectorStore& s, const UmapOptions& o, size_t per_step) {
  Umap u(s, all_rows(s), o);
  while (!u.step(per_step)) {
  }
  return u.coords();
}

TEST(Umap, SameSeedSameBytesWhateverTheStepSize) {
  const VectorStore s = testing::store_of(testing::clustered_values(120, 8, 3, 61), 8);
  UmapOptions o;
  o.epochs = 100;
  o.seed = 9;
  const std::vector<float> a = run(s, o, 1000);
  const std::vector<float> b = run(s, o, 1);
  const std::vector<float> c = run(s, o, 7);
  ASSERT_EQ(a.size(), 240u);
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0);
  EXPECT_EQ(std::memcmp(a.data(), c.data(), a.size() * sizeof(float)), 0);
  o.seed = 10;
  EXPECT_NE(run(s, o, 1000), a);
}

TEST(Umap, KeepsClustersAndNeighbourhoods) {
  for (size_t dims : {2, 3}) {
    // One connected cloud per cluster, and clusters far apart: several graph components,
    // laid out by the multi-component path.
    const VectorStore s = testing::store_of(testing::clustered_values(300, 10, 4, 62), 10);
    UmapOptions o;
    o.dims = dims;
    o.metric = Metric::kEuclidean;
    Umap u(s, all_rows(s), o);
    while (!u.step(50)) {
    }
    EXPECT_EQ(u.epoch(), 500u);  // umap-learn's default for n <= 10,000
    const std::vector<float>& y = u.coords();
    for (float v : y) ASSERT_TRUE(std::isfinite(v));
    EXPECT_GE(testing::same_cluster_neighbours(y, 300, dims, 4), 297u);
    std::vector<double> map(y.begin(), y.end());
    EXPECT_GT(map_quality(s, all_rows(s), map, dims, 10, Metric::kEuclidean).trustworthiness, 0.9);
  }
}

TEST(Umap, CurveAndGraphFollowTheOptions) {
  const VectorStore s = testing::store_of(testing::clustered_values(80, 6, 1, 63), 6);
  UmapOptions o;
  o.min_dist = 0.5;
  o.neighbors = 10;
  o.epochs = 20;
  Umap u(s, all_rows(s), o);
  EXPECT_NEAR(u.a(), 0.58303, 1e-4);  // find_ab_params(1, 0.5)
  EXPECT_NEAR(u.b(), 1.33417, 1e-4);
  size_t pieces = 0;
  while (u.stage() != Umap::Stage::kOptimizing) {
    EXPECT_FALSE(u.step(5));
    ++pieces;
  }
  EXPECT_GE(pieces, 3u);  // neighbours, graph, layout
  // The initial map fills [0, 10] on each axis.
  for (size_t d = 0; d < 2; ++d) {
    float lo = 1e9f, hi = -1e9f;
    for (size_t i = 0; i < 80; ++i) lo = std::min(lo, u.coords()[i * 2 + d]), hi = std::max(hi, u.coords()[i * 2 + d]);
    EXPECT_FLOAT_EQ(lo, 0.0f);
    EXPECT_FLOAT_EQ(hi, 10.0f);
  }
  const SparseGraph& g = u.graph();
  EXPECT_EQ(g.n, 80u);
  for (size_t i = 0; i < 80; ++i) {
    for (uint32_t e = g.row_start[i]; e < g.row_start[i + 1]; ++e) {
      EXPECT_GT(g.values[e], 0.0f);
      EXPECT_LE(g.values[e], 1.0f);
      EXPECT_EQ(g.at(g.cols[e], i), g.values[e]);
    }
  }
  EXPECT_FALSE(u.step(19));
  EXPECT_TRUE(u.step(5));
  EXPECT_EQ(u.epoch(), 20u);
}

TEST(Umap, RandomInitialisationAlsoWorks) {
  const VectorStore s = testing::store_of(testing::clustered_values(150, 10, 3, 64), 10);
  UmapOptions o;
  o.init = UmapInit::kRandom;
  o.metric = Metric::kEuclidean;
  const std::vector<float> y = run(s, o, 100);
  EXPECT_GE(testing::same_cluster_neighbours(y, 150, 2, 3), 147u);
}

TEST(Umap, RejectsBadArguments) {
  const VectorStore s = testing::store_of(testing::clustered_values(12, 4, 2, 65), 4);
  const std::vector<size_t> rows = all_rows(s);
  UmapOptions o;
  EXPECT_THROW(Umap(s, rows, o), Error);  // 15 neighbours among 12 words
  o.neighbors = 11;
  EXPECT_NO_THROW(Umap(s, rows, o));
  o.neighbors = 1;
  EXPECT_THROW(Umap(s, rows, o), Error);
  o.neighbors = 5;
  EXPECT_THROW(Umap(s, {0, 1, 2}, o), Error);
  UmapOptions bad = o;
  bad.dims = 1;
  EXPECT_THROW(Umap(s, rows, bad), Error);
  bad = o;
  bad.min_dist = 1.5;  // above spread 1
  EXPECT_THROW(Umap(s, rows, bad), Error);
  bad = o;
  bad.spread = 0;
  EXPECT_THROW(Umap(s, rows, bad), Error);
  bad = o;
  bad.min_dist = std::nan("");
  EXPECT_THROW(Umap(s, rows, bad), Error);
}

}  // namespace
}  // namespace playground
