#include "maps/sparse_graph.h"

#include <gtest/gtest.h>

namespace playground {
namespace {

// Three points, two neighbours each:  0 -> {1, 2}, 1 -> {0, 2}, 2 -> {1, 0}.
const std::vector<uint32_t> kIndices = {1, 2, 0, 2, 1, 0};
const std::vector<float> kWeights = {0.5f, 0.25f, 1.0f, 0.0f, 0.75f, 0.5f};

TEST(SparseGraph, SumAddsBothDirections) {
  const SparseGraph g = symmetrize(3, 2, kIndices.data(), kWeights.data(), Symmetrization::kSum);
  EXPECT_EQ(g.n, 3u);
  EXPECT_FLOAT_EQ(g.at(0, 1), 1.5f);
  EXPECT_FLOAT_EQ(g.at(1, 0), 1.5f);
  EXPECT_FLOAT_EQ(g.at(0, 2), 0.75f);
  EXPECT_FLOAT_EQ(g.at(1, 2), 0.75f);
  EXPECT_EQ(g.nnz(), 6u);
  EXPECT_EQ(g.upper_start, (std::vector<uint32_t>{0, 3, 6}));  // rows {1, 2}, {0, 2}, {0, 1}
  for (size_t i = 0; i < 3; ++i) {
    for (uint32_t e = g.row_start[i] + 1; e < g.row_start[i + 1]; ++e) EXPECT_LT(g.cols[e - 1], g.cols[e]);
  }
}

TEST(SparseGraph, FuzzyUnionIsProbabilisticOr) {
  const SparseGraph g = symmetrize(3, 2, kIndices.data(), kWeights.data(), Symmetrization::kFuzzyUnion);
  EXPECT_FLOAT_EQ(g.at(0, 1), 0.5f + 1.0f - 0.5f);
  EXPECT_FLOAT_EQ(g.at(0, 2), 0.25f + 0.5f - 0.125f);
  EXPECT_FLOAT_EQ(g.at(2, 1), 0.75f);  // 1 -> 2 has weight 0
}

TEST(SparseGraph, DropsZeroEdgesAndSelfLoops) {
  const std::vector<uint32_t> idx = {0, 1, 0, 1};
  const std::vector<float> w = {1.0f, 0.0f, 0.0f, 0.5f};
  const SparseGraph g = symmetrize(2, 2, idx.data(), w.data(), Symmetrization::kSum);
  EXPECT_EQ(g.nnz(), 0u);
  EXPECT_EQ(g.at(0, 1), 0.0f);
}

}  // namespace
}  // namespace playground
