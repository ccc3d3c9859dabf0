#include "maps/tsne_gradient.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "common/random.h"
#include "map_test_util.h"
#include "maps/knn.h"
#include "maps/tsne_affinities.h"

namespace playground {
namespace {

SparseGraph small_affinities(size_t n, double perplexity) {
  const VectorStore s = testing::store_of(testing::clustered_values(n, 6, 3, 21), 6);
  const PointMatrix unit = PointMatrix::gather(s, all_rows(s), true);
  return tsne_affinities(exact_knn(unit, tsne_neighbour_count(n, perplexity), Metric::kCosine, false), perplexity);
}

std::vector<double> random_map(size_t n, size_t dims, uint64_t seed) {
  Random rng(seed);
  std::vector<double> y(n * dims);
  for (double& v : y) v = rng.normal();
  return y;
}

// The cost with the exact normaliser Z, straight from the definitions.
double exact_cost(const SparseGraph& p, const std::vector<double>& y, size_t dims, double dof) {
  double z = 0;
  for (size_t i = 0; i < p.n; ++i) {
    for (size_t j = 0; j < p.n; ++j) {
      if (i == j) continue;
      double d2 = 0;
      for (size_t d = 0; d < dims; ++d) d2 += (y[i * dims + d] - y[j * dims + d]) * (y[i * dims + d] - y[j * dims + d]);
      z += std::pow(1 + d2 / dof, -(dof + 1) / 2);
    }
  }
  return tsne_kl_divergence(p, y.data(), dims, dof, z);
}

class TsneGradientTest : public ::testing::TestWithParam<std::pair<size_t, double>> {};

TEST_P(TsneGradientTest, ExactGradientMatchesFiniteDifferences) {
  const auto [dims, dof] = GetParam();
  const size_t n = 25;
  const SparseGraph p = small_affinities(n, 4.0);
  std::vector<double> y = random_map(n, dims, 5);
  std::vector<double> grad(n * dims);
  tsne_exact_gradient(p, y.data(), dims, dof, 1.0, grad.data());
  const double h = 1e-6;
  double worst = 0, norm = 0;
  for (size_t e = 0; e < n * dims; ++e) {
    const double keep = y[e];
    y[e] = keep + h;
    const double up = exact_cost(p, y, dims, dof);
    y[e] = keep - h;
    const double down = exact_cost(p, y, dims, dof);
    y[e] = keep;
    const double numeric = (up - down) / (2 * h);
    worst = std::max(worst, std::fabs(numeric - grad[e]));
    norm = std::max(norm, std::fabs(numeric));
  }
  EXPECT_GT(norm, 1e-3);
  EXPECT_LT(worst, 1e-6 * (1 + norm)) << "largest difference from the finite-difference gradient";
}

TEST_P(TsneGradientTest, BarnesHutWithThetaZeroIsTheExactGradient) {
  const auto [dims, dof] = GetParam();
  const size_t n = 60;
  const SparseGraph p = small_affinities(n, 5.0);
  const std::vector<double> y = random_map(n, dims, 6);
  std::vector<double> exact(n * dims), bh(n * dims);
  const double z_exact = tsne_exact_gradient(p, y.data(), dims, dof, 12.0, exact.data());
  SpaceTree tree(dims);
  const double z_bh = tsne_barnes_hut_gradient(p, y.data(), dims, dof, 12.0, 0.0, &tree, bh.data());
  EXPECT_NEAR(z_bh, z_exact, 1e-10 * z_exact);
  for (size_t e = 0; e < n * dims; ++e) EXPECT_NEAR(bh[e], exact[e], 1e-10 * (1 + std::fabs(exact[e])));
}

TEST_P(TsneGradientTest, BarnesHutWithThetaHalfIsClose) {
  const auto [dims, dof] = GetParam();
  const size_t n = 400;
  const SparseGraph p = small_affinities(n, 10.0);
  const std::vector<double> y = random_map(n, dims, 7);
  std::vector<double> exact(n * dims), bh(n * dims);
  const double z_exact = tsne_exact_gradient(p, y.data(), dims, dof, 1.0, exact.data());
  SpaceTree tree(dims);
  const double z_bh = tsne_barnes_hut_gradient(p, y.data(), dims, dof, 1.0, 0.5, &tree, bh.data());
  EXPECT_NEAR(z_bh, z_exact, 0.02 * z_exact);
  double err = 0, norm = 0;
  for (size_t e = 0; e < n * dims; ++e) {
    err += (bh[e] - exact[e]) * (bh[e] - exact[e]);
    norm += exact[e] * exact[e];
  }
  EXPECT_LT(std::sqrt(err / norm), 0.05);
}

INSTANTIATE_TEST_SUITE_P(DimsAndDegreesOfFreedom, TsneGradientTest,
                         ::testing::Values(std::make_pair(size_t(2), 1.0), std::make_pair(size_t(3), 2.0),
                                           std::make_pair(size_t(3), 1.0), std::make_pair(size_t(2), 0.5)));

TEST(TsneGradient, KlDivergenceOfAPerfectMatchIsZero) {
  // Two points: P puts all mass on the pair, and so does Q whatever the distance.
  SparseGraph p;
  p.n = 2;
  p.row_start = {0, 1, 2};
  p.cols = {1, 0};
  p.values = {0.5f, 0.5f};
  const std::vector<double> y = {0, 0, 3, 4};
  const double w = 1.0 / (1 + 25);
  EXPECT_NEAR(tsne_kl_divergence(p, y.data(), 2, 1.0, 2 * w), 0.0, 1e-12);
}

}  // namespace
}  // namespace playground
