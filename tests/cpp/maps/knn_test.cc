#include "maps/knn.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/error.h"
#include "map_test_util.h"

namespace playground {
namespace {

// Plain double-precision reference: sort every other point by distance.
std::vector<std::vector<std::pair<double, uint32_t>>> brute_force(const PointMatrix& p, Metric metric) {
  std::vector<std::vector<std::pair<double, uint32_t>>> out(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    for (size_t j = 0; j < p.size(); ++j) {
      if (j == i) continue;
      double s = 0, xx = 0, yy = 0;
      for (size_t d = 0; d < p.dim(); ++d) {
        const double x = p.row(i)[d], y = p.row(j)[d];
        s += metric == Metric::kCosine ? x * y : (x - y) * (x - y);
        xx += x * x;
        yy += y * y;
      }
      out[i].emplace_back(metric == Metric::kCosine ? 1 - s / std::sqrt(xx * yy) : std::sqrt(s), uint32_t(j));
    }
    std::sort(out[i].begin(), out[i].end());
  }
  return out;
}

void expect_matches_brute_force(const PointMatrix& p, size_t k, Metric metric, bool include_self) {
  const KnnGraph g = exact_knn(p, k, metric, include_self);
  const auto want = brute_force(p, metric);
  ASSERT_EQ(g.n, p.size());
  ASSERT_EQ(g.k, k);
  for (size_t i = 0; i < p.size(); ++i) {
    size_t m = 0;
    if (include_self) {
      EXPECT_EQ(g.neighbours(i)[0], i);
      EXPECT_EQ(g.distances_of(i)[0], 0.0f);
      m = 1;
    }
    // Same neighbour as the reference at every place, except within near-ties (the reference
    // renormalizes the float unit rows, which moves distances by ~1e-7).
    std::vector<double> ref_distance(p.size());
    for (const auto& [d, j] : want[i]) ref_distance[j] = d;
    for (size_t r = 0; m < k; ++m, ++r) {
      const uint32_t got = g.neighbours(i)[m];
      if (got != want[i][r].second) {
        EXPECT_NEAR(ref_distance[got], want[i][r].first, 1e-6) << "row " << i << " place " << m;
      }
      EXPECT_NEAR(g.distances_of(i)[m], ref_distance[got], 1e-6 * (1 + want[i][r].first));
    }
  }
}

TEST(ExactKnn, CosineMatchesBruteForce) {
  // 203 points: not a multiple of the 4 x 8 tile, so the ragged edges are exercised.
  const VectorStore s = testing::store_of(testing::clustered_values(203, 37, 5, 1), 37);
  const PointMatrix unit = PointMatrix::gather(s, all_rows(s), true);
  expect_matches_brute_force(unit, 1, Metric::kCosine, false);
  expect_matches_brute_force(unit, 30, Metric::kCosine, false);
  expect_matches_brute_force(unit, 202, Metric::kCosine, false);  // everyone
}

TEST(ExactKnn, EuclideanMatchesBruteForce) {
  const VectorStore s = testing::store_of(testing::clustered_values(150, 10, 3, 2), 10);
  const PointMatrix raw = PointMatrix::gather(s, all_rows(s), false);
  expect_matches_brute_force(raw, 12, Metric::kEuclidean, false);
}

TEST(ExactKnn, IncludeSelfPutsThePointFirst) {
  const VectorStore s = testing::store_of(testing::clustered_values(61, 8, 4, 3), 8);
  const PointMatrix unit = PointMatrix::gather(s, all_rows(s), true);
  expect_matches_brute_force(unit, 15, Metric::kCosine, true);
  expect_matches_brute_force(unit, 61, Metric::kCosine, true);
  expect_matches_brute_force(unit, 1, Metric::kCosine, true);  // only the point itself
}

TEST(ExactKnn, SteppingGivesTheSameGraphAsOneCall) {
  const VectorStore s = testing::store_of(testing::clustered_values(300, 20, 6, 4), 20);
  const PointMatrix unit = PointMatrix::gather(s, all_rows(s), true);
  ExactKnn search(unit, 10, Metric::kCosine, false);
  double last = 0;
  size_t calls = 0;
  while (!search.step(2000)) {
    EXPECT_GE(search.progress(), last);
    last = search.progress();
    ++calls;
  }
  EXPECT_GT(calls, 10u);
  EXPECT_EQ(search.progress(), 1.0);
  const KnnGraph a = search.take();
  const KnnGraph b = exact_knn(unit, 10, Metric::kCosine, false);
  EXPECT_EQ(a.indices, b.indices);
  EXPECT_EQ(a.distances, b.distances);
  EXPECT_THROW(search.take(), Error);
}

TEST(ExactKnn, TiesGoToTheLowerIndex) {
  // Four copies of one direction and one other point: the copies tie at distance 0.
  const VectorStore s({"a", "b", "c", "d", "e"}, 2, {1, 0, 2, 0, 3, 0, 4, 0, 0, 1});
  const KnnGraph g = exact_knn(PointMatrix::gather(s, all_rows(s), true), 2, Metric::kCosine, false);
  EXPECT_EQ(g.neighbours(2)[0], 0u);
  EXPECT_EQ(g.neighbours(2)[1], 1u);
  EXPECT_EQ(g.neighbours(0)[0], 1u);
  EXPECT_EQ(g.neighbours(0)[1], 2u);
}

TEST(ExactKnn, RejectsKOutOfRange) {
  const VectorStore s = testing::store_of(testing::clustered_values(10, 3, 2, 5), 3);
  const PointMatrix unit = PointMatrix::gather(s, all_rows(s), true);
  EXPECT_THROW(ExactKnn(unit, 0, Metric::kCosine, false), Error);
  EXPECT_THROW(ExactKnn(unit, 10, Metric::kCosine, false), Error);  // only 9 others
  EXPECT_NO_THROW(ExactKnn(unit, 10, Metric::kCosine, true));
  EXPECT_THROW(ExactKnn(unit, 11, Metric::kCosine, true), Error);
}

}  // namespace
}  // namespace playground
