#include "common/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

namespace playground {
namespace {

TEST(Random, SameSeedSameStreamOnEveryPlatform) {
  // Pinned so that native and WebAssembly builds (and later versions) give the same stream.
  Random a(0), b(0), c(1);
  EXPECT_EQ(a.next(), 11091344671253066420ULL);
  b.next();
  EXPECT_EQ(a.next(), b.next());
  EXPECT_NE(Random(0).next(), c.next());
}

TEST(Random, UniformAndBelowStayInRange) {
  Random r(7);
  std::vector<int> counts(10, 0);
  for (int i = 0; i < 100000; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    const uint64_t k = r.below(10);
    ASSERT_LT(k, 10u);
    ++counts[k];
  }
  for (int c : counts) EXPECT_NEAR(c, 10000, 500);
}

TEST(Random, NormalHasMeanZeroAndUnitVariance) {
  Random r(3);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double x = r.normal();
    sum += x;
    sum2 += x * x;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.01);
}

TEST(Random, ShuffleIsAPermutation) {
  Random r(5);
  std::vector<int> v(1000);
  std::iota(v.begin(), v.end(), 0);
  r.shuffle(v.data(), v.size());
  EXPECT_FALSE(std::is_sorted(v.begin(), v.end()));
  std::sort(v.begin(), v.end());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(v[i], i);
}

}  // namespace
}  // namespace playground
