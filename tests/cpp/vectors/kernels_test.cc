#include "vectors/kernels.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace playground {
namespace {

TEST(Kernels, DotRowsMatchesTheReferenceForEveryTailLength) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> value(-1, 1);
  for (size_t dim : {1u, 3u, 4u, 5u, 8u, 12u, 100u, 101u, 300u}) {
    const size_t rows = 17;
    std::vector<float> matrix(rows * dim), query(dim), fast(rows), slow(rows);
    for (float& x : matrix) x = value(rng);
    for (float& x : query) x = value(rng);
    dot_rows(matrix.data(), rows, dim, query.data(), fast.data());
    dot_rows_reference(matrix.data(), rows, dim, query.data(), slow.data());
    for (size_t i = 0; i < rows; ++i) EXPECT_NEAR(fast[i], slow[i], 1e-5f * dim) << "dim " << dim << " row " << i;
  }
}

}  // namespace
}  // namespace playground
