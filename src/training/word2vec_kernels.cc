#include "training/word2vec_kernels.h"

#include <cmath>
#include <cstring>

namespace playground {

// Performance notes (State of the Union corpus, dim 100, one thread; bench/training.mjs; the
// build machine was shared, so only ratios measured in one run mean much):
// - The loops use the compiler's generic 4-lane vector type (SSE2 natively without -march
//   flags, simd128 in WebAssembly). The same summation order everywhere: native and
//   WebAssembly builds give byte-identical vectors.
// - batched_step computes all 1 + negative dot products in one pass over `hidden` and all
//   updates in a second pass: skip-gram went from 146k to 288k words/s natively.
// - The sigmoid and loss are exact (expf + log1pf per target): perf puts log1pf at ~10% and
//   expf at ~1.5% of skip-gram's time. word2vec.c's EXP_TABLE would save most of that, but the
//   update would then not be the loss gradient (gensim skips |f| >= 6) and the loss only a
//   table's approximation; the same quality (WordSim353, analogies) was measured both ways.
#if defined(__GNUC__) || defined(__clang__)
typedef float Float4 __attribute__((vector_size(16)));

static inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

static inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }

float dot(const float* a, const float* b, uint32_t dim) {
  Float4 s0 = {0, 0, 0, 0}, s1 = {0, 0, 0, 0};
  uint32_t i = 0;
  for (; i + 8 <= dim; i += 8) {
    s0 += load4(a + i) * load4(b + i);
    s1 += load4(a + i + 4) * load4(b + i + 4);
  }
  if (i + 4 <= dim) {
    s0 += load4(a + i) * load4(b + i);
    i += 4;
  }
  s0 += s1;
  float sum = (s0[0] + s0[1]) + (s0[2] + s0[3]);
  for (; i < dim; ++i) sum += a[i] * b[i];
  return sum;
}

void axpy(float a, const float* x, float* y, uint32_t dim) {
  const Float4 av = {a, a, a, a};
  uint32_t i = 0;
  for (; i + 4 <= dim; i += 4) store4(y + i, load4(y + i) + av * load4(x + i));
  for (; i < dim; ++i) y[i] += a * x[i];
}
#else
float dot(const float* a, const float* b, uint32_t dim) {
  float s[4] = {0, 0, 0, 0};
  uint32_t i = 0;
  for (; i + 4 <= dim; i += 4) {
    for (int k = 0; k < 4; ++k) s[k] += a[i + k] * b[i + k];
  }
  float sum = (s[0] + s[1]) + (s[2] + s[3]);
  for (; i < dim; ++i) sum += a[i] * b[i];
  return sum;
}

void axpy(float a, const float* x, float* y, uint32_t dim) {
  for (uint32_t i = 0; i < dim; ++i) y[i] += a * x[i];
}
#endif

namespace {

// σ(f), and the loss term −log σ(f) for a positive (label 1) or −log σ(−f) for a negative.
// t = e^−|f| in (0, 1] keeps both finite for any f.
inline float sigmoid_and_loss(float f, bool positive, double* loss) {
  const float t = std::exp(-std::fabs(f));
  const float softplus_tail = std::log1p(t);  // log(1 + e^−|f|)
  if (positive) {
    *loss += double(softplus_tail) + (f < 0 ? double(-f) : 0.0);
  } else {
    *loss += double(softplus_tail) + (f > 0 ? double(f) : 0.0);
  }
  return f >= 0 ? 1.0f / (1.0f + t) : t / (1.0f + t);
}

// The plain form, one target after the other: the reference, and the path for repeated
// targets (a row drawn twice must see its own first update, as in gensim) or many of them.
double sequential_step(const float* hidden, float* grad, float* output, uint32_t dim, const uint32_t* targets,
                       uint32_t count, float alpha) {
  double loss = 0;
  for (uint32_t k = 0; k < count; ++k) {
    float* out = output + size_t(targets[k]) * dim;
    const float f = dot(hidden, out, dim);
    const float g = ((k == 0 ? 1.0f : 0.0f) - sigmoid_and_loss(f, k == 0, &loss)) * alpha;
    axpy(g, out, grad, dim);
    axpy(g, hidden, out, dim);
  }
  return loss;
}

#if defined(__GNUC__) || defined(__clang__)
// K distinct targets at once (the common case: negative = 5, K = 6): all K dot products in one
// pass over `hidden` (K independent sums hide the add latency), then one pass that adds
// g_k · out_k to grad and g_k · hidden to out_k. The same arithmetic, in the same order per
// element, as sequential_step, so both give identical bytes.
template <uint32_t K>
double batched_step(const float* hidden, float* grad, float* output, uint32_t dim, const uint32_t* targets,
                    float alpha) {
  float* out[K];
  for (uint32_t k = 0; k < K; ++k) out[k] = output + size_t(targets[k]) * dim;
  Float4 s0[K], s1[K];
  for (uint32_t k = 0; k < K; ++k) s0[k] = s1[k] = Float4{0, 0, 0, 0};
  uint32_t i = 0;
  for (; i + 8 <= dim; i += 8) {
    const Float4 h0 = load4(hidden + i), h1 = load4(hidden + i + 4);
    for (uint32_t k = 0; k < K; ++k) {
      s0[k] += h0 * load4(out[k] + i);
      s1[k] += h1 * load4(out[k] + i + 4);
    }
  }
  const uint32_t wide = i;
  float g[K];
  double loss = 0;
  for (uint32_t k = 0; k < K; ++k) {
    uint32_t j = wide;
    if (j + 4 <= dim) {
      s0[k] += load4(hidden + j) * load4(out[k] + j);
      j += 4;
    }
    const Float4 s = s0[k] + s1[k];
    float f = (s[0] + s[1]) + (s[2] + s[3]);
    for (; j < dim; ++j) f += hidden[j] * out[k][j];
    g[k] = ((k == 0 ? 1.0f : 0.0f) - sigmoid_and_loss(f, k == 0, &loss)) * alpha;
  }
  Float4 gv[K];
  for (uint32_t k = 0; k < K; ++k) gv[k] = Float4{g[k], g[k], g[k], g[k]};
  for (i = 0; i + 4 <= dim; i += 4) {
    const Float4 h = load4(hidden + i);
    Float4 acc = load4(grad + i);
    for (uint32_t k = 0; k < K; ++k) {
      const Float4 o = load4(out[k] + i);
      acc += gv[k] * o;
      store4(out[k] + i, o + gv[k] * h);
    }
    store4(grad + i, acc);
  }
  for (; i < dim; ++i) {
    const float h = hidden[i];
    for (uint32_t k = 0; k < K; ++k) {
      grad[i] += g[k] * out[k][i];
      out[k][i] += g[k] * h;
    }
  }
  return loss;
}

bool distinct(const uint32_t* targets, uint32_t count) {
  for (uint32_t a = 1; a < count; ++a)
    for (uint32_t b = 0; b < a; ++b)
      if (targets[a] == targets[b]) return false;
  return true;
}
#endif

}  // namespace

double negative_sampling_step(const float* hidden, float* grad, float* output, uint32_t dim,
                              const uint32_t* targets, uint32_t count, float alpha) {
#if defined(__GNUC__) || defined(__clang__)
  if (distinct(targets, count)) {
    switch (count) {
      case 1: return batched_step<1>(hidden, grad, output, dim, targets, alpha);
      case 2: return batched_step<2>(hidden, grad, output, dim, targets, alpha);
      case 3: return batched_step<3>(hidden, grad, output, dim, targets, alpha);
      case 4: return batched_step<4>(hidden, grad, output, dim, targets, alpha);
      case 5: return batched_step<5>(hidden, grad, output, dim, targets, alpha);
      case 6: return batched_step<6>(hidden, grad, output, dim, targets, alpha);
      case 7: return batched_step<7>(hidden, grad, output, dim, targets, alpha);
      case 8: return batched_step<8>(hidden, grad, output, dim, targets, alpha);
      default: break;
    }
  }
#endif
  return sequential_step(hidden, grad, output, dim, targets, count, alpha);
}

double negative_sampling_step_reference(const float* hidden, float* grad, float* output, uint32_t dim,
                                        const uint32_t* targets, uint32_t count, float alpha) {
  return sequential_step(hidden, grad, output, dim, targets, count, alpha);
}

}  // namespace playground
