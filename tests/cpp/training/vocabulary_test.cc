#include "training/vocabulary.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace playground {
namespace {

// The corpus and expected values were run through gensim 4.2:
//   Word2Vec(s, min_count=1, vector_size=4, epochs=1, sample=1e-3): wv.index_to_key,
//   wv.get_vecattr(w, 'sample_int'), cum_table.
Corpus toy() {
  return corpus_from_sentences({{"the", "cat", "sat", "on", "the", "mat"},
                                {"a", "dog", "sat", "on", "a", "log"},
                                {"the", "end", "of", "a", "log"}});
}

TEST(Vocabulary, OrderSampleIntsAndCumTableAsGensim) {
  const Vocabulary v(toy(), {1, 0, 1e-3, 0.75});
  EXPECT_EQ(v.words(), (std::vector<std::string>{"a", "the", "log", "on", "sat", "of", "end", "dog", "mat", "cat"}));
  std::vector<uint32_t> sample_ints;
  for (size_t i = 0; i < v.size(); ++i) sample_ints.push_back(v.sample_int(i));
  EXPECT_EQ(sample_ints, (std::vector<uint32_t>{347651540, 347651540, 432483641, 432483641, 432483641, 633009666,
                                                633009666, 633009666, 633009666, 633009666}));
  EXPECT_EQ(v.cum_table(), (std::vector<uint32_t>{335187108, 670374217, 917671225, 1164968234, 1412265242,
                                                  1559308923, 1706352604, 1853396285, 2000439966, 2147483647}));
  EXPECT_EQ(v.retained_words(), 17u);
  EXPECT_EQ(*v.find("log"), 2u);
  EXPECT_FALSE(v.find("zebra"));
}

TEST(Vocabulary, MinCountAndMaxFinalVocabAsGensim) {
  const Vocabulary v(toy(), {2, 0, 0.1, 0.75});
  EXPECT_EQ(v.words(), (std::vector<std::string>{"a", "the", "log", "on", "sat"}));
  EXPECT_EQ(v.sample_int(0), 4294967295u);
  EXPECT_EQ(v.cum_table(), (std::vector<uint32_t>{509683884, 1019367768, 1395406395, 1771445021, 2147483647}));
  // max_final_vocab=3: the 4th most frequent word has count 2, so min_count becomes 3.
  const Vocabulary w(toy(), {1, 3, 1e-3, 0.75});
  EXPECT_EQ(w.words(), (std::vector<std::string>{"a", "the"}));
  EXPECT_EQ(w.effective_min_count(), 3u);
  EXPECT_EQ(w.index_of_type(0), 1u);  // "the" was seen first
  EXPECT_EQ(w.index_of_type(1), Vocabulary::kNotInVocabulary);
}

TEST(Vocabulary, RejectsEmptyVocabularyAndBadSettings) {
  try {
    Vocabulary v(toy(), {10, 0, 1e-3, 0.75});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadArgument);
    EXPECT_NE(std::string(e.what()).find("lower min_count"), std::string::npos);
  }
  EXPECT_THROW(Vocabulary(toy(), {1, 0, -1, 0.75}), Error);
  EXPECT_THROW(Vocabulary(Corpus(), {1, 0, 1e-3, 0.75}), Error);
}

}  // namespace
}  // namespace playground
