#include "maps/space_tree.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "common/random.h"

namespace playground {
namespace {

std::vector<double> random_points(size_t n, size_t dims, uint64_t seed) {
  Random rng(seed);
  std::vector<double> y(n * dims);
  for (double& v : y) v = 3 * rng.normal();
  return y;
}

// Direct sums over all other points: Z_i and the force sum_j w f (y_i - y_j).
double direct(const std::vector<double>& y, size_t dims, size_t i, double dof, double* force) {
  double z = 0;
  for (size_t j = 0; j < y.size() / dims; ++j) {
    if (j == i) continue;
    double d2 = 0;
    for (size_t d = 0; d < dims; ++d) d2 += (y[i * dims + d] - y[j * dims + d]) * (y[i * dims + d] - y[j * dims + d]);
    const double f = dof / (dof + d2), w = std::pow(f, (dof + 1) / 2);
    z += w;
    for (size_t d = 0; d < dims; ++d) force[d] += w * f * (y[i * dims + d] - y[j * dims + d]);
  }
  return z;
}

TEST(SpaceTree, ThetaZeroGivesTheDirectSums) {
  for (size_t dims : {2, 3}) {
    for (double dof : {1.0, 2.0}) {
      const size_t n = 97;
      const std::vector<double> y = random_points(n, dims, 91 + dims);
      SpaceTree tree(dims);
      tree.build(y.data(), n);
      std::vector<double> all(n * dims, 0.0);
      const double z_all = tree.repulsion_all(y.data(), 0.0, dof, all.data());
      double z_direct = 0;
      for (size_t i = 0; i < n; ++i) {
        double want[3] = {0, 0, 0}, got[3] = {0, 0, 0};
        z_direct += direct(y, dims, i, dof, want);
        const double zi = tree.repulsion(y.data() + i * dims, 0.0, dof, got);
        EXPECT_NEAR(zi, direct(y, dims, i, dof, std::vector<double>(3).data()), 1e-12 * n);
        for (size_t d = 0; d < dims; ++d) {
          EXPECT_NEAR(got[d], want[d], 1e-12 * n);
          EXPECT_NEAR(all[i * dims + d], want[d], 1e-12 * n);
        }
      }
      EXPECT_NEAR(z_all, z_direct, 1e-10 * z_direct);
    }
  }
}

TEST(SpaceTree, GroupWalkIsAtLeastAsAccurateAsThePerPointWalk) {
  const size_t n = 2000;
  const std::vector<double> y = random_points(n, 2, 92);
  SpaceTree tree(2);
  tree.build(y.data(), n);
  std::vector<double> exact(n * 2, 0.0), per_point(n * 2, 0.0), group(n * 2, 0.0);
  for (size_t i = 0; i < n; ++i) {
    direct(y, 2, i, 1.0, exact.data() + i * 2);
    tree.repulsion(y.data() + i * 2, 0.5, 1.0, per_point.data() + i * 2);
  }
  tree.repulsion_all(y.data(), 0.5, 1.0, group.data());
  double err_point = 0, err_group = 0, norm = 0;
  for (size_t e = 0; e < n * 2; ++e) {
    err_point += (per_point[e] - exact[e]) * (per_point[e] - exact[e]);
    err_group += (group[e] - exact[e]) * (group[e] - exact[e]);
    norm += exact[e] * exact[e];
  }
  EXPECT_LT(std::sqrt(err_point / norm), 0.03);
  EXPECT_LE(err_group, err_point);
}

TEST(SpaceTree, DuplicatePointsShareALeafAndSkipEachOther) {
  // Three copies of one point (within 1e-6) and one other point: the copies form one leaf of
  // size 3, which scikit-learn's walk skips for each of them (they repel only the fourth).
  const std::vector<double> y = {0, 0, 5e-7, 0, 0, -5e-7, 3, 4};
  SpaceTree tree(2);
  tree.build(y.data(), 4);
  double f[2] = {0, 0};
  EXPECT_NEAR(tree.repulsion(y.data(), 0.0, 1.0, f), 1.0 / 26, 1e-9);
  double g[2] = {0, 0};
  EXPECT_NEAR(tree.repulsion(y.data() + 6, 0.0, 1.0, g), 3.0 / 26, 1e-9);  // one leaf, size 3
  EXPECT_EQ(tree.depth_first_order().size(), 4u);
}

}  // namespace
}  // namespace playground
