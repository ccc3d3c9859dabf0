#include "maps/perplexity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "common/random.h"

namespace playground {
namespace {

TEST(Perplexity, EveryRowHitsTheTargetEntropy) {
  Random rng(11);
  const size_t n = 50, k = 40;
  std::vector<float> sq(n * k);
  for (float& d : sq) d = float(5 * rng.uniform() * rng.uniform());
  for (double perplexity : {2.0, 5.0, 13.3, 30.0}) {
    std::vector<float> p(n * k);
    std::vector<double> betas(n);
    binary_search_perplexity(sq.data(), n, k, perplexity, p.data(), betas.data());
    for (size_t i = 0; i < n; ++i) {
      double sum = 0;
      for (size_t j = 0; j < k; ++j) sum += p[i * k + j];
      EXPECT_NEAR(sum, 1.0, 1e-6);
      // Tolerance 1e-5 nats in the search, plus the rounding of p to float.
      EXPECT_NEAR(row_entropy(p.data() + i * k, k), std::log(perplexity), 2e-5) << "row " << i;
      EXPECT_GT(betas[i], 0);
    }
  }
}

TEST(Perplexity, MatchesScikitLearn) {
  // Oracle: sklearn.manifold._utils._binary_search_perplexity (scikit-learn 1.2.1) on these
  // float32 rows (inside a 6 x 5 array, so that they are neighbour lists), perplexity 3.
  const std::vector<float> sq = {1, 2, 3, 4, 5, 0.5f, 0.5f, 0.5f, 4, 9};
  const std::vector<double> want = {0.589491455, 0.246427502, 0.103015088, 0.0430638146, 0.018002141,
                                    0.333333241, 0.333333241, 0.333333241, 2.77176163e-07, 5.71302652e-16};
  std::vector<float> p(10);
  binary_search_perplexity(sq.data(), 2, 5, 3.0, p.data(), nullptr);
  for (size_t e = 0; e < 10; ++e) EXPECT_NEAR(p[e], want[e], 1e-7 + 1e-6 * want[e]) << e;
}

TEST(Perplexity, EqualDistancesGiveAUniformRowOrScikitLearnsZeros) {
  const std::vector<float> sq = {2, 2, 2, 2};
  std::vector<float> p(4);
  binary_search_perplexity(sq.data(), 1, 4, 4.0, p.data(), nullptr);  // entropy log 4: reachable
  for (float v : p) EXPECT_FLOAT_EQ(v, 0.25f);
  // Perplexity 2 cannot be reached: the search drives beta up until exp() underflows, and the
  // row comes out all zero, as scikit-learn 1.2's does (checked with _binary_search_perplexity).
  binary_search_perplexity(sq.data(), 1, 4, 2.0, p.data(), nullptr);
  for (float v : p) EXPECT_EQ(v, 0.0f);
}

}  // namespace
}  // namespace playground
