#include "vectors/pca.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

TEST(Pca, ProjectsOntoTheDirectionOfLargestVariance) {
  // Points on a line along (1, 1, 0) plus a little noise along z, uncorrelated with it.
  const VectorStore s({"a", "b", "c", "d"}, 3,
                      {1, 1, 0.1f, 2, 2, -0.1f, 3, 3, -0.1f, 4, 4, 0.1f});
  const PcaResult r = pca(s, {0, 1, 2, 3}, 2, false);
  ASSERT_EQ(r.coords.size(), 8u);
  // First component: distance along the line from the centre, sqrt(2) per step; the point
  // of largest magnitude (a or d, a tie) is made positive.
  EXPECT_NEAR(std::fabs(r.coords[0]), 1.5 * std::sqrt(2.0), 1e-5);
  EXPECT_NEAR(r.coords[0] + r.coords[6], 0.0, 1e-5);
  const double var1 = r.explained_variance[0], var2 = r.explained_variance[1];
  EXPECT_NEAR(var1, (2 * 2.25 + 2 * 0.25) * 2 / 3.0, 1e-5);  // ddof = 1
  EXPECT_NEAR(var2, 4 * 0.01 / 3.0, 1e-6);
  EXPECT_NEAR(r.explained_variance_ratio[0] + r.explained_variance_ratio[1], 1.0, 1e-9);
  EXPECT_GT(r.explained_variance_ratio[0], 0.99);
}

TEST(Pca, SignPutsTheLargestCoordinatePositive) {
  const VectorStore s({"a", "b", "c"}, 2, {1, 1, 2, 1, 12, 1});
  const PcaResult r = pca(s, {0, 1, 2}, 1, false);
  EXPECT_GT(r.coords[2], 0);  // c is farthest from the mean
}

TEST(Pca, RejectsTooFewWordsOrComponents) {
  const VectorStore s = testing::toy_store();
  EXPECT_THROW(pca(s, {0}, 1, false), Error);
  EXPECT_THROW(pca(s, {0, 1}, 3, false), Error);
  EXPECT_THROW(pca(s, {0, 1, 2, 3}, 4, false), Error);  // dim is 3
  EXPECT_THROW(pca(s, {0, 1, 2}, 0, true), Error);
  EXPECT_NO_THROW(pca(s, {0, 1, 2}, 3, true));
}

}  // namespace
}  // namespace playground
