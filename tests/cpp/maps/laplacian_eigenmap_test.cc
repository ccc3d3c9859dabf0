#include "maps/laplacian_eigenmap.h"

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "map_test_util.h"
#include "maps/knn.h"
#include "maps/umap_graph.h"

namespace playground {
namespace {

// A connected neighbour graph: one Gaussian cloud (separate clusters would make the graph
// disconnected, and the second eigenvalue 0).
SparseGraph knn_graph(size_t n, uint64_t seed) {
  const VectorStore s = testing::store_of(testing::clustered_values(n, 10, 1, seed), 10);
  const KnnGraph knn = exact_knn(PointMatrix::gather(s, all_rows(s), false), 12, Metric::kEuclidean, true);
  return umap_fuzzy_graph(knn, std::numeric_limits<float>::infinity());
}

// The reference: Eigen's dense solver on the dense normalized Laplacian.
Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> dense_laplacian(const SparseGraph& g) {
  const Eigen::Index n = Eigen::Index(g.n);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (size_t i = 0; i < g.n; ++i) {
    for (uint32_t e = g.row_start[i]; e < g.row_start[i + 1]; ++e) w(Eigen::Index(i), Eigen::Index(g.cols[e])) = g.values[e];
  }
  const Eigen::VectorXd d = w.rowwise().sum().cwiseSqrt().cwiseInverse();
  const Eigen::MatrixXd l = Eigen::MatrixXd::Identity(n, n) - d.asDiagonal() * w * d.asDiagonal();
  return Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(l);
}

void expect_eigenpairs(const LaplacianEigenmap& map, const SparseGraph& g, size_t dims, double tol) {
  const auto ref = dense_laplacian(g);
  ASSERT_TRUE(map.done());
  EXPECT_TRUE(map.converged());
  ASSERT_EQ(map.coords().size(), g.n * dims);
  for (size_t c = 0; c < dims; ++c) {
    EXPECT_NEAR(map.eigenvalues()[c], ref.eigenvalues()[Eigen::Index(c + 1)], tol) << c;
    // Same vector up to sign: |<ours, reference>| = 1 for unit vectors.
    double along = 0, len = 0;
    for (size_t i = 0; i < g.n; ++i) {
      along += map.coords()[i * dims + c] * ref.eigenvectors()(Eigen::Index(i), Eigen::Index(c + 1));
      len += map.coords()[i * dims + c] * map.coords()[i * dims + c];
    }
    EXPECT_NEAR(len, 1.0, 1e-9);
    EXPECT_NEAR(std::fabs(along), 1.0, 1e-4) << c;
  }
}

TEST(LaplacianEigenmap, SmallGraphsAreSolvedDensely) {
  const SparseGraph g = knn_graph(120, 41);
  LaplacianEigenmap map(g, 2);
  EXPECT_TRUE(map.done());  // nothing left to step
  expect_eigenpairs(map, g, 2, 1e-10);
}

TEST(LaplacianEigenmap, LanczosMatchesTheDenseSolver) {
  for (size_t dims : {2, 3}) {
    const SparseGraph g = knn_graph(600, 42);
    LaplacianEigenmap map(g, dims);
    size_t calls = 0;
    while (!map.step(5)) ++calls;
    EXPECT_GT(calls, 1u);
    // Residual 1e-4 bounds the eigenvalue error by ~1e-8 / gap; these are well separated.
    expect_eigenpairs(map, g, dims, 1e-6);
  }
}

TEST(LaplacianEigenmap, SignPutsTheLargestEntryPositive) {
  const SparseGraph g = knn_graph(300, 43);
  LaplacianEigenmap map(g, 2);
  while (!map.step(100)) {
  }
  for (size_t c = 0; c < 2; ++c) {
    double best = 0;
    for (size_t i = 0; i < g.n; ++i) {
      if (std::fabs(map.coords()[i * 2 + c]) > std::fabs(best)) best = map.coords()[i * 2 + c];
    }
    EXPECT_GT(best, 0);
  }
}

}  // namespace
}  // namespace playground
