// Draws negative samples as gensim does: index = bisect_left(cum_table, r % cum_table[-1])
// for a random r (word2vec_inner.pyx), where cum_table is the cumulative unigram^0.75 table
// of vocabulary.h (last entry 2^31 − 1). The bisection over the whole table was ~40% of
// skip-gram's time (measured with perf on the State of the Union corpus), so a first-level
// index over the top bits narrows each search to a few entries; the answer is the same, and
// skip-gram went from 288k to 584k words/s natively.
#pragma once

#include <cstdint>
#include <vector>

namespace playground {

class NegativeSampler {
 public:
  // `cum_table` non-empty, non-decreasing, last entry > 0 (copied).
  explicit NegativeSampler(const std::vector<uint32_t>& cum_table);

  // bisect_left(cum_table, random % cum_table.back()).
  uint32_t draw(uint64_t random) const {
    // gensim's table always ends at 2^31 − 1: a constant divisor is a multiplication.
    const uint32_t x = uint32_t(total_ == kDomain ? random % kDomain : random % total_);
    uint32_t lo = start_[x >> shift_], hi = start_[(x >> shift_) + 1];
    const uint32_t* cum = cum_.data();
    while (lo < hi) {  // bisect_left within [lo, hi)
      const uint32_t mid = (lo + hi) >> 1;
      if (cum[mid] >= x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

 private:
  static constexpr uint64_t kDomain = 2147483647;
  std::vector<uint32_t> cum_;
  uint64_t total_;
  uint32_t shift_;
  std::vector<uint32_t> start_;  // start_[b] = bisect_left(cum, b << shift_), plus an end entry
};

}  // namespace playground
