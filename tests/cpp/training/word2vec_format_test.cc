#include "training/word2vec_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "common/error.h"
#include "common/random.h"

namespace playground {
namespace {

TEST(Word2VecFormat, FloatsPrintAsNumpyRepr) {
  // repr(np.float32(v)) in numpy 1.24.2.
  const std::pair<float, const char*> cases[] = {
      {0.1f, "0.1"}, {-0.5f, "-0.5"}, {1.0f, "1.0"}, {3.0f, "3.0"}, {123456789.0f, "123456790.0"},
      {1e-4f, "1e-04"}, {9.99e-5f, "9.99e-05"}, {1e-5f, "1e-05"}, {1.5e-5f, "1.5e-05"},
      {-2.5e16f, "-2.5e+16"}, {1e16f, "1e+16"}, {9.999e15f, "9999000000000000.0"},
      {0.00012345678f, "0.00012345678"}, {0.012345679f, "0.012345679"}, {-0.0f, "-0.0"}, {0.0f, "0.0"},
      {1.17549435e-38f, "1.1754944e-38"}, {1.4e-45f, "1e-45"}, {3.4028235e38f, "3.4028235e+38"},
      {16777216.0f, "16777216.0"}, {0.3333333333f, "0.33333334"}, {0.0009765625f, "0.0009765625"},
      {100.0f, "100.0"}};
  for (const auto& [value, expected] : cases) EXPECT_EQ(format_float32(value), expected) << expected;
  EXPECT_EQ(format_float32(std::numeric_limits<float>::infinity()), "inf");
}

TEST(Word2VecFormat, EveryFloatReadsBackExactly) {
  Random r(11);
  for (int i = 0; i < 20000; ++i) {
    const float x = float((r.uniform() * 2 - 1) * std::pow(10.0, double(r.below(12)) - 8));
    const std::string s = format_float32(x);
    ASSERT_EQ(std::strtof(s.c_str(), nullptr), x) << s;
  }
}

TEST(Word2VecFormat, HeaderThenOneLinePerWord) {
  EXPECT_EQ(word2vec_text({"kedi", "köpek"}, 2, {0.5f, -1.0f, 0.25f, 2.0f}), "2 2\nkedi 0.5 -1.0\nköpek 0.25 2.0\n");
  EXPECT_THROW(word2vec_text({"a b"}, 1, {1.0f}), Error);
  EXPECT_THROW(word2vec_text({"a"}, 2, {1.0f}), Error);
}

}  // namespace
}  // namespace playground
