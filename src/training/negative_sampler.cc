#include "training/negative_sampler.h"

#include <algorithm>

namespace playground {

NegativeSampler::NegativeSampler(const std::vector<uint32_t>& cum_table) : cum_(cum_table), total_(cum_table.back()) {
  // About four buckets per word, at most 2^16 of them.
  uint32_t bits = 1;
  while (bits < 16 && (uint64_t(1) << bits) < uint64_t(cum_table.size()) * 4) ++bits;
  uint32_t top = 0;  // bits needed for values below total_
  while (top < 32 && (uint64_t(1) << top) < total_) ++top;
  shift_ = top > bits ? top - bits : 0;
  const uint64_t buckets = ((total_ - 1) >> shift_) + 1;
  start_.resize(buckets + 1);
  for (uint64_t b = 0; b < buckets; ++b) {
    start_[b] = uint32_t(std::lower_bound(cum_table.begin(), cum_table.end(), uint32_t(b << shift_)) - cum_table.begin());
  }
  // x < cum.back(), so the answer in the last bucket is at most size − 1; in bucket b it lies
  // in [start_[b], start_[b + 1]], which bisection over [lo, hi) covers (it may return hi).
  start_[buckets] = uint32_t(cum_table.size() - 1);
}

}  // namespace playground
