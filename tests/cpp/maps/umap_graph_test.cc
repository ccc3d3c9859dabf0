#include "maps/umap_graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace playground {
namespace {

// Five points on a line, x = 0, 1, 3, 7, 12, with n_neighbors = 3 (the point and 2 others).
// By hand: each point's nearest other neighbour is at rho, so its weight is 1, and the
// second one's weight c solves 1 + c = log2(3): c = log2(3) - 1 = 0.5849625. Hence
// sigma_i = (d_second - rho_i) / ln(1 / c). The directed weights are
//   0 -> 1: 1, 0 -> 2: c;  1 -> 0: 1, 1 -> 2: c;  2 -> 1: 1, 2 -> 0: c;
//   3 -> 2: 1, 3 -> 4: c;  4 -> 3: 1, 4 -> 2: c,
// and the fuzzy union a + b - ab gives
//   (0,1) = 1, (0,2) = 2c - c^2, (1,2) = 1, (2,3) = 1, (3,4) = 1, (2,4) = c.
KnnGraph line_knn() {
  return exact_knn(PointMatrix({0, 1, 3, 7, 12}, 5, 1), 3, Metric::kEuclidean, true);
}

const double kC = std::log2(3.0) - 1;

TEST(UmapGraph, SigmasAndRhosByHand) {
  const SmoothKnnDistances s = smooth_knn_dist(line_knn());
  const double log_inv_c = std::log(1 / kC);
  const double rho[] = {1, 1, 2, 4, 5};
  const double second[] = {3, 2, 3, 5, 9};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_FLOAT_EQ(s.rhos[i], float(rho[i])) << i;
    // The bisection stops within 1e-5 of the target sum.
    EXPECT_NEAR(s.sigmas[i], (second[i] - rho[i]) / log_inv_c, 1e-4 * s.sigmas[i]) << i;
  }
}

TEST(UmapGraph, FuzzyUnionWeightsByHand) {
  const SparseGraph g = umap_fuzzy_graph(line_knn(), std::numeric_limits<float>::infinity());
  const double tol = 2e-5;
  EXPECT_NEAR(g.at(0, 1), 1.0, tol);
  EXPECT_NEAR(g.at(0, 2), 2 * kC - kC * kC, tol);
  EXPECT_NEAR(g.at(1, 2), 1.0, tol);
  EXPECT_NEAR(g.at(2, 3), 1.0, tol);
  EXPECT_NEAR(g.at(3, 4), 1.0, tol);
  EXPECT_NEAR(g.at(2, 4), kC, tol);
  EXPECT_EQ(g.nnz(), 12u);  // six undirected edges, stored both ways
  for (size_t i = 0; i < 5; ++i) {
    for (size_t j = 0; j < 5; ++j) EXPECT_EQ(g.at(i, j), g.at(j, i));
    EXPECT_EQ(g.at(i, i), 0.0f);
  }
}

TEST(UmapGraph, DisconnectionDistanceDropsEdges) {
  const SparseGraph g = umap_fuzzy_graph(line_knn(), 6.0f);  // drops 4 -> 2 (distance 9)
  EXPECT_EQ(g.at(2, 4), 0.0f);
  EXPECT_NEAR(g.at(3, 4), 1.0, 2e-5);  // distance 5 stays
}

TEST(UmapGraph, DuplicatePointsGetFullMembership) {
  // Points 0 and 1 coincide: rho of 0 is the first positive distance (to 2), and the
  // duplicate, at distance 0 <= rho, gets weight 1.
  const KnnGraph knn = exact_knn(PointMatrix({0, 0, 1, 3, 6}, 5, 1), 3, Metric::kEuclidean, true);
  const SmoothKnnDistances s = smooth_knn_dist(knn);
  EXPECT_FLOAT_EQ(s.rhos[0], 1.0f);
  const SparseGraph g = umap_fuzzy_graph(knn, std::numeric_limits<float>::infinity());
  EXPECT_NEAR(g.at(0, 1), 1.0, 1e-6);
}

}  // namespace
}  // namespace playground
