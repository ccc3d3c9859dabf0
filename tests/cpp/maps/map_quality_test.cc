#include "maps/map_quality.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "common/random.h"
#include "map_test_util.h"

namespace playground {
namespace {

// Six points on a line at 0, 1, 3, 7, 15, 31 (all pairwise distances differ; stored shifted
// by 1, as the store refuses a zero vector), mapped to those positions with the first and last
// swapped. By hand, with k = 1, each point's map
// neighbour and its rank among the point's neighbours in the space:
//   p0 (map 31) -> p4, rank 4;  p1 (map 1) -> p5, rank 5;  p2 -> p1, rank 1;
//   p3 -> p2, rank 1;  p4 -> p3, rank 1;  p5 (map 0) -> p1, rank 4.
// T(1) = 1 - 2 / (6 * 1 * (12 - 3 - 1)) * (3 + 4 + 0 + 0 + 0 + 3) = 1 - 10 / 24 = 0.583333,
// which scikit-learn 1.2.1's trustworthiness(x, y, n_neighbors=1) also gives (and 0.6 for
// n_neighbors=2). Recall: p2, p3, p4 keep their nearest neighbour; p0, p1, p5 do not.
TEST(MapQuality, TrustworthinessAndRecallByHand) {
  const VectorStore s = testing::store_of({1, 2, 4, 8, 16, 32}, 1);
  const std::vector<double> map = {31, 1, 3, 7, 15, 0};
  const MapQualityResult r1 = map_quality(s, all_rows(s), map, 1, 1, Metric::kEuclidean);
  EXPECT_NEAR(r1.trustworthiness, 1.0 - 10.0 / 24.0, 1e-12);
  EXPECT_EQ(r1.recall, (std::vector<float>{0, 0, 1, 1, 1, 0}));
  const MapQualityResult r2 = map_quality(s, all_rows(s), map, 1, 2, Metric::kEuclidean);
  EXPECT_NEAR(r2.trustworthiness, 0.6, 1e-12);
}

// Straight from the definition: sort each full row.
double reference_trustworthiness(const PointMatrix& unit, const std::vector<double>& map, size_t dims, size_t k,
                                 std::vector<float>* recall) {
  const size_t n = unit.size();
  double penalty = 0;
  recall->assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::pair<double, size_t>> in, out;
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      double dot = 0, d2 = 0;
      for (size_t d = 0; d < unit.dim(); ++d) dot += double(unit.row(i)[d]) * unit.row(j)[d];
      for (size_t d = 0; d < dims; ++d) d2 += (map[i * dims + d] - map[j * dims + d]) * (map[i * dims + d] - map[j * dims + d]);
      in.emplace_back(1 - dot, j);
      out.emplace_back(d2, j);
    }
    std::sort(in.begin(), in.end());
    std::sort(out.begin(), out.end());
    std::vector<size_t> rank(n);
    for (size_t r = 0; r < in.size(); ++r) rank[in[r].second] = r + 1;
    for (size_t m = 0; m < k; ++m) {
      const size_t rk = rank[out[m].second];
      penalty += rk > k ? double(rk - k) : 0.0;
      (*recall)[i] += rk <= k ? float(1.0 / k) : 0.0f;
    }
  }
  return 1 - penalty * 2.0 / (double(n) * k * (2.0 * n - 3.0 * k - 1.0));
}

TEST(MapQuality, MatchesTheDefinitionOnARandomMap) {
  const size_t n = 157, dims = 2, k = 7;
  const VectorStore s = testing::store_of(testing::clustered_values(n, 12, 5, 51), 12);
  Random rng(52);
  std::vector<double> map(n * dims);
  for (size_t i = 0; i < n; ++i) {  // a map that keeps some structure: clusters plus noise
    map[i * 2] = double(i % 5) + 0.8 * rng.normal();
    map[i * 2 + 1] = 0.8 * rng.normal();
  }
  std::vector<float> want_recall;
  const double want = reference_trustworthiness(PointMatrix::gather(s, all_rows(s), true), map, dims, k, &want_recall);
  MapQuality q(s, all_rows(s), map, dims, k, Metric::kCosine);
  size_t calls = 0;
  while (!q.step(3000)) ++calls;
  EXPECT_GT(calls, 3u);
  const MapQualityResult r = q.result();
  EXPECT_NEAR(r.trustworthiness, want, 1e-9);
  ASSERT_EQ(r.recall.size(), n);
  for (size_t i = 0; i < n; ++i) EXPECT_NEAR(r.recall[i], want_recall[i], 1e-6) << i;
  EXPECT_GT(r.trustworthiness, 0.5);
  EXPECT_LT(r.trustworthiness, 1.0);
}

TEST(MapQuality, RejectsBadArguments) {
  const VectorStore s = testing::store_of(testing::clustered_values(10, 3, 2, 53), 3);
  const std::vector<double> map(20, 0.5);
  EXPECT_NO_THROW(map_quality(s, all_rows(s), map, 2, 4, Metric::kCosine));
  EXPECT_THROW(map_quality(s, all_rows(s), map, 2, 5, Metric::kCosine), Error);  // k >= n / 2
  EXPECT_THROW(map_quality(s, all_rows(s), map, 2, 0, Metric::kCosine), Error);
  EXPECT_THROW(map_quality(s, all_rows(s), map, 3, 2, Metric::kCosine), Error);  // 20 != 10 * 3
  std::vector<double> nan_map = map;
  nan_map[3] = std::nan("");
  EXPECT_THROW(map_quality(s, all_rows(s), nan_map, 2, 2, Metric::kCosine), Error);
}

}  // namespace
}  // namespace playground
