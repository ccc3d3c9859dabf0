#include "vectors/queries.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/error.h"
#include "common/random.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using ::testing::HasSubstr;

// A plain double-precision cosine, the reference the fast path is checked against.
double reference_cosine(const VectorStore& s, size_t a, size_t b) {
  double dot = 0, na = 0, nb = 0;
  for (size_t j = 0; j < s.dim(); ++j) {
    dot += double(s.raw(a)[j]) * s.raw(b)[j];
    na += double(s.raw(a)[j]) * s.raw(a)[j];
    nb += double(s.raw(b)[j]) * s.raw(b)[j];
  }
  return dot / std::sqrt(na * nb);
}

std::vector<std::string> words_of(const std::vector<ScoredWord>& scored) {
  std::vector<std::string> out;
  for (const auto& s : scored) out.push_back(s.word);
  return out;
}

TEST(Queries, SimilarityIsCosine) {
  const VectorStore s = testing::toy_store();
  EXPECT_NEAR(similarity(s, "cat", "dog"), reference_cosine(s, 4, 5), 1e-6);
  EXPECT_NEAR(similarity(s, "cat", "cat"), 1.0, 1e-6);
  EXPECT_THROW(similarity(s, "cat", "kedi"), Error);
}

TEST(Queries, NearestMatchesABruteForceRankingAndExcludesTheQuery) {
  const VectorStore s = testing::toy_store();
  const std::vector<ScoredWord> got = nearest(s, "cat", 9);
  ASSERT_EQ(got.size(), 9u);
  for (const auto& r : got) EXPECT_NE(r.word, "cat");
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].score, reference_cosine(s, 4, *s.find(got[i].word)), 1e-6);
    if (i > 0) EXPECT_GE(got[i - 1].score, got[i].score);
  }
  EXPECT_EQ(got[0].word, "kitten");
}

TEST(Queries, KIsBounded) {
  const VectorStore s = testing::toy_store();
  EXPECT_THROW(nearest(s, "cat", 0), Error);
  EXPECT_THROW(nearest(s, "cat", kMaxNeighbours + 1), Error);
  EXPECT_EQ(nearest(s, "cat", 100).size(), 9u);  // more than the vocabulary: all the others
}

TEST(Queries, NearestToVectorExcludesNothing) {
  const VectorStore s = testing::toy_store();
  const auto got = nearest_to_vector(s, {0.0f, 0.0f, 2.0f}, 1);
  EXPECT_EQ(got[0].word, "kitten");
  EXPECT_NEAR(got[0].score, 1.0, 1e-6);
  EXPECT_THROW(nearest_to_vector(s, {0, 0, 0}, 1), Error);
  EXPECT_THROW(nearest_to_vector(s, {1, 0}, 1), Error);
}

TEST(Queries, NearestToVectorWorksAtAnyScale) {
  // The tester's cases: a word's own vector scaled by 1e20 (squares overflow float32) and by
  // 1e-25 (squares underflow it) must find the same neighbours with the same scores.
  const VectorStore s = testing::toy_store();
  const std::vector<float> v(s.raw(4), s.raw(4) + 3);  // cat
  const std::vector<ScoredWord> plain = nearest_to_vector(s, v, 5);
  for (float factor : {1e20f, 1e-25f, 1e30f, 1e-30f}) {
    std::vector<float> scaled = v;
    for (float& x : scaled) x *= factor;
    const std::vector<ScoredWord> got = nearest_to_vector(s, scaled, 5);
    ASSERT_EQ(words_of(got), words_of(plain)) << factor;
    for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i].score, plain[i].score, 1e-6) << factor;
  }
  EXPECT_EQ(plain[0].word, "cat");
}

TEST(Queries, NearestToVectorExplainsWhatIsWrong) {
  const VectorStore s = testing::toy_store();
  const auto message = [&](const std::vector<float>& v) -> std::string {
    try {
      nearest_to_vector(s, v, 1);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
      return e.what();
    }
    return "";
  };
  EXPECT_THAT(message({0, 0, 0}), HasSubstr("all zeros"));
  EXPECT_THAT(message({1, NAN, 0}), HasSubstr("number 1 is not finite"));
  EXPECT_THAT(message({1, 0, INFINITY}), HasSubstr("number 2 is not finite"));
  EXPECT_THAT(message({1, 0}), HasSubstr("has 2 numbers; this set needs 3"));
}

TEST(Queries, AnalogyAddSolvesKingManWoman) {
  const VectorStore s = testing::toy_store();
  const auto got = analogy(s, {"king", "woman"}, {"man"}, 3, AnalogyMethod::kAdd);
  EXPECT_EQ(got[0].word, "queen");
  for (const auto& r : got) {
    EXPECT_NE(r.word, "king");
    EXPECT_NE(r.word, "man");
    EXPECT_NE(r.word, "woman");
  }
}

TEST(Queries, AnalogyMulFollowsLevyGoldberg) {
  const VectorStore s = testing::toy_store();
  const auto got = analogy(s, {"king", "woman"}, {"man"}, 1, AnalogyMethod::kMul);
  ASSERT_EQ(words_of(got), std::vector<std::string>{"queen"});
  const size_t q = *s.find("queen");
  const double expected = (1 + reference_cosine(s, q, 0)) / 2 * (1 + reference_cosine(s, q, 3)) / 2 /
                          ((1 + reference_cosine(s, q, 2)) / 2 + 1e-6);
  EXPECT_NEAR(got[0].score, expected, 1e-5);
}

TEST(Queries, AnalogyMulRanksManyTermsWithoutUnderflow) {
  // 60 positive terms opposite every candidate: each factor (1 + cos) / 2 is near 0.005, so the
  // float32 product (about 1e-138) underflowed to 0 for every word and the ranking was noise.
  // Here the ranking must follow the exact products, computed in long double.
  std::vector<std::string> words;
  std::vector<float> values;
  Random rng(5);
  for (int i = 0; i < 200; ++i) {
    words.push_back("w" + std::to_string(i));
    const bool term = i < 60;
    for (int j = 0; j < 8; ++j) values.push_back(float((term ? 1.0 : -1.0) + 0.3 * (rng.uniform() - 0.5)));
  }
  const VectorStore s(words, 8, values);
  std::vector<std::string> positive(words.begin(), words.begin() + 60);
  const std::vector<ScoredWord> got = analogy(s, positive, {}, 10, AnalogyMethod::kMul);
  // The reference: every candidate's product in long double, best first.
  std::vector<std::pair<long double, std::string>> reference;
  for (size_t w = 60; w < words.size(); ++w) {
    long double product = 1;
    for (size_t p = 0; p < 60; ++p) {
      long double dot = 0, nw = 0, np = 0;
      for (size_t j = 0; j < 8; ++j) {
        dot += (long double)s.raw(w)[j] * s.raw(p)[j];
        nw += (long double)s.raw(w)[j] * s.raw(w)[j];
        np += (long double)s.raw(p)[j] * s.raw(p)[j];
      }
      product *= (1 + dot / std::sqrt(nw * np)) / 2;
    }
    reference.emplace_back(product / (1 + 1e-6L), words[w]);
  }
  std::sort(reference.rbegin(), reference.rend());
  ASSERT_LT(reference[0].first, 1e-38L) << "the case must underflow float32";
  ASSERT_EQ(got.size(), 10u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].word, reference[i].second) << i;
    // Not 0: near the exact value, within what 60 float32 cosines near -1 allow (each factor
    // (1 + cos) / 2 ~ 0.005 carries a relative error ~2e-5).
    EXPECT_NEAR(got[i].score / double(reference[i].first), 1.0, 1e-2) << i;
  }
}

TEST(Queries, AnalogyTermsAreBounded) {
  const VectorStore s = testing::toy_store();
  const std::vector<std::string> many(kMaxTerms, "cat");
  EXPECT_NO_THROW(analogy(s, many, {}, 1, AnalogyMethod::kMul));
  try {
    analogy(s, many, {"dog"}, 1, AnalogyMethod::kAdd);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_THAT(e.what(), HasSubstr("at most 100 words; this one has 101"));
  }
  // The count is checked before any word is looked up.
  const std::vector<std::string> unknown(20000, "zzzz");
  try {
    analogy(s, {"cat"}, unknown, 1, AnalogyMethod::kMul);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
  }
}

TEST(Queries, AnalogyRejectsEmptyAndCancellingInput) {
  const VectorStore s = testing::toy_store();
  EXPECT_THROW(analogy(s, {}, {"man"}, 1, AnalogyMethod::kAdd), Error);
  EXPECT_THROW(analogy(s, {"cat"}, {"cat"}, 1, AnalogyMethod::kAdd), Error);
  EXPECT_THROW(analogy(s, {"cat"}, {"kedi"}, 1, AnalogyMethod::kMul), Error);
}

TEST(Queries, DoesntMatchPicksTheOutsider) {
  const VectorStore s = testing::toy_store();
  const OddOneOut got = doesnt_match(s, {"cat", "dog", "kitten", "apple"});
  EXPECT_EQ(got.word, "apple");
  ASSERT_EQ(got.scores.size(), 4u);
  EXPECT_EQ(got.scores[3].word, "apple");
  EXPECT_THROW(doesnt_match(s, {"cat"}), Error);
  EXPECT_THROW(doesnt_match(s, {"cat", "kedi"}), Error);
}

}  // namespace
}  // namespace playground
