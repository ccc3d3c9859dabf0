// The inner loops of word2vec training (Mikolov et al. 2013, "Distributed Representations of
// Words and Phrases and their Compositionality", negative sampling, eq. 4), as word2vec.c and
// gensim's word2vec_inner.pyx run them, with an exact sigmoid instead of their 1000-entry
// table (see the performance note in word2vec_kernels.cc).
#pragma once

#include <cstdint>

namespace playground {

// dot(a, b) over `dim` floats; the same summation order on every platform (four-lane partial
// sums), so results are identical natively and in WebAssembly.
float dot(const float* a, const float* b, uint32_t dim);

// y += a * x over `dim` floats.
void axpy(float a, const float* x, float* y, uint32_t dim);

// One negative-sampling example: `hidden` (dim floats, the input vector or CBOW's context
// mean) predicts targets[0] (label 1) against targets[1..count) (label 0), rows of `output`
// (row-major, dim floats per row). For each target in order, as gensim does:
//   f = hidden · out_t;  g = (label − σ(f)) · alpha;  grad += g · out_t;  out_t += g · hidden
// so `grad` (dim floats, accumulated, not cleared) receives −alpha · ∂loss/∂hidden. Returns
// the example's loss −log σ(f_0) − Σ_k log σ(−f_k), each term computed with the values the
// update saw, summed in double. Never fails; non-finite inputs give non-finite results.
double negative_sampling_step(const float* hidden, float* grad, float* output, uint32_t dim,
                              const uint32_t* targets, uint32_t count, float alpha);

// The same step computed target by target in the plain way; negative_sampling_step gives
// identical bytes (tests compare the two).
double negative_sampling_step_reference(const float* hidden, float* grad, float* output, uint32_t dim,
                                        const uint32_t* targets, uint32_t count, float alpha);

// word2vec.c's / gensim's linear congruential generator (Java's constants, 48-bit state):
// next() returns the state's bits 16..47 and advances.
class Word2VecRandom {
 public:
  explicit Word2VecRandom(uint64_t state) : state_(state & kMask) {}
  uint64_t next() {
    const uint64_t out = state_ >> 16;
    state_ = (state_ * 25214903917ULL + 11) & kMask;
    return out;
  }

 private:
  static constexpr uint64_t kMask = (1ULL << 48) - 1;
  uint64_t state_;
};

}  // namespace playground
