// The core's seeded pseudo-random generator, for algorithms that need randomness of their own
// (sampling, shuffling, initialisation) and no particular reference stream. Where a result
// must follow a reference implementation's own generator (word2vec.c's linear congruential
// step, umap-learn's tau_rand), that generator lives beside the algorithm and says so.
//
// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018),
// seeded through SplitMix64: the same seed gives the same stream on every platform and in
// WebAssembly, unlike std::uniform_*_distribution, whose output is implementation-defined.
#pragma once

#include <cmath>
#include <cstdint>

namespace playground {

class Random {
 public:
  explicit Random(uint64_t seed) {
    for (uint64_t& word : state_) {
      seed += 0x9e3779b97f4a7c15ULL;  // SplitMix64
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
  }

  // 64 uniformly distributed bits.
  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1), with 53 random bits.
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n) without modulo bias (Lemire's multiply-shift with rejection).
  // n must be > 0.
  uint64_t below(uint64_t n) {
    for (;;) {
      const unsigned __int128 m = (unsigned __int128)next() * n;
      const uint64_t low = uint64_t(m);
      if (low >= n || low >= (0 - n) % n) return uint64_t(m >> 64);
    }
  }

  // Standard normal (mean 0, variance 1), by the Marsaglia polar method.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u, v, s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
  }

  // Fisher–Yates shuffle of [first, first + count).
  template <typename T>
  void shuffle(T* first, uint64_t count) {
    for (uint64_t i = count; i > 1; --i) {
      const uint64_t j = below(i);
      T tmp = first[i - 1];
      first[i - 1] = first[j];
      first[j] = tmp;
    }
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t state_[4];
  double spare_ = 0;
  bool has_spare_ = false;
};

}  // namespace playground
