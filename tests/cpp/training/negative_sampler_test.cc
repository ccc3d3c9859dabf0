#include "training/negative_sampler.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/random.h"

namespace playground {
namespace {

uint32_t bisect_left_mod(const std::vector<uint32_t>& cum, uint64_t r) {
  const uint32_t x = uint32_t(r % cum.back());
  return uint32_t(std::lower_bound(cum.begin(), cum.end(), x) - cum.begin());
}

TEST(NegativeSampler, DrawsExactlyWhatBisectionOverTheWholeTableDraws) {
  Random r(9);
  for (size_t size : {1u, 2u, 3u, 17u, 1000u, 40000u}) {
    for (uint64_t total : {uint64_t(2147483647), uint64_t(1000), uint64_t(size)}) {
      // A Zipf-like table ending at `total`, with repeated entries (zero-width words) too.
      std::vector<double> weights(size);
      for (size_t i = 0; i < size; ++i) weights[i] = 1.0 / double(i + 1) * (r.below(10) == 0 ? 0.0 : 1.0) + 1e-9;
      double sum = 0;
      for (double w : weights) sum += w;
      std::vector<uint32_t> cum(size);
      double acc = 0;
      for (size_t i = 0; i < size; ++i) {
        acc += weights[i];
        cum[i] = uint32_t(acc / sum * double(total) + 0.5);
      }
      cum.back() = uint32_t(total);
      const NegativeSampler sampler(cum);
      for (int k = 0; k < 20000; ++k) {
        const uint64_t x = r.next() >> 16;
        ASSERT_EQ(sampler.draw(x), bisect_left_mod(cum, x)) << size << " " << total;
      }
      // The edges of every bucket region.
      for (uint64_t x : {uint64_t(0), total - 1, uint64_t(cum[0]), uint64_t(cum[0]) + 1}) {
        ASSERT_EQ(sampler.draw(x), bisect_left_mod(cum, x));
      }
    }
  }
}

}  // namespace
}  // namespace playground
