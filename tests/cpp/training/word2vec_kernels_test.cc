#include "training/word2vec_kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "common/random.h"

namespace playground {
namespace {

// The negative-sampling loss in double: −log σ(h·o_t0) − Σ_k log σ(−h·o_tk).
double ns_loss(const std::vector<double>& h, const std::vector<double>& out, uint32_t dim,
               const std::vector<uint32_t>& targets) {
  double loss = 0;
  for (size_t k = 0; k < targets.size(); ++k) {
    double f = 0;
    for (uint32_t i = 0; i < dim; ++i) f += h[i] * out[targets[k] * dim + i];
    loss += std::log1p(std::exp(k == 0 ? -f : f));
  }
  return loss;
}

std::vector<float> random_floats(Random* r, size_t n, double scale) {
  std::vector<float> v(n);
  for (float& x : v) x = float((r->uniform() * 2 - 1) * scale);
  return v;
}

std::vector<double> to_double(const std::vector<float>& v) { return {v.begin(), v.end()}; }

constexpr double kStep = 1e-5;

// Skip-gram: the input row h predicts target 0 against negatives. The update must be
// −alpha times the loss gradient for h (returned in grad) and for each output row.
TEST(Word2VecKernels, SkipGramNegativeSamplingGradientMatchesFiniteDifferences) {
  Random r(1);
  const uint32_t dim = 13, rows = 6;
  const std::vector<uint32_t> targets = {2, 0, 5, 3};
  const std::vector<float> hidden = random_floats(&r, dim, 0.8);
  const std::vector<float> output0 = random_floats(&r, rows * dim, 0.8);
  std::vector<float> output = output0;
  std::vector<float> grad(dim, 0.0f);
  const float alpha = 0.5f;
  const double loss = negative_sampling_step(hidden.data(), grad.data(), output.data(), dim, targets.data(),
                                             uint32_t(targets.size()), alpha);
  const std::vector<double> h = to_double(hidden), o = to_double(output0);
  EXPECT_NEAR(loss, ns_loss(h, o, dim, targets), 1e-5);
  for (uint32_t i = 0; i < dim; ++i) {
    std::vector<double> hp = h, hm = h;
    hp[i] += kStep;
    hm[i] -= kStep;
    const double numeric = (ns_loss(hp, o, dim, targets) - ns_loss(hm, o, dim, targets)) / (2 * kStep);
    EXPECT_NEAR(grad[i] / -alpha, numeric, 1e-4) << "hidden " << i;
  }
  for (uint32_t t : targets) {
    for (uint32_t i = 0; i < dim; ++i) {
      std::vector<double> op = o, om = o;
      op[t * dim + i] += kStep;
      om[t * dim + i] -= kStep;
      const double numeric = (ns_loss(h, op, dim, targets) - ns_loss(h, om, dim, targets)) / (2 * kStep);
      EXPECT_NEAR((output[t * dim + i] - output0[t * dim + i]) / -alpha, numeric, 1e-4) << "row " << t;
    }
  }
  EXPECT_EQ(output[1 * dim], output0[1 * dim]);  // rows that are not targets stay
}

// CBOW: h is the mean of C context rows. grad must be −alpha ∂L/∂h, which is C times
// −alpha ∂L/∂row for each context row (word2vec.c adds the whole of it to every row).
TEST(Word2VecKernels, CbowNegativeSamplingGradientMatchesFiniteDifferences) {
  Random r(2);
  const uint32_t dim = 9, rows = 5, contexts = 3;
  const std::vector<uint32_t> targets = {1, 4, 0};
  const std::vector<float> context = random_floats(&r, contexts * dim, 1.0);
  const std::vector<float> output0 = random_floats(&r, rows * dim, 1.0);
  auto mean_of = [&](const std::vector<double>& c) {
    std::vector<double> h(dim, 0.0);
    for (uint32_t k = 0; k < contexts; ++k)
      for (uint32_t i = 0; i < dim; ++i) h[i] += c[k * dim + i] / contexts;
    return h;
  };
  std::vector<float> hidden(dim);
  const std::vector<double> hd = mean_of(to_double(context));
  for (uint32_t i = 0; i < dim; ++i) hidden[i] = float(hd[i]);
  std::vector<float> output = output0, grad(dim, 0.0f);
  const float alpha = 0.1f;
  negative_sampling_step(hidden.data(), grad.data(), output.data(), dim, targets.data(), uint32_t(targets.size()), alpha);
  const std::vector<double> c = to_double(context), o = to_double(output0);
  for (uint32_t k = 0; k < contexts; ++k) {
    for (uint32_t i = 0; i < dim; ++i) {
      std::vector<double> cp = c, cm = c;
      cp[k * dim + i] += kStep;
      cm[k * dim + i] -= kStep;
      const double numeric =
          (ns_loss(mean_of(cp), o, dim, targets) - ns_loss(mean_of(cm), o, dim, targets)) / (2 * kStep);
      EXPECT_NEAR(grad[i] / -alpha, contexts * numeric, 1e-4) << "context " << k << " dim " << i;
    }
  }
}

TEST(Word2VecKernels, BatchedStepGivesTheReferenceBytes) {
  Random r(4);
  for (uint32_t dim : {1u, 3u, 4u, 7u, 8u, 13u, 100u, 101u}) {
    for (uint32_t count = 1; count <= 11; ++count) {
      const uint32_t rows = 12;
      std::vector<uint32_t> targets(count);
      for (auto& t : targets) t = uint32_t(r.below(count > 6 ? 6 : rows));  // duplicates too
      const std::vector<float> hidden = random_floats(&r, dim, 1.0);
      std::vector<float> out_a = random_floats(&r, rows * dim, 1.0), out_b = out_a;
      std::vector<float> grad_a = random_floats(&r, dim, 0.1), grad_b = grad_a;
      const double la = negative_sampling_step(hidden.data(), grad_a.data(), out_a.data(), dim, targets.data(), count, 0.3f);
      const double lb = negative_sampling_step_reference(hidden.data(), grad_b.data(), out_b.data(), dim,
                                                         targets.data(), count, 0.3f);
      ASSERT_EQ(la, lb) << dim << " " << count;
      ASSERT_EQ(grad_a, grad_b) << dim << " " << count;
      ASSERT_EQ(out_a, out_b) << dim << " " << count;
    }
  }
}

TEST(Word2VecKernels, LossStaysFiniteForLargeScores) {
  const uint32_t dim = 4;
  std::vector<float> hidden = {30, 30, 30, 30}, output(2 * dim, 1.0f), grad(dim, 0.0f);
  const uint32_t targets[] = {0, 1};
  const double loss = negative_sampling_step(hidden.data(), grad.data(), output.data(), dim, targets, 2, 0.01f);
  EXPECT_NEAR(loss, 120.0, 1e-9);  // −log σ(120) ≈ 0, −log σ(−120) ≈ 120
  for (float g : grad) EXPECT_TRUE(std::isfinite(g));
}

TEST(Word2VecKernels, LcgMatchesGensimRandomInt32) {
  // gensim random_int32: returns next_random >> 16, then next = (next * 25214903917 + 11) mod 2^48.
  Word2VecRandom r(1);
  EXPECT_EQ(r.next(), 0u);
  EXPECT_EQ(r.next(), (25214903917ULL + 11) >> 16);
  Word2VecRandom big((1ULL << 48) + 5);  // the state is 48 bits
  EXPECT_EQ(big.next(), 0u);
}

TEST(Word2VecKernels, DotAndAxpyHandleTails) {
  std::vector<float> a(11), b(11);
  for (int i = 0; i < 11; ++i) {
    a[i] = float(i + 1);
    b[i] = float(2 - i);
  }
  double expected = 0;
  for (int i = 0; i < 11; ++i) expected += double(a[i]) * b[i];
  EXPECT_FLOAT_EQ(dot(a.data(), b.data(), 11), float(expected));
  axpy(2.0f, a.data(), b.data(), 11);
  EXPECT_FLOAT_EQ(b[10], -8.0f + 22.0f);
}

}  // namespace
}  // namespace playground
