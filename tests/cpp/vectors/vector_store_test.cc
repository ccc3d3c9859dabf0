#include "vectors/vector_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "test_fixtures.h"

namespace playground {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(VectorStore, LooksUpWordsExactly) {
  const VectorStore store = testing::toy_store();
  EXPECT_EQ(store.size(), 10u);
  EXPECT_EQ(store.dim(), 3u);
  EXPECT_EQ(store.find("queen"), std::optional<size_t>(1));
  EXPECT_EQ(store.find("Queen"), std::nullopt);
  EXPECT_EQ(store.index_of("banana"), 8u);
}

TEST(VectorStore, NormalizesRowsAndKeepsStoredValues) {
  const VectorStore store = testing::toy_store();
  const float* unit = store.unit(0);
  EXPECT_NEAR(std::sqrt(unit[0] * unit[0] + unit[1] * unit[1] + unit[2] * unit[2]), 1.0, 1e-6);
  EXPECT_FLOAT_EQ(store.raw(0)[1], 0.9f);
  EXPECT_NEAR(store.norm(0), std::sqrt(1.0 + 0.81 + 0.01), 1e-6);
}

TEST(VectorStore, UnknownWordNamesItAndSuggests) {
  const VectorStore store = testing::toy_store();
  try {
    store.index_of("Kitten");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownWord);
    EXPECT_EQ(e.word(), "Kitten");
    ASSERT_FALSE(e.suggestions().empty());
    EXPECT_EQ(e.suggestions()[0], "kitten");
    EXPECT_THAT(e.what(), HasSubstr("\"Kitten\" is not in the vocabulary; did you mean \"kitten\""));
  }
}

TEST(VectorStore, UnknownHugeWordGivesAShortMessageAndABoundedWord) {
  const VectorStore store = testing::toy_store();
  const std::string huge(10'000'000, 'k');
  try {
    store.index_of(huge);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownWord);
    EXPECT_LT(std::string(e.what()).size(), 200u);
    EXPECT_THAT(e.what(), HasSubstr("\"kkkkkkkkkk"));
    EXPECT_THAT(e.what(), HasSubstr("\xE2\x80\xA6\" is not in the vocabulary"));
    EXPECT_EQ(e.word(), huge.substr(0, kMaxErrorWordBytes));
    EXPECT_TRUE(e.suggestions().empty());
  }
}

TEST(VectorStore, SuggestsByEditDistanceThenPrefix) {
  const VectorStore store = testing::toy_store();
  EXPECT_THAT(store.suggest("qeen"), ElementsAre("queen"));
  EXPECT_THAT(store.suggest("kitte"), ElementsAre("kitten"));
  EXPECT_THAT(store.suggest("bana"), ElementsAre("banana", "man"));  // completion before two edits
  EXPECT_THAT(store.suggest("cta"), ElementsAre("cat"));  // a transposition costs one edit
  EXPECT_TRUE(store.suggest("kedi\xC4\x9F").empty());     // Turkish "kediğ": nothing close
  EXPECT_TRUE(store.suggest("").empty());
  EXPECT_TRUE(store.suggest("\xF0\x9F\x98\x80").empty());  // an emoji is not one edit from a word
  EXPECT_TRUE(store.suggest("ca").empty());
  EXPECT_THAT(store.suggest("CAT"), ElementsAre("cat"));
}

TEST(VectorStore, RejectsBadConstruction) {
  EXPECT_THROW(VectorStore({}, 3, {}), Error);
  EXPECT_THROW(VectorStore({"a"}, 3, {1, 2}), Error);
  EXPECT_THROW(VectorStore({"a", "a"}, 1, {1, 2}), Error);
  EXPECT_THROW(VectorStore({"a"}, 2, {0, 0}), Error);
  EXPECT_THROW(VectorStore({"a"}, 2, {NAN, 1}), Error);
}

TEST(VectorStore, ExtremeMagnitudesStillGiveUnitVectors) {
  // Norms beyond float32's normal range (3e38 * sqrt(2) overflows, 1e-40 is subnormal): the
  // unit vectors are still of length one and point the same way.
  const VectorStore store({"big", "small", "plain"}, 2, {3e38f, 3e38f, 1e-40f, -1e-40f, 3, 4});
  for (size_t i = 0; i < 3; ++i) {
    const float* u = store.unit(i);
    EXPECT_NEAR(double(u[0]) * u[0] + double(u[1]) * u[1], 1.0, 1e-6) << i;
  }
  EXPECT_NEAR(store.unit(0)[0], std::sqrt(0.5), 1e-6);
  EXPECT_NEAR(store.unit(1)[1], -std::sqrt(0.5), 1e-6);
  EXPECT_EQ(store.unit(2)[0], 3.0f / 5.0f);  // the float32 division gensim does
}

TEST(VectorStore, LoadsFromAssetBytes) {
  const std::vector<uint8_t> bytes = encode_vector_asset({"cat", "dog"}, 2, {3, 4, -1, 0});
  const VectorStore store = VectorStore::from_asset(bytes.data(), bytes.size());
  EXPECT_EQ(store.words(), (std::vector<std::string>{"cat", "dog"}));
  EXPECT_NEAR(store.unit(0)[0], 0.6, 1e-4);
  EXPECT_NEAR(store.norm(0), 5.0, 1e-3);
  EXPECT_THROW(VectorStore::from_asset(bytes.data(), bytes.size() - 1), Error);
}

}  // namespace
}  // namespace playground
