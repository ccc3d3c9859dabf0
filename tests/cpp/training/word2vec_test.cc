#include "training/word2vec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "common/error.h"
#include "common/random.h"
#include "training/subwords.h"
#include "vectors/queries.h"

namespace playground {
namespace {

// Two topics that never share a sentence: words of one topic should end up each other's
// neighbours. Deterministic text from the core's generator.
Corpus two_topics(uint64_t seed = 3, int sentences = 600) {
  const std::vector<std::string> a = {"cat", "dog", "mouse", "horse", "cow", "sheep"};
  const std::vector<std::string> b = {"red", "green", "blue", "yellow", "white", "black"};
  Random r(seed);
  std::vector<std::vector<std::string>> out;
  for (int s = 0; s < sentences; ++s) {
    const auto& topic = s % 2 ? a : b;
    out.emplace_back();
    for (int i = 0; i < 8; ++i) out.back().push_back(topic[r.below(topic.size())]);
  }
  return corpus_from_sentences(out);
}

Word2VecSettings small(Word2VecModel model) {
  Word2VecSettings s;
  s.model = model;
  s.dim = 16;
  s.window = 3;
  s.epochs = 8;
  s.vocabulary.min_count = 1;
  s.vocabulary.sample = 0;
  return s;
}

void expect_topics_separate(const Word2VecTrainer& t) {
  const VectorStore store = t.snapshot();
  const auto near = nearest(store, "cat", 3);
  for (const auto& n : near) {
    EXPECT_TRUE(n.word == "dog" || n.word == "mouse" || n.word == "horse" || n.word == "cow" || n.word == "sheep")
        << n.word;
  }
  EXPECT_GT(similarity(store, "red", "blue"), similarity(store, "red", "cat"));
}

// Untrained, every prediction costs (1 + negative) · log 2 (output rows start at zero); a
// 12-word vocabulary with same-topic negatives cannot go far below, but well below that.
void expect_loss_fell(const Word2VecTrainer& t) {
  const double per_example = t.epoch_losses().back() / (double(t.progress().examples) / t.settings().epochs);
  EXPECT_LT(per_example, 0.6 * (1 + t.settings().negative) * std::log(2.0));
  EXPECT_LT(t.epoch_losses().back(), t.epoch_losses().front());
}

TEST(Word2Vec, SkipGramLearnsTopicsAndLossFalls) {
  Word2VecTrainer t(two_topics(), small(Word2VecModel::kSkipGram));
  t.train();
  ASSERT_EQ(t.epoch_losses().size(), 8u);
  expect_loss_fell(t);
  expect_topics_separate(t);
}

TEST(Word2Vec, CbowLearnsTopicsAndLossFalls) {
  Word2VecTrainer t(two_topics(), small(Word2VecModel::kCbow));
  t.train();
  expect_loss_fell(t);
  expect_topics_separate(t);
}

TEST(Word2Vec, FastTextLearnsTopicsAndAnswersUnknownWords) {
  for (auto model : {Word2VecModel::kSkipGram, Word2VecModel::kCbow}) {
    Word2VecSettings s = small(model);
    s.subwords = SubwordSettings{3, 5, 5000};
    Word2VecTrainer t(two_topics(), s);
    t.train();
    expect_topics_separate(t);
    // "cats" is unknown: its n-grams ("<ca", "cat", "<cat", ...) lead to "cat".
    const auto v = t.vector("cats");
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(nearest_to_vector(t.snapshot(), *v, 1)[0].word, "cat");
    EXPECT_FALSE(t.vector("qqqqqqq").has_value());  // no n-gram shared with the vocabulary
  }
}

TEST(Word2Vec, FastTextVocabularyVectorIsMeanOfWordAndNgramRows) {
  Word2VecSettings s = small(Word2VecModel::kSkipGram);
  s.epochs = 1;
  s.subwords = SubwordSettings{3, 4, 100};  // few buckets: n-grams share rows
  Word2VecTrainer t(two_topics(5, 40), s);
  t.train();
  const uint32_t w = *t.vocabulary().find("horse");
  const std::vector<uint32_t> buckets = ngram_buckets("horse", *s.subwords);
  // Rows are the sorted distinct buckets in use, so every bucket < 100 used by any word maps
  // to its rank among those; recompute the ranks from all vocabulary words.
  std::vector<uint32_t> used;
  for (const auto& word : t.vocabulary().words())
    for (uint32_t b : ngram_buckets(word, *s.subwords)) used.push_back(b);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  ASSERT_EQ(used.size(), t.ngram_rows());
  std::vector<double> expected(s.dim);
  for (uint32_t i = 0; i < s.dim; ++i) expected[i] = t.input_weights()[w * s.dim + i];
  for (uint32_t b : buckets) {
    const size_t row = std::lower_bound(used.begin(), used.end(), b) - used.begin();
    for (uint32_t i = 0; i < s.dim; ++i) expected[i] += t.ngram_weights()[row * s.dim + i];
  }
  const std::vector<float> v = *t.vector("horse");
  const std::vector<float> all = t.word_vectors();
  for (uint32_t i = 0; i < s.dim; ++i) {
    EXPECT_NEAR(v[i], expected[i] / double(buckets.size() + 1), 1e-6);
    EXPECT_EQ(v[i], all[w * s.dim + i]);
  }
  // An unknown word: the plain mean of its n-gram rows that exist (buckets some vocabulary
  // word uses); "horsey" has n-grams ("sey>", ...) that no vocabulary word has.
  std::vector<size_t> rows;
  for (uint32_t b : ngram_buckets("horsey", *s.subwords)) {
    const size_t row = std::lower_bound(used.begin(), used.end(), b) - used.begin();
    if (row < used.size() && used[row] == b) rows.push_back(row);
  }
  ASSERT_GT(rows.size(), 3u);
  ASSERT_LT(rows.size(), ngram_buckets("horsey", *s.subwords).size());
  std::vector<double> mean(s.dim, 0.0);
  for (size_t row : rows)
    for (uint32_t i = 0; i < s.dim; ++i) mean[i] += t.ngram_weights()[row * s.dim + i] / double(rows.size());
  const std::vector<float> u = *t.vector("horsey");
  for (uint32_t i = 0; i < s.dim; ++i) EXPECT_NEAR(u[i], mean[i], 1e-6);
}

TEST(Word2Vec, SameSeedSameBytesOtherSeedOtherBytes) {
  for (auto model : {Word2VecModel::kSkipGram, Word2VecModel::kCbow}) {
    Word2VecSettings s = small(model);
    s.epochs = 2;
    s.vocabulary.sample = 0.01;
    Word2VecTrainer a(two_topics(), s), b(two_topics(), s);
    a.train();
    // b in uneven steps: the result must not depend on how training was cut.
    while (!b.done()) b.step(37);
    ASSERT_EQ(a.input_weights().size(), b.input_weights().size());
    EXPECT_EQ(std::memcmp(a.input_weights().data(), b.input_weights().data(), a.input_weights().size() * 4), 0);
    EXPECT_EQ(std::memcmp(a.output_weights().data(), b.output_weights().data(), a.output_weights().size() * 4), 0);
    EXPECT_EQ(a.epoch_losses(), b.epoch_losses());
    s.seed = 2;
    Word2VecTrainer c(two_topics(), s);
    c.train();
    EXPECT_NE(std::memcmp(a.input_weights().data(), c.input_weights().data(), a.input_weights().size() * 4), 0);
  }
}

TEST(Word2Vec, StepReportsProgressAndLearningRateFallsToMinAlpha) {
  Word2VecSettings s = small(Word2VecModel::kSkipGram);
  s.epochs = 2;
  Word2VecTrainer t(two_topics(3, 100), s);  // 100 sentences × 8 words
  EXPECT_EQ(t.progress().words_total, 1600u);
  TrainingProgress p = t.step(100);
  EXPECT_EQ(p.words_done, 104u);  // whole sentences: 13 × 8
  EXPECT_EQ(p.epoch, 0u);
  EXPECT_GT(p.loss, 0);
  EXPECT_EQ(p.loss, p.epoch_loss);
  EXPECT_NEAR(p.alpha, 0.025 - (0.025 - 0.0001) * 96.0 / 1600, 1e-12);
  p = t.step(800);
  EXPECT_EQ(p.epoch, 1u);
  EXPECT_EQ(t.epoch_losses().size(), 1u);
  p = t.train();
  EXPECT_TRUE(p.done);
  EXPECT_EQ(p.epoch, 2u);
  EXPECT_DOUBLE_EQ(p.progress, 1.0);
  EXPECT_NEAR(p.alpha, 0.0001, 0.025 * 8 / 1600);
  EXPECT_NEAR(p.loss, t.epoch_losses()[0] + t.epoch_losses()[1], 1e-6 * p.loss);
  EXPECT_EQ(t.step(100).words_done, 1600u);  // no-op when done
}

TEST(Word2Vec, InitialisationIsUniformInPlusMinusOneOverDim) {
  Word2VecSettings s = small(Word2VecModel::kSkipGram);
  s.dim = 50;
  Word2VecTrainer t(two_topics(), s);
  float lo = 1, hi = -1;
  for (float x : t.input_weights()) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  EXPECT_GE(lo, -1.0f / 50);
  EXPECT_LT(hi, 1.0f / 50);
  EXPECT_LT(lo, -0.9f / 50);
  EXPECT_GT(hi, 0.9f / 50);
  for (float x : t.output_weights()) ASSERT_EQ(x, 0.0f);
}

TEST(Word2Vec, RejectsBadSettingsWithAClearMessage) {
  auto expect_bad = [](Word2VecSettings s, const char* needle) {
    try {
      Word2VecTrainer t(two_topics(), s);
      ADD_FAILURE() << needle;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  const std::pair<void (*)(Word2VecSettings*), const char*> cases[] = {
      {[](Word2VecSettings* s) { s->dim = 0; }, "dim"},
      {[](Word2VecSettings* s) { s->window = 0; }, "window"},
      {[](Word2VecSettings* s) { s->negative = 1000; }, "negative"},
      {[](Word2VecSettings* s) { s->alpha = 0; }, "alpha"},
      {[](Word2VecSettings* s) { s->min_alpha = 1; }, "min_alpha"},
      {[](Word2VecSettings* s) { s->vocabulary.min_count = 100000; }, "min_count"},
      {[](Word2VecSettings* s) { s->subwords = SubwordSettings{0, 6, 100}; }, "minn"},
  };
  for (const auto& [change, needle] : cases) {
    Word2VecSettings s = small(Word2VecModel::kCbow);
    change(&s);
    expect_bad(s, needle);
  }
}

TEST(Word2Vec, DivergedTrainingGivesAClearError) {
  Word2VecSettings s = small(Word2VecModel::kCbow);
  s.alpha = 1;
  s.min_alpha = 1;
  s.dim = 4;
  s.epochs = 1;
  Word2VecTrainer t(two_topics(), s);
  t.train();
  // Whether or not alpha = 1 diverges here, a snapshot is either valid or a clear error.
  try {
    const VectorStore v = t.snapshot();
    EXPECT_EQ(v.size(), 12u);
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("lower alpha"), std::string::npos);
  }
}

}  // namespace
}  // namespace playground
