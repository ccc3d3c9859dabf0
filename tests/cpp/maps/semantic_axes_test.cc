#include "maps/semantic_axes.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"

namespace playground {
namespace {

// he = (1, 0, 0), she = (0, 1, 0), a = (2, 0, 0), b = (0, 0, 3), c = (0, 4, 0),
// v1 = (1, 1, 1), v2 = (0, 2, 0), v3 = (1, 1, 0).
VectorStore axes_store() {
  return VectorStore({"he", "she", "a", "b", "c", "v1", "v2", "v3"}, 3,
                     {1, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 3, 0, 4, 0, 1, 1, 1, 0, 2, 0, 1, 1, 0});
}

TEST(SemanticAxes, PairAxisIsCosineWithTheDifferenceOfUnitVectors) {
  // he -> she: direction (-1, 1, 0). cos(v1, d) = 0 / (sqrt 3 sqrt 2) = 0;
  // cos(v2, d) = 2 / (2 sqrt 2) = 0.70710678; she itself: 1 / sqrt 2; he: -1 / sqrt 2.
  const VectorStore s = axes_store();
  const std::vector<double> x = semantic_axes(s, {5, 6, 1, 0}, {SemanticAxis{{0}, {1}}});
  ASSERT_EQ(x.size(), 4u);
  EXPECT_NEAR(x[0], 0.0, 1e-7);
  EXPECT_NEAR(x[1], 1 / std::sqrt(2.0), 1e-7);
  EXPECT_NEAR(x[2], 1 / std::sqrt(2.0), 1e-7);
  EXPECT_NEAR(x[3], -1 / std::sqrt(2.0), 1e-7);
}

TEST(SemanticAxes, GroupAxisAveragesUnitVectors) {
  // from {a, b}: mean of units (0.5, 0, 0.5); to {c}: (0, 1, 0); direction (-0.5, 1, -0.5),
  // |direction| = sqrt 1.5. cos(v3, d) = 0.5 / (sqrt 2 sqrt 1.5) = 0.28867513. The lengths of
  // a, b and c (2, 3, 4) do not matter.
  const VectorStore s = axes_store();
  const std::vector<double> d = semantic_direction(s, SemanticAxis{{2, 3}, {4}});
  EXPECT_NEAR(d[0], -0.5, 1e-7);
  EXPECT_NEAR(d[1], 1.0, 1e-7);
  EXPECT_NEAR(d[2], -0.5, 1e-7);
  const std::vector<double> xy = semantic_axes(s, {7}, {SemanticAxis{{2, 3}, {4}}, SemanticAxis{{0}, {1}}});
  ASSERT_EQ(xy.size(), 2u);
  EXPECT_NEAR(xy[0], 0.5 / (std::sqrt(2.0) * std::sqrt(1.5)), 1e-7);
  EXPECT_NEAR(xy[1], 0.0, 1e-7);  // v3 is as near "he" as "she"
}

TEST(SemanticAxes, RejectsEmptyGroupsSameEndsAndAxisCounts) {
  const VectorStore s = axes_store();
  EXPECT_THROW(semantic_axes(s, {5}, {SemanticAxis{{}, {1}}}), Error);
  EXPECT_THROW(semantic_axes(s, {5}, {SemanticAxis{{1}, {1}}}), Error);     // same word both ends
  EXPECT_THROW(semantic_axes(s, {5}, {SemanticAxis{{0}, {2}}}), Error);     // he and a: same direction
  EXPECT_THROW(semantic_axes(s, {5}, {}), Error);
  const SemanticAxis ok{{0}, {1}};
  EXPECT_THROW(semantic_axes(s, {5}, {ok, ok, ok, ok}), Error);
  EXPECT_THROW(semantic_axes(s, {}, {ok}), Error);
  EXPECT_THROW(semantic_axes(s, {5, 5}, {ok}), Error);
}

}  // namespace
}  // namespace playground
