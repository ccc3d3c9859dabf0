#include "training/course_cbow.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "vectors/queries.h"

namespace playground {
namespace {

TEST(CourseCbow, VocabularyInFirstAppearanceOrderWithPadLast) {
  const CourseData d = course_data(course_sentences());
  ASSERT_EQ(d.vocabulary.size(), 34u);  // 33 distinct words + <PAD>
  EXPECT_EQ(d.vocabulary[0], "we");
  EXPECT_EQ(d.vocabulary[5], "excellence");
  EXPECT_EQ(d.vocabulary.back(), "<PAD>");
  EXPECT_EQ(d.pairs.size(), 41u);
  const uint32_t pad = 33;
  // "we are what we repeatedly do": the first "we" sees "are what", padded.
  EXPECT_EQ(d.pairs[0].target, 0u);
  EXPECT_EQ(d.pairs[0].context, (std::array<uint32_t, 4>{1, 2, pad, pad}));
  // "what" (i = 2) sees "we are" and "we repeatedly".
  EXPECT_EQ(d.pairs[2].context, (std::array<uint32_t, 4>{0, 1, 0, 3}));
  // "do" (last) sees "we repeatedly".
  EXPECT_EQ(d.pairs[5].context, (std::array<uint32_t, 4>{0, 3, pad, pad}));
  EXPECT_THROW(course_data({"  ", ""}), Error);
  EXPECT_EQ(course_data({"The THE the"}).vocabulary, (std::vector<std::string>{"the", "<PAD>"}));
}

// The batch loss in double, written independently: mean over pairs of
// logsumexp(W h + b) − (W h + b)[target], h the mean of the 4 context rows.
double reference_loss(const CourseWeights& w, const std::vector<CoursePair>& pairs) {
  double total = 0;
  for (const CoursePair& p : pairs) {
    std::vector<double> h(w.dim, 0.0);
    for (uint32_t c : p.context)
      for (uint32_t i = 0; i < w.dim; ++i) h[i] += w.embedding[c * w.dim + i] / 4.0;
    std::vector<double> z(w.vocabulary);
    double mx = -1e300;
    for (uint32_t o = 0; o < w.vocabulary; ++o) {
      z[o] = w.bias[o];
      for (uint32_t i = 0; i < w.dim; ++i) z[o] += double(w.linear[o * w.dim + i]) * h[i];
      mx = std::max(mx, z[o]);
    }
    double s = 0;
    for (double x : z) s += std::exp(x - mx);
    total += mx + std::log(s) - z[p.target];
  }
  return total / double(pairs.size());
}

TEST(CourseCbow, GradientsMatchFiniteDifferences) {
  const CourseData d = course_data(course_sentences());
  CourseWeights w = course_initial_weights(uint32_t(d.vocabulary.size()), 6, 3);
  const std::vector<CoursePair> batch(d.pairs.begin() + 3, d.pairs.begin() + 11);  // 8 pairs, one repeats "we"
  CourseWeights g;
  const double loss = course_batch_loss(w, batch.data(), batch.size(), &g);
  EXPECT_NEAR(loss, reference_loss(w, batch), 1e-5);
  const double h = 1e-3;
  auto check = [&](std::vector<float>* param, const std::vector<float>& grad, const char* name) {
    for (size_t i = 0; i < param->size(); i += 7) {  // a spread of elements, PAD row included
      const float saved = (*param)[i];
      (*param)[i] = float(saved + h);
      const double up = reference_loss(w, batch);
      (*param)[i] = float(saved - h);
      const double down = reference_loss(w, batch);
      (*param)[i] = saved;
      const double numeric = (up - down) / (double(float(saved + h)) - double(float(saved - h)));
      EXPECT_NEAR(grad[i], numeric, 2e-5 + 1e-3 * std::fabs(numeric)) << name << " " << i;
    }
  };
  check(&w.embedding, g.embedding, "embedding");
  check(&w.linear, g.linear, "linear");
  check(&w.bias, g.bias, "bias");
  // The PAD row gets gradient (it is a real, trained row); a word in no context gets none.
  const uint32_t pad = uint32_t(d.vocabulary.size() - 1);
  double pad_norm = 0;
  for (uint32_t i = 0; i < 6; ++i) pad_norm += std::fabs(g.embedding[pad * 6 + i]);
  EXPECT_GT(pad_norm, 0);
}

TEST(CourseCbow, TrainingLowersTheLossAndIsDeterministic) {
  CourseSettings s;
  s.seed = 7;
  CourseCbowTrainer a(course_data(course_sentences()), s), b(course_data(course_sentences()), s);
  while (!a.done()) a.step_epoch();
  while (!b.done()) b.step_epoch();
  ASSERT_EQ(a.losses().size(), 50u);
  EXPECT_LT(a.losses().back(), a.losses().front() / 5);
  EXPECT_EQ(a.losses(), b.losses());
  EXPECT_EQ(a.weights().embedding, b.weights().embedding);
  // 6 batches per epoch: the first epoch's summed loss starts near 6 · log(34) at most a few times more.
  EXPECT_GT(a.losses().front(), 6 * std::log(34.0) * 0.5);
  const VectorStore v = a.snapshot();
  EXPECT_EQ(v.size(), 34u);
  EXPECT_EQ(v.dim(), 50u);
}

TEST(CourseCbow, UsesTheGivenWeightsAndOrder) {
  const CourseData d = course_data(course_sentences());
  CourseSettings s;
  s.epochs = 2;
  s.initial_weights = course_initial_weights(34, 50, 99);
  std::vector<uint32_t> identity(41);
  for (uint32_t i = 0; i < 41; ++i) identity[i] = i;
  std::vector<uint32_t> reversed(identity.rbegin(), identity.rend());
  s.order = std::vector<std::vector<uint32_t>>{identity, reversed};
  CourseCbowTrainer t(d, s);
  const double first = t.step_epoch();
  // The first epoch's first batch is pairs 0..7 at the initial weights.
  const double batch0 = course_batch_loss(*s.initial_weights, d.pairs.data(), 8, nullptr);
  EXPECT_GT(first, batch0);
  t.step_epoch();
  EXPECT_TRUE(t.done());

  s.order = std::vector<std::vector<uint32_t>>{identity, std::vector<uint32_t>(41, 0)};
  EXPECT_THROW(CourseCbowTrainer(d, s), Error);
  s.order.reset();
  s.initial_weights->bias.pop_back();
  EXPECT_THROW(CourseCbowTrainer(d, s), Error);
}

}  // namespace
}  // namespace playground
