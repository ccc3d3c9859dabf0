#include "vectors/queries.h"

#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

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
