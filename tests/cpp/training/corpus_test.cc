#include "training/corpus.h"

#include <gtest/gtest.h>

#include <string>

namespace playground {
namespace {

TEST(Corpus, TypesInFirstAppearanceOrderWithCounts) {
  const Corpus c = corpus_from_sentences({{"b", "a", "b"}, {}, {"c", "a"}});
  EXPECT_EQ(c.types(), (std::vector<std::string>{"b", "a", "c"}));
  EXPECT_EQ(c.counts(), (std::vector<uint64_t>{2, 2, 1}));
  EXPECT_EQ(c.sentence_count(), 2u);  // the empty sentence is skipped, as gensim does
  EXPECT_EQ(c.token_count(), 5u);
  EXPECT_EQ(c.sentence_size(1), 2u);
  EXPECT_EQ(c.sentence_begin(1)[0], 2u);
}

TEST(Corpus, LinesFormatSplitsOnSpacesTabsAndNewlines) {
  const Corpus c = corpus_from_lines("a  b\tc\r\n\nd e\n");
  EXPECT_EQ(c.sentence_count(), 2u);
  EXPECT_EQ(c.sentence_size(0), 3u);
  EXPECT_EQ(c.types(), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
}

TEST(Corpus, LongSentencesAreCutAtGensimsLimit) {
  CorpusBuilder b;
  for (size_t i = 0; i < kMaxSentenceTokens * 2 + 5; ++i) b.add_token(i % 2 ? "x" : "y");
  const Corpus c = b.finish();
  ASSERT_EQ(c.sentence_count(), 3u);
  EXPECT_EQ(c.sentence_size(0), kMaxSentenceTokens);
  EXPECT_EQ(c.sentence_size(1), kMaxSentenceTokens);
  EXPECT_EQ(c.sentence_size(2), 5u);
}

}  // namespace
}  // namespace playground
