#include "training/numpy_argsort.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/random.h"

namespace playground {
namespace {

TEST(NumpyArgsort, TieOrderIsNumpys) {
  // np.argsort(np.array([(i * 7919) % 13 for i in range(60)], dtype=np.int64)) in numpy 1.24.2.
  std::vector<int64_t> keys;
  for (int i = 0; i < 60; ++i) keys.push_back((i * 7919) % 13);
  const std::vector<uint32_t> expected = {
      0,  52, 39, 26, 13, 46, 33, 20, 59, 7,  27, 53, 1,  14, 40, 8,  21, 34, 47, 2,
      41, 15, 54, 28, 48, 35, 9,  22, 29, 55, 16, 42, 3,  10, 49, 23, 36, 56, 17, 43,
      4,  30, 37, 24, 11, 50, 31, 57, 5,  44, 18, 12, 25, 38, 51, 32, 58, 45, 19, 6};
  EXPECT_EQ(numpy_argsort(keys), expected);
}

TEST(NumpyArgsort, SortsLargeInputsWithManyTies) {
  Random r(5);
  std::vector<int64_t> keys(100000);
  for (auto& k : keys) k = int64_t(r.below(50));
  const std::vector<uint32_t> order = numpy_argsort(keys);
  std::vector<uint32_t> seen(keys.size(), 0);
  for (size_t i = 0; i < order.size(); ++i) {
    ++seen[order[i]];
    if (i) ASSERT_LE(keys[order[i - 1]], keys[order[i]]);
  }
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](uint32_t n) { return n == 1; }));
}

TEST(NumpyArgsort, EmptyAndSingle) {
  EXPECT_TRUE(numpy_argsort({}).empty());
  EXPECT_EQ(numpy_argsort({7}), std::vector<uint32_t>{0});
}

}  // namespace
}  // namespace playground
